import type {Element, ElementContent, Root} from 'hast'
import rehypeSanitize from 'rehype-sanitize'
import rehypeStringify from 'rehype-stringify'
import {unified} from 'unified'
import {describe, expect, it} from 'vitest'
import {renderSanitizeSchema} from './render-sanitize-schema.ts'

const processor = unified().use(rehypeSanitize, renderSanitizeSchema).use(rehypeStringify).freeze()
const h = (tagName: string, properties: Element['properties'], ...children: ElementContent[]): Element => ({type: 'element', tagName, properties, children})
const text = (value: string): ElementContent => ({type: 'text', value})
const sanitize = (...children: Root['children']) => processor.stringify(processor.runSync({type: 'root', children}))

describe('renderSanitizeSchema', () => {
  it('keeps the allowed elements, heading ids (unprefixed) and safe hrefs', () => {
    expect(
      sanitize(
        h('h2', {id: 'side-effects'}, text('Side effects')),
        h('p', {}, h('a', {href: 'tel:+3906'}, text('call')), h('br', {}), h('strong', {}, h('em', {}, h('code', {}, text('x'))))),
        h('ul', {}, h('li', {}, text('a'))),
      ),
    ).toBe('<h2 id="side-effects">Side effects</h2><p><a href="tel:+3906">call</a><br><strong><em><code>x</code></em></strong></p><ul><li>a</li></ul>')
  })

  it('removes scripts, styles and unknown elements, event handlers, other attributes and unsafe hrefs', () => {
    expect(
      sanitize(
        h('script', {}, text('alert(1)')),
        h('style', {}, text('p{}')),
        h('p', {onClick: 'x', className: ['c'], id: 'p'}, h('a', {href: 'javascript:alert(1)', target: '_blank'}, text('x')), h('img', {src: 'x'})),
        h('div', {}, text('div text')),
        h('h1', {id: 'h'}, text('title')),
        h('li', {}, text('orphan')),
      ),
    ).toBe('<p><a>x</a></p>div texttitleorphan')
  })
})
