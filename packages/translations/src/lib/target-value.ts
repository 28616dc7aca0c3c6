import {inlineText, type CodeMeaning, type InlineNode, type UnitContent} from './inline-content.ts'
import {isRecord} from '@treatments/content/dataset'

/**
 * Builds the translated value of a field from XLIFF targets (already checked against the source).
 * Plain text is the target's text. Portable Text keeps the source's structure: every block keeps
 * its `_key`, `_type`, `style`, `listItem`, `level` and other properties; text blocks get new spans
 * from the target (each text run with the marks of its enclosing `<pc>`s, inline objects copied
 * from the source), and the source's `markDefs`, except that a link the translation already
 * localized (same annotation `_key` and `_type` in the current translation's block) keeps its
 * localized definition. Blocks without text (images) are copied from the source.
 *
 * @param sourceValue - The base-locale value the targets translate.
 * @param content - `unitContent(sourceValue)`.
 * @param targets - One inline sequence per segment of `content`.
 * @param currentValue - The locale's current value, if any.
 */
export function targetValue(
  sourceValue: unknown,
  content: UnitContent,
  targets: readonly (readonly InlineNode[])[],
  currentValue?: unknown,
): unknown {
  if (content.kind === 'text') return inlineText(targets[0] ?? [])
  if (!Array.isArray(sourceValue)) throw new TypeError('targetValue: Portable Text content needs a Portable Text source value')
  const current = Array.isArray(currentValue) ? currentValue.filter(isRecord) : []
  let segment = 0
  return sourceValue.map((block: unknown) => {
    if (!isRecord(block) || !Array.isArray(block.children)) return structuredClone(block)
    const nodes = targets[segment++] ?? []
    const existing = typeof block._key === 'string' ? current.find((candidate) => candidate._key === block._key) : undefined
    return translatedBlock(block, nodes, content.codes, existing)
  })
}

function translatedBlock(
  block: Record<string, unknown>,
  nodes: readonly InlineNode[],
  codes: ReadonlyMap<string, CodeMeaning>,
  existing: Record<string, unknown> | undefined,
): Record<string, unknown> {
  const sourceChildren = block.children as unknown[]
  const objectKeys = new Set(sourceChildren.map((child) => (isRecord(child) ? child._key : undefined)))
  const children: Array<Record<string, unknown>> = []
  let spanNumber = 0
  const spanKey = () => {
    let key: string
    do key = `s${++spanNumber}`
    while (objectKeys.has(key))
    return key
  }
  const visit = (list: readonly InlineNode[], marks: readonly string[]) => {
    for (const node of list) {
      if (node.kind === 'text') {
        const last = children.at(-1)
        if (last?._type === 'span' && sameMarks(last.marks as string[], marks)) last.text = `${String(last.text)}${node.text}`
        else children.push({_type: 'span', _key: spanKey(), text: node.text, marks: [...marks]})
        continue
      }
      const meaning = codes.get(node.id)
      if (node.kind === 'ph') {
        if (meaning?.kind === 'object') children.push(structuredClone(sourceChildren[meaning.index]) as Record<string, unknown>)
        continue
      }
      visit(node.children, meaning?.kind === 'mark' ? [...marks, meaning.mark] : marks)
    }
  }
  visit(nodes, [])
  if (children.length === 0) children.push({_type: 'span', _key: spanKey(), text: '', marks: []})
  const translated: Record<string, unknown> = {...structuredClone(block), children}
  if (Array.isArray(block.markDefs)) {
    const localized = Array.isArray(existing?.markDefs) ? existing.markDefs.filter(isRecord) : []
    translated.markDefs = block.markDefs.map((markDef: unknown) => {
      const match = isRecord(markDef) ? localized.find((other) => other._key === markDef._key && other._type === markDef._type) : undefined
      return structuredClone(match ?? markDef)
    })
  }
  return translated
}

function sameMarks(a: readonly string[] | undefined, b: readonly string[]): boolean {
  return Array.isArray(a) && a.length === b.length && a.every((mark, index) => mark === b[index])
}
