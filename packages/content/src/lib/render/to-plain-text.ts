import type {Nodes, PhrasingContent, RootContent} from 'mdast'
import {toString} from 'mdast-util-to-string'
import {convertPortableText} from './portable-text-to-mdast.ts'
import type {RenderInput} from './render-input.ts'
import {readBlocks} from './render-input.ts'
import {readRenderOptions, type RenderOptions} from './render-options.ts'
import type {RenderResult} from './render-result.ts'

/**
 * Render Portable Text to plain text: paragraphs, headings and quotes separated by a blank line,
 * each list item (nested ones too) on its own line without bullets or indentation, line breaks
 * kept, no final newline. The text is not escaped: escape it for the place you put it (HTML,
 * attributes), as with any string. Unknown content is handled and reported as in
 * {@link toHtml}.
 *
 * @param blocks - A Portable Text array; `null` or `undefined` (no body) give `''`.
 * @param options - Accepted for symmetry; `idPrefix` has no effect on plain text.
 * @throws {TypeError} When `blocks` is not an array, `null` or `undefined`, or `options` is
 *   malformed.
 * @public
 */
export function toPlainText(blocks: RenderInput, options?: RenderOptions): RenderResult {
  const list = readBlocks('toPlainText', blocks)
  const {idPrefix} = readRenderOptions('toPlainText', options)
  const {tree, messages} = convertPortableText(list, idPrefix)
  return {value: tree.children.map(blockText).join('\n\n'), messages}
}

function blockText(node: RootContent): string {
  switch (node.type) {
    case 'list':
      return listLines(node).join('\n')
    case 'blockquote':
      return node.children.map(blockText).join('\n\n')
    case 'paragraph':
    case 'heading':
      return phrasingText(node.children)
    default:
      return toString(node)
  }
}

function listLines(node: Nodes): string[] {
  if (node.type === 'list') return node.children.flatMap(listLines)
  if (node.type === 'listItem') {
    return node.children.flatMap((child) => (child.type === 'paragraph' ? [phrasingText(child.children)] : listLines(child)))
  }
  return [toString(node)]
}

/** `mdast-util-to-string`, except that line breaks stay line breaks. */
function phrasingText(nodes: readonly PhrasingContent[]): string {
  let text = ''
  for (const node of nodes) {
    if (node.type === 'break') text += '\n'
    else if ('children' in node) text += phrasingText(node.children)
    else text += toString(node)
  }
  return text
}
