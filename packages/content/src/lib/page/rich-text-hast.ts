import type {ElementContent} from 'hast'
import type {RootContent} from 'mdast'
import {mdastToHast} from '../render/mdast-to-hast.ts'
import {convertPortableText} from '../render/portable-text-to-mdast.ts'
import {element, textNode} from './hast-element.ts'
import type {PageContext} from './page-context.ts'
import type {PageText} from './page-text.ts'
import {untranslatedMarker} from './text-hast.ts'

/**
 * Portable Text as hast, through the same safe pipeline as `toHtml` (Portable Text → mdast →
 * hast, no raw HTML path), with its headings moved one level down (`h2` → `h3`) to sit under
 * the section heading, and heading ids prefixed with `body-` after the page's `idPrefix`. In a
 * `div.rich-text`, with `lang` and a compact "not yet translated" marker when it fell back; a visible
 * placeholder when missing. Render problems are reported with the field's path.
 *
 * @internal
 */
export function richTextHast(field: PageText<unknown>, context: PageContext): ElementContent[] {
  const {ui} = context
  if (field.status === 'missing' || field.value === null) {
    return [element('p', {className: ['missing-text']}, [textNode(ui.t('textMissing'))])]
  }
  const blocks = Array.isArray(field.value) ? field.value : []
  if (!Array.isArray(field.value)) {
    context.report('invalid-block', `\`${field.path}\` is not a Portable Text array; a “text missing” placeholder is shown`, field.path)
    return [element('p', {className: ['missing-text']}, [textNode(ui.t('textMissing'))])]
  }
  const {tree, messages} = convertPortableText(blocks, `${context.idPrefix}body-`)
  for (const message of messages) context.report(message.ruleId, message.reason, field.path, message.blockKey)
  for (const node of tree.children) demoteHeading(node)
  const children = mdastToHast(tree).children as ElementContent[]
  const lang = field.status === 'fallback' && field.lang !== null ? field.lang : undefined
  const content = element('div', {className: ['rich-text'], ...(lang ? {lang} : {})}, children)
  return lang ? [element('p', {className: ['marker-line']}, [untranslatedMarker(lang, context)]), content] : [content]
}

function demoteHeading(node: RootContent): void {
  if (node.type === 'heading' && node.depth < 6) node.depth = (node.depth + 1) as typeof node.depth
}
