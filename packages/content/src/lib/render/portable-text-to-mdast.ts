import type {Blockquote, Heading, List, ListItem, Paragraph, Root, RootContent} from 'mdast'
import {createHeadingSlugger} from './heading-slugger.ts'
import {isRecord} from '../dataset/dataset-document.ts'
import {createMessageSink, type MessageSink, type RenderMessage} from './render-message.ts'
import type {RenderInput} from './render-input.ts'
import {readBlocks} from './render-input.ts'
import {readRenderOptions, type RenderOptions} from './render-options.ts'
import {spansToPhrasing} from './spans-to-phrasing.ts'

/**
 * A Markdown syntax tree made from Portable Text, with the problems found on the way.
 *
 * @public
 */
export interface MdastResult {
  /** An mdast `Root` using only `paragraph`, `heading` (depth 2–4, with `data.hProperties.id`),
   * `blockquote`, `list`, `listItem`, `strong`, `emphasis`, `inlineCode`, `link`, `break` and
   * `text` nodes. */
  tree: Root
  /** Content problems, in document order. */
  messages: RenderMessage[]
}

const headingDepths: Readonly<Record<string, 2 | 3 | 4>> = {h2: 2, h3: 3, h4: 4}
const knownStyles = new Set(['normal', 'h2', 'h3', 'h4', 'blockquote'])

/**
 * Turn Portable Text into an mdast (Markdown syntax) tree: the one model every renderer
 * (HTML, Markdown, plain text) is built on.
 *
 * - `block`s with style `normal`, `h2`–`h4` and `blockquote` become paragraphs, headings and
 *   block quotes; blocks with no text are left out.
 * - Consecutive blocks with a `listItem` become one list (`bullet` → unordered, `number` →
 *   ordered), nested by `level`.
 * - Headings get an id: the slug of their text, unique within the document (`-1`, `-2`…),
 *   after `options.idPrefix`. Ids depend only on the document, so they are stable.
 * - Decorators `strong`, `em`, `code` and `link` annotations with a safe URL
 *   (see `safeLinkUrl`) become inline nodes.
 * - Everything else is reported in `messages` and rendered as its text where it has text: a
 *   custom block with `children` spans becomes a paragraph; other custom objects are left out.
 *
 * Never throws for content, and never produces raw HTML nodes.
 *
 * @param blocks - A Portable Text array; `null` or `undefined` give an empty tree.
 * @throws {TypeError} When `blocks` is not an array, `null` or `undefined`, or `options` is
 *   malformed.
 * @public
 */
export function portableTextToMdast(blocks: RenderInput, options?: RenderOptions): MdastResult {
  const list = readBlocks('portableTextToMdast', blocks)
  return convertPortableText(list, readRenderOptions('portableTextToMdast', options).idPrefix)
}

/**
 * {@link portableTextToMdast} after argument checks.
 *
 * @internal
 */
export function convertPortableText(blocks: readonly unknown[], idPrefix: string): MdastResult {
  const sink = createMessageSink()
  const children: RootContent[] = []
  const slug = createHeadingSlugger(idPrefix)
  /** Lists open at the current position, outermost first. */
  const openLists: {list: List; level: number}[] = []

  for (let index = 0; index < blocks.length; index++) {
    const block = blocks[index]
    if (!isRecord(block) || typeof block._type !== 'string') {
      sink.report('invalid-block', `Entry ${index} is not a Portable Text block (an object with a \`_type\`); it was left out`, undefined)
      closeLists(openLists)
      continue
    }
    const key = typeof block._key === 'string' ? block._key : undefined

    if (block._type !== 'block') {
      closeLists(openLists)
      if (Array.isArray(block.children)) {
        sink.report('unknown-block-type', `${describeBlock(key, index)} has unknown type "${block._type}"; only its text is shown`, key)
        const paragraph = toParagraph(block.children, block.markDefs, key, sink)
        if (paragraph) children.push(paragraph)
      } else {
        sink.report('unknown-block-type', `${describeBlock(key, index)} has unknown type "${block._type}"; it was left out`, key)
      }
      continue
    }
    if (!Array.isArray(block.children)) {
      sink.report('invalid-block', `${describeBlock(key, index)} has no \`children\` array; it was left out`, key)
      closeLists(openLists)
      continue
    }

    const style = block.style ?? 'normal'
    if (typeof style !== 'string' || !knownStyles.has(style)) {
      sink.report('unknown-style', `${describeBlock(key, index)} has unknown style ${JSON.stringify(style)}; it is shown as a paragraph`, key)
    }
    const phrasing = spansToPhrasing(block.children, block.markDefs, key, sink)

    if (block.listItem !== undefined && block.listItem !== null) {
      let ordered = block.listItem === 'number'
      if (!ordered && block.listItem !== 'bullet') {
        sink.report('unknown-list-item', `${describeBlock(key, index)} has unknown list type ${JSON.stringify(block.listItem)}; it is shown as a bullet`, key)
        ordered = false
      }
      const level = typeof block.level === 'number' && Number.isInteger(block.level) && block.level >= 1 ? block.level : 1
      const item: ListItem = {type: 'listItem', spread: false, children: [{type: 'paragraph', children: phrasing.children}]}
      addListItem(openLists, children, item, ordered, level)
      continue
    }
    closeLists(openLists)
    if (phrasing.text.trim() === '') continue

    const depth = typeof style === 'string' ? headingDepths[style] : undefined
    if (depth !== undefined) {
      // `data.hProperties` is how mdast carries HTML attributes (`mdast-util-to-hast` reads it too).
      const data = {hProperties: {id: slug(phrasing.text)}} as Heading['data']
      const heading: Heading = {type: 'heading', depth, children: phrasing.children, data}
      children.push(heading)
    } else if (style === 'blockquote') {
      const quote: Blockquote = {type: 'blockquote', children: [{type: 'paragraph', children: phrasing.children}]}
      children.push(quote)
    } else {
      children.push({type: 'paragraph', children: phrasing.children})
    }
  }
  return {tree: {type: 'root', children}, messages: sink.messages}
}

/** How a message names a block: by its key, or by its index when it has none. */
function describeBlock(key: string | undefined, index: number): string {
  return key === undefined ? `Block ${index}` : `Block "${key}"`
}

/** Closes every open list (setting an array's length is a call into the engine: only when one is open). */
function closeLists(openLists: unknown[]): void {
  if (openLists.length !== 0) openLists.length = 0
}

function toParagraph(spans: readonly unknown[], markDefs: unknown, key: string | undefined, sink: MessageSink): Paragraph | undefined {
  const phrasing = spansToPhrasing(spans, markDefs, key, sink)
  return phrasing.text.trim() === '' ? undefined : {type: 'paragraph', children: phrasing.children}
}

/** Put a list item at `level`, opening, continuing or closing lists as needed. */
function addListItem(
  openLists: {list: List; level: number}[],
  root: RootContent[],
  item: ListItem,
  ordered: boolean,
  level: number,
): void {
  while (openLists.length > 0 && openLists.at(-1)!.level > level) openLists.pop()
  let top = openLists.at(-1)
  if (top && top.level === level && top.list.ordered !== ordered) {
    openLists.pop()
    top = openLists.at(-1)
  }
  if (top && top.level === level) {
    top.list.children.push(item)
    return
  }
  const list: List = {type: 'list', ordered, start: ordered ? 1 : null, spread: false, children: [item]}
  if (top) top.list.children.at(-1)!.children.push(list)
  else root.push(list)
  openLists.push({list, level})
}
