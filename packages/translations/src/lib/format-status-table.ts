import {translationStates as states} from '@treatments/content/ui-strings'

import {formatPercent, type LocaleSummary} from './summarize-locales.ts'

/** The table's state columns, in the order the Studio lists states. */
const COLUMNS = ['missing', 'stale', 'translated', 'reviewed'] as const

/**
 * The per-locale table printed by `pnpm translations status`, its columns named with the states'
 * words ({@link states}):
 *
 * ```text
 * locale  complete  missing  stale  translated – awaiting review  reviewed  total
 * it        100.0%        0      0                            62         0     62
 * ```
 *
 * A locale with no field at all shows `–`, not 100%: nothing is not complete.
 */
export function formatStatusTable(summaries: readonly LocaleSummary[]): string {
  const header = ['locale', 'complete', ...COLUMNS.map((state) => states[state].word), 'total']
  const rows = summaries.map((summary) => [
    summary.locale,
    summary.total === 0 ? '–' : formatPercent(summary.percentComplete),
    ...[...COLUMNS.map((state) => summary[state]), summary.total].map(String),
  ])
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)))
  return [header, ...rows]
    .map((row) => row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  '))
    .join('\n')
}
