import {isRecord} from '@treatments/content/dataset'

/** A Portable Text block's children as a tree of marks (before inline code ids are given). */
export type MarkNode =
  | {kind: 'text'; text: string}
  | {kind: 'mark'; mark: string; children: MarkNode[]}
  | {kind: 'object'; index: number}

/**
 * Nests a text block's spans by their marks, so that a mark spanning several spans (a link over a
 * bold word and plain words) becomes one node. Marks that continue over more of the following
 * spans are opened first (outermost). Inline objects carry no marks: they close every open mark.
 */
export function blockMarksTree(children: readonly unknown[]): MarkNode[] {
  const root: MarkNode[] = []
  const stack: Array<{mark: string; children: MarkNode[]}> = [{mark: '', children: root}]
  children.forEach((child, index) => {
    const marks = spanMarks(child)
    if (marks === undefined) {
      stack.length = 1
      root.push({kind: 'object', index})
      return
    }
    let depth = 1
    while (depth < stack.length && marks.includes(stack[depth]!.mark)) depth++
    stack.length = depth
    const open = marks
      .filter((mark) => !stack.some((entry) => entry.mark === mark))
      .map((mark, order) => ({mark, order, run: runLength(children, index, mark)}))
      .sort((a, b) => b.run - a.run || a.order - b.order)
    for (const {mark} of open) {
      const node: MarkNode = {kind: 'mark', mark, children: []}
      stack.at(-1)!.children.push(node)
      stack.push({mark, children: node.children})
    }
    const text = String((child as {text: unknown}).text)
    const target = stack.at(-1)!.children
    const last = target.at(-1)
    if (text === '') return
    if (last?.kind === 'text') last.text += text
    else target.push({kind: 'text', text})
  })
  return root
}

/** The marks of a span (deduplicated), or `undefined` when `child` is not a span. */
export function spanMarks(child: unknown): string[] | undefined {
  if (!isRecord(child) || child._type !== 'span' || typeof child.text !== 'string') return undefined
  const marks = Array.isArray(child.marks) ? child.marks.filter((mark): mark is string => typeof mark === 'string') : []
  return [...new Set(marks)]
}

function runLength(children: readonly unknown[], from: number, mark: string): number {
  let count = 0
  for (let index = from; index < children.length; index++) {
    if (!spanMarks(children[index])?.includes(mark)) break
    count++
  }
  return count
}
