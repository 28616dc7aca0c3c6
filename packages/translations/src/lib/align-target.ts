import {blockMarksTree, type MarkNode} from './block-marks-tree.ts'
import {inlineCodeProblems} from './inline-code-problems.ts'
import type {InlineNode, UnitContent} from './inline-content.ts'
import {isRecord} from '@treatments/content/dataset'

/**
 * Expresses an existing translation as XLIFF targets for the segments of `source`, reusing the
 * source's inline code ids: blocks are matched by `_key`, marks by decorator name or annotation
 * `_key` in order of appearance, inline objects by `_key`.
 *
 * @param source - `unitContent()` of the base-locale value.
 * @param sourceValue - The base-locale value itself.
 * @param targetValue - The translation.
 * @returns one inline sequence per segment, or `undefined` when the translation's structure does
 *   not line up with the source's (then the export leaves the target out).
 */
export function alignTarget(source: UnitContent, sourceValue: unknown, targetValue: unknown): InlineNode[][] | undefined {
  if (source.kind === 'text') {
    return typeof targetValue === 'string' ? [targetValue === '' ? [] : [{kind: 'text', text: targetValue}]] : undefined
  }
  if (!Array.isArray(sourceValue) || !Array.isArray(targetValue)) return undefined
  const sourceBlocks = sourceValue.filter((block) => isRecord(block) && Array.isArray(block.children)) as Array<Record<string, unknown>>
  const targetBlocks = targetValue.filter((block) => isRecord(block) && Array.isArray(block.children)) as Array<Record<string, unknown>>
  if (sourceBlocks.length !== source.segments.length) return undefined
  const targets: InlineNode[][] = []
  for (const [index, segment] of source.segments.entries()) {
    const sourceBlock = sourceBlocks[index]!
    const targetBlock =
      typeof sourceBlock._key === 'string' ? targetBlocks.find((block) => block._key === sourceBlock._key) : targetBlocks[index]
    if (targetBlock === undefined) return undefined
    const nodes = alignBlock(source, segment.nodes, sourceBlock, targetBlock)
    if (nodes === undefined || inlineCodeProblems(segment.nodes, nodes, (id) => id).length > 0) return undefined
    targets.push(nodes)
  }
  return targets
}

function alignBlock(
  source: UnitContent,
  sourceNodes: readonly InlineNode[],
  sourceBlock: Record<string, unknown>,
  targetBlock: Record<string, unknown>,
): InlineNode[] | undefined {
  const byId = new Map<string, InlineNode & {kind: 'pc' | 'ph'}>()
  const queues = new Map<string, string[]>()
  const sourceChildren = sourceBlock.children as unknown[]
  const visit = (nodes: readonly InlineNode[]) => {
    for (const node of nodes) {
      if (node.kind === 'text') continue
      byId.set(node.id, node)
      const meaning = source.codes.get(node.id)
      const identity =
        meaning?.kind === 'mark' ? `mark:${meaning.mark}` : `object:${String((sourceChildren[meaning?.index ?? -1] as {_key?: unknown})?._key)}`
      queues.set(identity, [...(queues.get(identity) ?? []), node.id])
      if (node.kind === 'pc') visit(node.children)
    }
  }
  visit(sourceNodes)
  const targetChildren = targetBlock.children as unknown[]
  let failed = false
  const convert = (nodes: readonly MarkNode[]): InlineNode[] =>
    nodes.map((node): InlineNode => {
      if (node.kind === 'text') return {kind: 'text', text: node.text}
      const identity =
        node.kind === 'mark' ? `mark:${node.mark}` : `object:${String((targetChildren[node.index] as {_key?: unknown})?._key)}`
      const id = queues.get(identity)?.shift()
      const template = id === undefined ? undefined : byId.get(id)
      if (template === undefined) {
        failed = true
        return {kind: 'text', text: ''}
      }
      return template.kind === 'ph' ? {...template} : {...template, children: node.kind === 'mark' ? convert(node.children) : []}
    })
  const nodes = convert(blockMarksTree(targetChildren))
  if (failed || [...queues.values()].some((queue) => queue.length > 0)) return undefined
  return nodes
}
