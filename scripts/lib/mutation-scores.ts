import {matchesGlob} from 'node:path'

/** One mutant of Stryker's JSON report (mutation-testing-report-schema), as far as scores need. */
export interface ReportMutant {
  id: string
  mutatorName: string
  replacement?: string
  location: {start: {line: number; column: number}; end: {line: number; column: number}}
  status: 'Killed' | 'Survived' | 'NoCoverage' | 'Timeout' | 'CompileError' | 'RuntimeError' | 'Ignored' | 'Pending'
  statusReason?: string
}

/** Stryker's JSON report: mutants by file path (relative to the repository root). */
export interface MutationReport {
  files: Record<string, {mutants: ReportMutant[]}>
}

/** A surviving mutant that cannot change behaviour, with why (listed in stryker.config.mjs). */
export interface EquivalentMutant {
  file: string
  line: number
  /**
   * The mutant's column (Stryker's `location.start.column`), needed only when more than one
   * mutant of `mutator` on the line survives: an entry excuses exactly one mutant.
   */
  column?: number
  /** Where the mutant ends (`location.end.column`), when two such mutants start at one column (`a || b` and `a`). */
  endColumn?: number
  /** The mutant's code (`replacement`), when two such mutants span the same code (`x` forced `true` and `false`). */
  replacement?: string
  mutator: string
  reason: string
}

/** What {@link markEquivalent} could not apply. */
export interface UnappliedEquivalents {
  /** Entries that match no surviving mutant: killed now, or the code moved. */
  stale: EquivalentMutant[]
  /** Entries that match several surviving mutants (as `column-endColumn replacement`), none of which they excuse. */
  ambiguous: Array<{entry: EquivalentMutant; columns: string[]}>
}

/** How {@link markEquivalent} marks the reason of an equivalent mutant. */
const EQUIVALENT = 'equivalent: '

/** The score of one module: killed and timed out of all valid mutants, equivalent ones excluded. */
export interface ModuleScore {
  module: string
  killed: number
  timedOut: number
  survived: number
  noCoverage: number
  /** Listed as equivalent in stryker.config.mjs (see {@link markEquivalent}). */
  equivalent: number
  /** Ignored by Stryker for another reason (static mutants, `ignoreStatic`). */
  ignored: number
  /** Percent, or `undefined` when the module has no valid mutant in the report. */
  score: number | undefined
}

/**
 * Marks the survived or uncovered mutant each entry of `equivalents` names as `Ignored` (with the
 * listed reason), in place. An entry excuses one mutant: one that matches several (a second
 * mutant of the same kind on the line, which nobody has judged) excuses none of them until it
 * gives the column (the end column and the replacement, where those are shared too), so a new survivor is never excused by an entry written for another.
 */
export function markEquivalent(report: MutationReport, equivalents: readonly EquivalentMutant[]): UnappliedEquivalents {
  const unapplied: UnappliedEquivalents = {stale: [], ambiguous: []}
  for (const entry of equivalents) {
    const mutants = report.files[entry.file]?.mutants ?? []
    const matches = mutants.filter(
      (mutant) =>
        mutant.location.start.line === entry.line &&
        (entry.column === undefined || mutant.location.start.column === entry.column) &&
        (entry.endColumn === undefined || mutant.location.end.column === entry.endColumn) &&
        (entry.replacement === undefined || mutant.replacement === entry.replacement) &&
        mutant.mutatorName === entry.mutator &&
        (mutant.status === 'Survived' || mutant.status === 'NoCoverage' || mutant.status === 'Ignored'),
    )
    if (matches.length === 0) {
      if (report.files[entry.file] !== undefined) unapplied.stale.push(entry)
      continue
    }
    if (matches.length > 1) {
      unapplied.ambiguous.push({entry, columns: matches.map(({location, replacement}) => `${location.start.column}-${location.end.column} ${JSON.stringify(replacement)}`)})
      continue
    }
    matches[0]!.status = 'Ignored'
    matches[0]!.statusReason = `${EQUIVALENT}${entry.reason}`
  }
  return unapplied
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
