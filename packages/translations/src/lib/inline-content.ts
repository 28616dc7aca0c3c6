/**
 * The content of an XLIFF `<source>` or `<target>`: text and inline codes. Portable Text marks
 * become paired codes (`<pc>`), inline objects become placeholders (`<ph>`).
 */
export type InlineNode =
  | {kind: 'text'; text: string}
  | {kind: 'pc'; id: string; type: string; subType?: string; dataRefStart?: string; children: InlineNode[]}
  | {kind: 'ph'; id: string; type: string; subType?: string; dataRef?: string}

/** What an inline code stands for in Portable Text. */
export type CodeMeaning =
  /** A decorator (`strong`) or the `_key` of an annotation in the block's `markDefs`. */
  | {kind: 'mark'; mark: string; annotation: boolean}
  /** The inline object at `index` of the block's `children`. */
  | {kind: 'object'; index: number}

/** Block properties recorded for translators (the import takes them from the source document). */
export interface BlockInfo {
  key: string
  style?: string
  listItem?: string
  level?: number
}

/** One segment: a plain-text field has one; Portable Text has one per text block. */
export interface SegmentContent {
  /** The block `_key` (as an NMTOKEN); absent for plain text. */
  id?: string
  nodes: InlineNode[]
  block?: BlockInfo
}

/** The translatable content of one field, as XLIFF segments. */
export interface UnitContent {
  kind: 'text' | 'portableText'
  segments: SegmentContent[]
  /** `<originalData>`: per `data` id, the original code (decorator name, link href, or JSON). */
  data: Map<string, string>
  /** Per inline code id, what it stands for. */
  codes: Map<string, CodeMeaning>
}

/** Appends text to `nodes`, merging with a preceding text node. */
export function appendText(nodes: InlineNode[], text: string): void {
  if (text === '') return
  const last = nodes.at(-1)
  if (last?.kind === 'text') last.text += text
  else nodes.push({kind: 'text', text})
}

/** The plain text of inline nodes (codes dropped). */
export function inlineText(nodes: readonly InlineNode[]): string {
  return nodes.map((node) => (node.kind === 'text' ? node.text : node.kind === 'pc' ? inlineText(node.children) : '')).join('')
}

/** Whether two inline sequences are equal: same text, same codes with the same attributes. */
export function sameInline(a: readonly InlineNode[], b: readonly InlineNode[]): boolean {
  if (a.length !== b.length) return false
  return a.every((node, index) => {
    const other = b[index]!
    if (node.kind !== other.kind) return false
    if (node.kind === 'text') return node.text === (other as typeof node).text
    const code = other as typeof node
    if (node.id !== code.id || node.type !== code.type || node.subType !== code.subType) return false
    if (node.kind === 'ph') return node.dataRef === (code as typeof node).dataRef
    const pair = code as typeof node
    return node.dataRefStart === pair.dataRefStart && sameInline(node.children, pair.children)
  })
}
