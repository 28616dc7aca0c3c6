import type {Element as HastElement, Root as HastRoot} from 'hast'
import type {Nodes, PhrasingContent, Root, RootContent} from 'mdast'

/**
 * Where {@link writeMdast} writes HTML elements and text, in document order: a hast builder
 * ({@link mdastToHast}) or a sanitizing writer (`compileSafeHtmlWriter`), so the two cannot
 * differ.
 *
 * @internal
 */
export interface HtmlSink {
  open(tagName: string, properties?: Readonly<Record<string, unknown>>): void
  text(value: string): void
  close(): void
}

/**
 * Turn the mdast trees {@link portableTextToMdast} makes into hast (HTML syntax trees), the
 * way `mdast-util-to-hast` (`remark-rehype`) does for the same nodes and with the same output,
 * but only for those nodes: `paragraph`, `heading` (with `data.hProperties.id`), `blockquote`,
 * `list` (tight), `listItem`, `strong`, `emphasis`, `inlineCode`, `link`, `break`, `text`. Any
 * other node, `html` included, is dropped: there is no raw-HTML path at all.
 *
 * Why not `remark-rehype`: its first step walks the whole tree with `unist-util-visit` looking
 * for link definitions and footnotes, which Portable Text never has; that walk alone costs more
 * than `@portabletext/to-html` takes to render the whole document. This converter is a plain
 * recursive function over a closed set of node types ({@link writeMdast} into a hast builder).
 *
 * @internal
 */
export function mdastToHast(tree: Root): HastRoot {
  const root: HastRoot = {type: 'root', children: []}
  const open: Array<HastRoot | HastElement> = [root]
  writeMdast(tree, {
    open(tagName, properties) {
      const element: HastElement = {type: 'element', tagName, properties: {...properties} as HastElement['properties'], children: []}
      open.at(-1)!.children.push(element)
      open.push(element)
    },
    text(value) {
      open.at(-1)!.children.push({type: 'text', value})
    },
    close() {
      open.pop()
    },
  })
  return root
}

/**
 * Writes what {@link mdastToHast} gives for `tree` into `sink`, element by element, without a
 * tree: a page writes rich text straight into its sanitizing writer.
 *
 * @internal
 */
export function writeMdast(tree: Root, sink: HtmlSink): void {
  blockChildren(tree.children, sink)
}

const blockTypes = new Set(['paragraph', 'heading', 'blockquote', 'list'])
const noProperties = Object.freeze({})

/** Block nodes separated by newlines, as `mdast-util-to-hast` wraps them; unknown ones dropped. */
function blockChildren(nodes: readonly (RootContent | Nodes)[], sink: HtmlSink): void {
  let written = false
  for (const node of nodes) {
    if (!blockTypes.has(node.type)) continue
    if (written) sink.text('\n')
    block(node, sink)
    written = true
  }
}

function block(node: RootContent | Nodes, sink: HtmlSink): void {
  switch (node.type) {
    case 'paragraph':
      sink.open('p', noProperties)
      phrasing(node.children, sink, false)
      sink.close()
      return
    case 'heading': {
      const id = (node.data as {hProperties?: {id?: unknown}} | undefined)?.hProperties?.id
      sink.open(`h${node.depth}`, typeof id === 'string' ? {id} : noProperties)
      phrasing(node.children, sink, false)
      sink.close()
      return
    }
    case 'blockquote': {
      sink.open('blockquote', noProperties)
      // Its blocks on their own lines, when it has any.
      const lines = node.children.some((child) => blockTypes.has(child.type))
      if (lines) sink.text('\n')
      blockChildren(node.children, sink)
      if (lines) sink.text('\n')
      sink.close()
      return
    }
    case 'list': {
      sink.open(node.ordered ? 'ol' : 'ul', node.ordered && typeof node.start === 'number' && node.start !== 1 ? {start: node.start} : noProperties)
      if (node.children.length > 0) sink.text('\n')
      node.children.forEach((item, index) => {
        if (index > 0) sink.text('\n')
        sink.open('li', noProperties)
        item.children.forEach((child, at) => {
          // Tight lists: a paragraph's content goes straight into the `li`; anything after the
          // first paragraph starts on its own line.
          if (at > 0 || child.type !== 'paragraph') sink.text('\n')
          if (child.type === 'paragraph') phrasing(child.children, sink, false)
          else if (blockTypes.has(child.type)) block(child, sink)
        })
        const tail = item.children.at(-1)
        if (tail && tail.type !== 'paragraph') sink.text('\n')
        sink.close()
      })
      if (node.children.length > 0) sink.text('\n')
      sink.close()
      return
    }
    default:
      return
  }
}

/**
 * Inline nodes. Like `mdast-util-to-hast`, spaces and tabs at the start of a line after a break
 * go: from the text right after it, or from the first child of the element right after it when
 * that child is text (`trimFirst` asks a list of children for that).
 */
function phrasing(nodes: readonly PhrasingContent[], sink: HtmlSink, trimFirst: boolean): void {
  let written = false
  for (let index = 0; index < nodes.length; index++) {
    const node = nodes[index]!
    const afterBreak = index > 0 && nodes[index - 1]!.type === 'break'
    switch (node.type) {
      case 'text': {
        const value = trimLines(node.value)
        sink.text(afterBreak || (trimFirst && !written) ? trimStart(value) : value)
        break
      }
      case 'strong':
        sink.open('strong', noProperties)
        phrasing(node.children, sink, afterBreak)
        sink.close()
        break
      case 'emphasis':
        sink.open('em', noProperties)
        phrasing(node.children, sink, afterBreak)
        sink.close()
        break
      case 'inlineCode': {
        const value = node.value.replace(/\r?\n|\r/g, ' ')
        sink.open('code', noProperties)
        sink.text(afterBreak ? trimStart(value) : value)
        sink.close()
        break
      }
      case 'link':
        sink.open('a', {href: node.url})
        phrasing(node.children, sink, afterBreak)
        sink.close()
        break
      case 'break':
        sink.open('br', noProperties)
        sink.close()
        sink.text('\n')
        break
      default:
        continue
    }
    written = true
  }
}

function trimStart(value: string): string {
  return value.replace(/^[ \t]+/, '')
}

/** Spaces and tabs around line endings are removed, as `mdast-util-to-hast` does (`trim-lines`). */
function trimLines(value: string): string {
  return value.includes('\n') || value.includes('\r') ? value.replace(/[ \t]*(\r?\n|\r)[ \t]*/g, '$1') : value
}
