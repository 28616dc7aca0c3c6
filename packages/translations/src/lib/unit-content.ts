import {blockMarksTree, type MarkNode} from './block-marks-tree.ts'
import type {BlockInfo, CodeMeaning, InlineNode, SegmentContent, UnitContent} from './inline-content.ts'
import {isRecord} from '@treatments/content/dataset'
import {xliffToken} from './xliff-token.ts'

/** XLIFF `subType` of the decorators XLIFF has a name for. */
const DECORATOR_SUBTYPES: Readonly<Record<string, string>> = {strong: 'xlf:b', em: 'xlf:i', underline: 'xlf:u'}

/**
 * The translatable content of a base-locale value as XLIFF segments:
 * - a string is one segment of text;
 * - Portable Text is one segment per text block (`id` = the block `_key`), whose marks become
 *   paired codes: decorators `<pc type="fmt" subType="xlf:b|xlf:i|xlf:u">`, links
 *   `<pc type="link">`, other annotations `<pc type="other">`; inline objects become
 *   `<ph type="other">`. Every code points (`dataRefStart`/`dataRef`) at `<originalData>`, which
 *   holds the decorator name, the link `href`, or the annotation/object as JSON, so nothing is lost.
 *   Blocks without `children` (images, custom blocks) have no text and are not segments.
 *
 * Ids are deterministic (`m1…` for marks, `o1…` for objects, `d1…` for data), so exporting the
 * same text again gives the same unit, which is how the import checks that a file's sources are
 * untouched.
 *
 * @returns `undefined` when the value is neither a string nor Portable Text.
 */
export function unitContent(value: unknown): UnitContent | undefined {
  if (typeof value === 'string') {
    return {kind: 'text', segments: [{nodes: value === '' ? [] : [{kind: 'text', text: value}]}], data: new Map(), codes: new Map()}
  }
  if (!Array.isArray(value)) return undefined
  const segmentIds = blockSegmentIds(value)
  const taken = new Set(segmentIds.values())
  const counters = {m: 0, o: 0, d: 0}
  const next = (prefix: 'm' | 'o' | 'd') => {
    let id: string
    do id = `${prefix}${++counters[prefix]}`
    while (taken.has(id))
    return id
  }
  const content: UnitContent = {kind: 'portableText', segments: [], data: new Map(), codes: new Map()}
  value.forEach((block, index) => {
    if (!isRecord(block) || !Array.isArray(block.children)) return
    const markDefs = Array.isArray(block.markDefs) ? block.markDefs.filter(isRecord) : []
    const toInline = (nodes: readonly MarkNode[]): InlineNode[] =>
      nodes.map((node) => {
        if (node.kind === 'text') return {kind: 'text', text: node.text}
        const dataId = next('d')
        if (node.kind === 'object') {
          const id = next('o')
          const child = (block.children as unknown[])[node.index]
          content.codes.set(id, {kind: 'object', index: node.index})
          content.data.set(dataId, JSON.stringify(withoutKey(child)))
          return {kind: 'ph', id, type: 'other', dataRef: dataId}
        }
        const id = next('m')
        const definition = markDefs.find((markDef) => markDef._key === node.mark)
        const meaning: CodeMeaning = {kind: 'mark', mark: node.mark, annotation: definition !== undefined}
        content.codes.set(id, meaning)
        let pc: InlineNode & {kind: 'pc'}
        if (definition === undefined) {
          content.data.set(dataId, node.mark)
          const subType = DECORATOR_SUBTYPES[node.mark]
          pc = {kind: 'pc', id, type: 'fmt', ...(subType ? {subType} : {}), dataRefStart: dataId, children: []}
        } else if (definition._type === 'link') {
          content.data.set(dataId, typeof definition.href === 'string' ? definition.href : JSON.stringify(withoutKey(definition)))
          pc = {kind: 'pc', id, type: 'link', dataRefStart: dataId, children: []}
        } else {
          content.data.set(dataId, JSON.stringify(withoutKey(definition)))
          pc = {kind: 'pc', id, type: 'other', dataRefStart: dataId, children: []}
        }
        pc.children = toInline(node.children)
        return pc
      })
    const segment: SegmentContent = {
      id: segmentIds.get(index)!,
      nodes: toInline(blockMarksTree(block.children)),
      block: blockInfo(block, typeof block._key === 'string' ? block._key : segmentIds.get(index)!),
    }
    content.segments.push(segment)
  })
  return content
}

/** Segment ids of the text blocks of `value`, by block index: the block `_key` as an NMTOKEN, unique. */
export function blockSegmentIds(value: readonly unknown[]): Map<number, string> {
  const ids = new Map<number, string>()
  const used = new Set<string>()
  value.forEach((block, index) => {
    if (!isRecord(block) || !Array.isArray(block.children)) return
    const base = typeof block._key === 'string' ? xliffToken(block._key) : `block${index}`
    let id = base
    for (let suffix = 2; used.has(id); suffix++) id = `${base}-${suffix}`
    used.add(id)
    ids.set(index, id)
  })
  return ids
}

function blockInfo(block: Record<string, unknown>, key: string): BlockInfo {
  return {
    key,
    ...(typeof block.style === 'string' ? {style: block.style} : {}),
    ...(typeof block.listItem === 'string' ? {listItem: block.listItem} : {}),
    ...(typeof block.level === 'number' ? {level: block.level} : {}),
  }
}

function withoutKey(value: unknown): unknown {
  if (!isRecord(value)) return value
  const {_key: _ignored, ...rest} = value
  return rest
}
