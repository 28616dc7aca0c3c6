import {readFile} from 'node:fs/promises'

import {CliError} from './cli.ts'
import type {MutationReport, ReportMutant} from './mutation-report.ts'

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

/**
 * The code each entry was judged on, by {@link equivalentKey}: the source text the mutant
 * replaces (stryker.equivalents.json). Lines move as code changes; this tells an entry that now
 * lands on another mutant from one that still names the mutant someone judged.
 */
export type JudgedCode = Readonly<Record<string, string>>

/** What {@link markEquivalent} did not apply, and the code of each entry it matched. */
export interface EquivalentsOutcome {
  /** Entries that match no surviving mutant: killed now, or the code moved. */
  stale: EquivalentMutant[]
  /** Entries that match several surviving mutants (as `column-endColumn replacement`), none of which they excuse. */
  ambiguous: Array<{entry: EquivalentMutant; columns: string[]}>
  /** Entries whose one mutant now changes other code than the code they were judged on: not excused. */
  changed: Array<{entry: EquivalentMutant; judged: string; now: string}>
  /** The code to record for every entry that matched one mutant, by key: what was judged (also for a changed entry), and the code of a new one. */
  code: Record<string, string>
}

/** How {@link markEquivalent} marks the reason of an equivalent mutant. */
export const EQUIVALENT = 'equivalent: '

/** An entry's key: `file:line[:column][-endColumn] mutator[ "replacement"]`, as it is written. */
export function equivalentKey(entry: EquivalentMutant): string {
  const column = entry.column === undefined ? '' : `:${entry.column}`
  const end = entry.endColumn === undefined ? '' : `-${entry.endColumn}`
  const replacement = entry.replacement === undefined ? '' : ` ${JSON.stringify(entry.replacement)}`
  return `${entry.file}:${entry.line}${column}${end} ${entry.mutator}${replacement}`
}

/**
 * Marks the survived or uncovered mutant each entry of `equivalents` names as `Ignored` (with the
 * listed reason), in place. An entry excuses one mutant: one that matches several (a second
 * mutant of the same kind on the line, which nobody has judged) excuses none of them until it
 * gives the column (the end column and the replacement, where those are shared too); and one
 * whose mutant now changes other code than `judged` records (the line moved under it) excuses
 * nothing until someone judges it again. So a new survivor is never excused by an entry written
 * for another.
 */
export function markEquivalent(report: MutationReport, equivalents: readonly EquivalentMutant[], judged: JudgedCode = {}): EquivalentsOutcome {
  const outcome: EquivalentsOutcome = {stale: [], ambiguous: [], changed: [], code: {}}
  for (const entry of equivalents) {
    const file = report.files[entry.file]
    const matches = (file?.mutants ?? []).filter(
      (mutant) =>
        mutant.location.start.line === entry.line &&
        (entry.column === undefined || mutant.location.start.column === entry.column) &&
        (entry.endColumn === undefined || mutant.location.end.column === entry.endColumn) &&
        (entry.replacement === undefined || mutant.replacement === entry.replacement) &&
        mutant.mutatorName === entry.mutator &&
        (mutant.status === 'Survived' || mutant.status === 'NoCoverage' || mutant.status === 'Ignored'),
    )
    if (matches.length === 0) {
      if (file !== undefined) outcome.stale.push(entry)
      continue
    }
    if (matches.length > 1) {
      outcome.ambiguous.push({entry, columns: matches.map(({location, replacement}) => `${location.start.column}-${location.end.column} ${JSON.stringify(replacement)}`)})
      continue
    }
    const mutant = matches[0]!
    const key = equivalentKey(entry)
    const code = file?.source === undefined ? undefined : mutatedCode(file.source, mutant)
    if (code !== undefined) {
      const was = judged[key]
      if (was !== undefined && was !== code) {
        // Kept as judged until someone judges it again (`--accept-equivalents` passes no judged code).
        outcome.code[key] = was
        outcome.changed.push({entry, judged: was, now: code})
        continue
      }
      outcome.code[key] = code
    }
    mutant.status = 'Ignored'
    mutant.statusReason = `${EQUIVALENT}${entry.reason}`
  }
  return outcome
}

/** The source text a mutant replaces (Stryker's lines and columns count from 1). */
export function mutatedCode(source: string, mutant: Pick<ReportMutant, 'location'>): string {
  const lines = source.split('\n')
  const {start, end} = mutant.location
  if (start.line === end.line) return lines[start.line - 1]?.slice(start.column - 1, end.column - 1) ?? ''
  const inner = lines.slice(start.line, end.line - 1)
  return [lines[start.line - 1]?.slice(start.column - 1) ?? '', ...inner, lines[end.line - 1]?.slice(0, end.column - 1) ?? ''].join('\n')
}

/**
 * The code each equivalent entry was judged on (stryker.equivalents.json); none yet when the file
 * does not exist.
 *
 * @throws {CliError} when the file cannot be read or is not an object of strings
 */
export async function readJudgedCode(file: string): Promise<JudgedCode> {
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {}
    throw new CliError(`cannot read ${file} (${(error as Error).message})`)
  }
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (error) {
    throw new CliError(`${file} is not valid JSON (${(error as Error).message}); restore it from git, or delete it and run with --accept-equivalents`)
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value) || !Object.values(value).every((code) => typeof code === 'string')) {
    throw new CliError(`${file} must map each equivalent entry to the code it changes (an object of strings); restore it from git`)
  }
  return value as JudgedCode
}
