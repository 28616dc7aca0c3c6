import {matchesGlob} from 'node:path'

import {EQUIVALENT} from './equivalent-mutants.ts'
import type {MutationReport} from './mutation-report.ts'

/** The score of one module: killed and timed out of all valid mutants, equivalent ones excluded. */
export interface ModuleScore {
  module: string
  killed: number
  timedOut: number
  survived: number
  noCoverage: number
  /** Listed as equivalent in stryker.config.mjs (see `markEquivalent`). */
  equivalent: number
  /** Ignored by Stryker for another reason (static mutants, `ignoreStatic`). */
  ignored: number
  /** Percent, or `undefined` when the module has no valid mutant in the report. */
  score: number | undefined
}

/** The score of each module whose files are in `report`, in the order of `modules`. */
export function moduleScores(report: MutationReport, modules: Readonly<Record<string, readonly string[]>>): ModuleScore[] {
  const scores: ModuleScore[] = []
  for (const [module, patterns] of Object.entries(modules)) {
    const files = Object.keys(report.files).filter((file) => inPatterns(file, patterns))
    if (files.length === 0) continue
    const count = {killed: 0, timedOut: 0, survived: 0, noCoverage: 0, equivalent: 0, ignored: 0}
    for (const file of files) {
      for (const mutant of report.files[file]!.mutants) {
        if (mutant.status === 'Killed') count.killed++
        else if (mutant.status === 'Timeout') count.timedOut++
        else if (mutant.status === 'Survived') count.survived++
        else if (mutant.status === 'NoCoverage') count.noCoverage++
        else if (mutant.status === 'Ignored' && mutant.statusReason?.startsWith(EQUIVALENT)) count.equivalent++
        else if (mutant.status === 'Ignored') count.ignored++
      }
    }
    const valid = count.killed + count.timedOut + count.survived + count.noCoverage
    scores.push({module, ...count, score: valid === 0 ? undefined : (100 * (count.killed + count.timedOut)) / valid})
  }
  return scores
}

/** Whether `file` matches Stryker-style `patterns`: one of the globs, and none of the `!globs`. */
export function inPatterns(file: string, patterns: readonly string[]): boolean {
  const excluded = patterns.filter((pattern) => pattern.startsWith('!')).some((pattern) => matchesGlob(file, pattern.slice(1)))
  return !excluded && patterns.some((pattern) => !pattern.startsWith('!') && matchesGlob(file, pattern))
}

/** The scores as a plain-text table, one module a line, with the total. */
export function formatScores(scores: readonly ModuleScore[]): string {
  const total = scores.reduce(
    (sum, score) => ({
      killed: sum.killed + score.killed,
      timedOut: sum.timedOut + score.timedOut,
      survived: sum.survived + score.survived,
      noCoverage: sum.noCoverage + score.noCoverage,
      equivalent: sum.equivalent + score.equivalent,
      ignored: sum.ignored + score.ignored,
    }),
    {killed: 0, timedOut: 0, survived: 0, noCoverage: 0, equivalent: 0, ignored: 0},
  )
  const valid = total.killed + total.timedOut + total.survived + total.noCoverage
  const rows = [...scores, {module: 'all', ...total, score: valid === 0 ? undefined : (100 * (total.killed + total.timedOut)) / valid}]
  const header = ['module', 'score', 'killed', 'timeout', 'survived', 'no cov', 'equivalent', 'static']
  const lines = rows.map((row) => [
    row.module,
    row.score === undefined ? 'n/a' : `${row.score.toFixed(1)}%`,
    String(row.killed),
    String(row.timedOut),
    String(row.survived),
    String(row.noCoverage),
    String(row.equivalent),
    String(row.ignored),
  ])
  const widths = header.map((title, column) => Math.max(title.length, ...lines.map((line) => line[column]!.length)))
  const format = (cells: string[]) => cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  ')
  return [format(header), ...lines.map(format)].join('\n')
}
