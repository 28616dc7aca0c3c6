import type {RootContent} from 'mdast'
import {writeMdast} from '../render/mdast-to-hast.ts'
import {convertPortableText} from '../render/portable-text-to-mdast.ts'
import type {PageContext} from './page-context.ts'
import type {PageText} from './page-text.ts'
import {openSource, writeUntranslatedMarker} from './write-text.ts'
import {constantProperties} from '../html/compile-safe-html.ts'

const missingProperties = constantProperties({className: ['missing-text']})
const markerLineProperties = constantProperties({className: ['marker-line']})
const richTextClass = Object.freeze(['rich-text'])
const plainRichTextProperties = constantProperties({className: richTextClass})
const richTextPropertiesByLang = new Map<string, Readonly<Record<string, unknown>>>()

/** `{className, lang}` of the rich text's element, made once per language (a bounded few, from the content's fallbacks). */
function richTextProperties(lang: string): Readonly<Record<string, unknown>> {
  let properties = richTextPropertiesByLang.get(lang)
  if (properties === undefined) {
    properties = constantProperties({className: richTextClass, lang})
    if (richTextPropertiesByLang.size < 100) richTextPropertiesByLang.set(lang, properties)
  }
  return properties
}

/**
 * Writes Portable Text through the same safe pipeline as `toHtml` (Portable Text → mdast →
 * the HTML elements `mdastToHast` would make, no raw HTML path, written through the page's
 * sanitizing writer), with its headings moved one level
 * down (`h2` → `h3`) to sit under the section heading, and heading ids prefixed with `body-`
 * after the page's `idPrefix`. In a `div.rich-text`, with `lang` and a compact "not yet
 * translated" marker when it fell back; a visible placeholder when missing. Render problems are
 * reported with the field's path.
 *
 * @internal
 */
export function writeRichText(field: PageText<unknown>, context: PageContext): void {
  const wrapped = openSource(field.path, context, 'div')
  writeRichFieldText(field, context)
  if (wrapped) context.out.close()
}

function writeRichFieldText(field: PageText<unknown>, context: PageContext): void {
  const {ui, out} = context
  if (field.status === 'missing' || field.value === null || !Array.isArray(field.value)) {
    if (field.value !== null && field.status !== 'missing') {
      context.report('invalid-block', `\`${field.path}\` is not a Portable Text array; a “text missing” placeholder is shown`, field.path)
    }
    out.open('p', missingProperties)
    out.text(ui.t('textMissing'))
    out.close()
    return
  }
  const lang = field.status === 'fallback' && field.lang !== null ? field.lang : undefined
  if (lang) {
    out.open('p', markerLineProperties)
    writeUntranslatedMarker(lang, context, false, field.stale === true)
    out.close()
  }
  out.open('div', lang ? richTextProperties(lang) : plainRichTextProperties)
  // Written afresh on every page: kept per value, it saved no measurable CPU on inputs parsed
  // as a real build gets them (docs/architecture.md), and needed values read as immutable.
  const {tree, messages} = convertPortableText(field.value, `${context.idPrefix}body-`)
  for (const node of tree.children) demoteHeading(node)
  writeMdast(tree, out)
  for (const message of messages) context.report(message.ruleId, message.reason, field.path, message.blockKey)
  out.close()
}

function demoteHeading(node: RootContent): void {
  if (node.type === 'heading' && node.depth < 6) node.depth = (node.depth + 1) as typeof node.depth
}
