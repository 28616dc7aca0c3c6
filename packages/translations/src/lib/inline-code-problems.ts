import {hasVisibleText} from '@treatments/content/dataset'
import {inlineText, type InlineNode} from './inline-content.ts'

interface CodeUse {
  node: InlineNode & {kind: 'pc' | 'ph'}
  /** Ids of the enclosing `<pc>`s, outermost first. */
  parents: string[]
  count: number
}

/**
 * What is wrong with a target's inline codes compared with its source: every `<pc>` and `<ph>` of
 * the source must appear exactly once in the target, with the same type, `subType` and data
 * reference, inside the same enclosing `<pc>`s, and a `<pc>` around text in the source must keep
 * some text. Order may change (translations reorder words); nothing may be dropped or added.
 *
 * @param describe - Describes a code for messages, e.g. `<pc id="m1"> (link to https://…)`.
 * @returns one sentence per problem, empty when the codes match
 */
export function inlineCodeProblems(
  source: readonly InlineNode[],
  target: readonly InlineNode[],
  describe: (id: string) => string,
): string[] {
  const expected = collectCodes(source)
  const found = collectCodes(target)
  const problems: string[] = []
  for (const [id, use] of expected) {
    const other = found.get(id)
    if (other === undefined) {
      problems.push(`the target drops ${describe(id)}`)
      continue
    }
    if (other.count > 1) problems.push(`the target repeats ${describe(id)} ${other.count} times`)
    if (other.node.kind !== use.node.kind) {
      problems.push(`the target has <${other.node.kind} id="${id}"> where the source has ${describe(id)}`)
      continue
    }
    const changed = (['type', 'subType', 'dataRefStart', 'dataRef'] as const).filter(
      (name) => (use.node as Record<string, unknown>)[name] !== (other.node as Record<string, unknown>)[name],
    )
    if (changed.length > 0) {
      problems.push(`the target changes ${changed.map((name) => `"${name}"`).join(', ')} of ${describe(id)}`)
    }
    if (use.parents.join('/') !== other.parents.join('/')) {
      problems.push(`the target moves ${describe(id)} ${placement(other.parents)}; in the source it is ${placement(use.parents)}`)
    }
    if (use.node.kind === 'pc' && other.node.kind === 'pc' && hasVisibleText(inlineText(use.node.children)) && !hasVisibleText(inlineText(other.node.children))) {
      problems.push(`the target leaves ${describe(id)} without text`)
    }
  }
  for (const [id, other] of found) {
    if (!expected.has(id)) problems.push(`the target has <${other.node.kind} id="${id}">, which is not in the source`)
  }
  return problems
}

function placement(parents: readonly string[]): string {
  return parents.length === 0 ? 'outside any <pc>' : `inside <pc id="${parents.at(-1)}">`
}

function collectCodes(nodes: readonly InlineNode[]): Map<string, CodeUse> {
  const codes = new Map<string, CodeUse>()
  const visit = (list: readonly InlineNode[], parents: string[]) => {
    for (const node of list) {
      if (node.kind === 'text') continue
      const seen = codes.get(node.id)
      if (seen) seen.count++
      else codes.set(node.id, {node, parents, count: 1})
      if (node.kind === 'pc') visit(node.children, [...parents, node.id])
    }
  }
  visit(nodes, [])
  return codes
}
