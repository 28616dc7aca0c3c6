import {describe, expect, it} from 'vitest'
import {html, SafeHtml, trustedHtml} from './html.ts'

describe('html', () => {
  it('escapes interpolated text and attribute values', () => {
    const title = '"><svg onload=alert(1)>'
    expect(html`<a title="${title}">${title}</a>`.value).toBe('<a title="&quot;&gt;&lt;svg onload=alert(1)&gt;">&quot;&gt;&lt;svg onload=alert(1)&gt;</a>')
  })

  it('inserts SafeHtml as is, joins arrays, and skips null, undefined and false', () => {
    const items = ['a<b', trustedHtml('<b>c</b>')]
    expect(html`<p>${items}${null}${undefined}${false}${3}</p>`.value).toBe('<p>a&lt;b<b>c</b>3</p>')
    expect(html`${html`<i>${'x&y'}</i>`}`).toBeInstanceOf(SafeHtml)
    expect(String(html`${html`<i>${'x&y'}</i>`}`)).toBe('<i>x&amp;y</i>')
  })

  it('refuses values it cannot write as text', () => {
    expect(() => html`${{}}`).toThrow(new TypeError('`html` cannot interpolate object; pass text, a number, SafeHtml or an array of them'))
  })
})
