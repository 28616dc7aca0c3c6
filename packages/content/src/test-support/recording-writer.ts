import type {Element, ElementContent, Root} from 'hast'
import type {SafeHtmlWriter} from '../lib/html/compile-safe-html.ts'

/**
 * A {@link SafeHtmlWriter} that passes every call on to `inner` and also records what was written
 * as hast, unsanitized: `trees[n]` is what was written before the `n`-th `take()`, and
 * `written[n]` what `inner` returned for it. Tests run
 * the recorded trees through `rehype-sanitize` + `rehype-stringify` and compare with what
 * `inner` wrote.
 */
export function recordingWriter(inner: SafeHtmlWriter): SafeHtmlWriter & {trees: Root[]; written: string[]} {
  const trees: Root[] = []
  const written: string[] = []
  let root: Root = {type: 'root', children: []}
  const open: Array<Root | Element> = [root]
  const marks: Array<{parent: Root | Element; index: number}> = []
  const parent = () => open.at(-1)!
  let forward = true
  const writer = {
    trees,
    written,
    open(tagName: string, properties?: Readonly<Record<string, unknown>>) {
      const element: Element = {type: 'element', tagName, properties: structuredClone({...properties}) as Element['properties'], children: []}
      parent().children.push(element)
      open.push(element)
      if (forward) inner.open(tagName, properties)
    },
    close() {
      open.pop()
      if (forward) inner.close()
    },
    text(value: string) {
      parent().children.push({type: 'text', value})
      if (forward) inner.text(value)
    },
    mark() {
      marks.push({parent: parent(), index: parent().children.length})
      return forward ? inner.mark() : -1
    },
    insertAt(mark: number, write: () => void) {
      const {parent: at, index} = marks.pop()!
      const after = at.children.splice(index)
      if (forward) inner.insertAt(mark, write)
      else write()
      at.children.push(...(after as ElementContent[]))
    },
    fragment(key: object, write: () => void) {
      // Recorded as written out every time; when `inner` repeats its first output instead of
      // writing, the calls (nested fragments and marks included) are recorded only.
      if (!forward) return write()
      let written = false
      inner.fragment(key, () => {
        written = true
        write()
      })
      if (!written) {
        forward = false
        write()
        forward = true
      }
    },
    take() {
      trees.push(root)
      root = {type: 'root', children: []}
      open.length = 0
      open.push(root)
      const html = inner.take()
      written.push(html)
      return html
    },
  }
  return writer
}
