import type {ElementContent, Element as HastElement, Root as HastRoot, RootContent as HastRootContent} from 'hast'
import type {Nodes, PhrasingContent, Root, RootContent} from 'mdast'

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
 * recursive function over a closed set of node types.
 *
 * @internal
 */
export function mdastToHast(tree: Root): HastRoot {
  return {type: 'root', children: blockChildren(tree.children)}
}

/** Block nodes separated by newlines, as `mdast-util-to-hast` wraps them. */
function blockChildren(nodes: readonly (RootContent | Nodes)[]): HastRootContent[] {
  const result: HastRootContent[] = []
  for (const node of nodes) {
    const element = block(node)
    if (element === undefined) continue
    if (result.length > 0) result.push({type: 'text', value: '\n'})
    result.push(element)
  }
  return result
}

function block(node: RootContent | Nodes): HastElement | undefined {
  switch (node.type) {
    case 'paragraph':
      return element('p', {}, phrasing(node.children))
    case 'heading': {
      const id = (node.data as {hProperties?: {id?: unknown}} | undefined)?.hProperties?.id
      return element(`h${node.depth}`, typeof id === 'string' ? {id} : {}, phrasing(node.children))
    }
    case 'blockquote':
      return element('blockquote', {}, wrapLines(blockChildren(node.children) as ElementContent[]))
    case 'list': {
      const items: ElementContent[] = []
      for (const item of node.children) {
        const content: ElementContent[] = []
        item.children.forEach((child, index) => {
          // Tight lists: a paragraph's content goes straight into the `li`; anything after the
          // first paragraph starts on its own line.
          if (index > 0 || child.type !== 'paragraph') content.push({type: 'text', value: '\n'})
          if (child.type === 'paragraph') content.push(...phrasing(child.children))
          else {
            const nested = block(child)
            if (nested) content.push(nested)
          }
        })
        const tail = item.children.at(-1)
        if (tail && tail.type !== 'paragraph') content.push({type: 'text', value: '\n'})
        items.push(element('li', {}, content))
      }
      const start = node.ordered && typeof node.start === 'number' && node.start !== 1 ? {start: node.start} : {}
      return element(node.ordered ? 'ol' : 'ul', start, wrapLines(joinLines(items)))
    }
    default:
      return undefined
  }
}

function phrasing(nodes: readonly PhrasingContent[]): ElementContent[] {
  const result: ElementContent[] = []
  for (let index = 0; index < nodes.length; index++) {
    const node = nodes[index]!
    const start = result.length
    switch (node.type) {
      case 'text':
        result.push({type: 'text', value: trimLines(node.value)})
        break
      case 'strong':
        result.push(element('strong', {}, phrasing(node.children)))
        break
      case 'emphasis':
        result.push(element('em', {}, phrasing(node.children)))
        break
      case 'inlineCode':
        result.push(element('code', {}, [{type: 'text', value: node.value.replace(/\r?\n|\r/g, ' ')}]))
        break
      case 'link':
        result.push(element('a', {href: node.url}, phrasing(node.children)))
        break
      case 'break':
        result.push(element('br', {}, []), {type: 'text', value: '\n'})
        break
      default:
        break
    }
    // Like `mdast-util-to-hast`: spaces and tabs at the start of a line after a break go.
    if (index > 0 && nodes[index - 1]!.type === 'break') {
      const added = result[start]
      const head = added?.type === 'element' ? added.children[0] : added
      if (head?.type === 'text') head.value = head.value.replace(/^[ \t]+/, '')
    }
  }
  return result
}

function element(tagName: string, properties: HastElement['properties'], children: ElementContent[]): HastElement {
  return {type: 'element', tagName, properties, children}
}

function joinLines(nodes: ElementContent[]): ElementContent[] {
  const result: ElementContent[] = []
  for (const node of nodes) {
    if (result.length > 0) result.push({type: 'text', value: '\n'})
    result.push(node)
  }
  return result
}

function wrapLines(nodes: ElementContent[]): ElementContent[] {
  return nodes.length === 0 ? nodes : [{type: 'text', value: '\n'}, ...nodes, {type: 'text', value: '\n'}]
}

/** Spaces and tabs around line endings are removed, as `mdast-util-to-hast` does (`trim-lines`). */
function trimLines(value: string): string {
  return value.includes('\n') || value.includes('\r') ? value.replace(/[ \t]*(\r?\n|\r)[ \t]*/g, '$1') : value
}
