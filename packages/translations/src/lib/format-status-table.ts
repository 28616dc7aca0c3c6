import {formatPercent, type LocaleSummary} from './summarize-locales.ts'

/**
 * The per-locale table printed by `pnpm translations status`:
 *
 * ```text
 * locale  complete  translated  reviewed  stale  missing  total
 * it        100.0%          62         0      0        0     62
 * ```
 */
export function formatStatusTable(summaries: readonly LocaleSummary[]): string {
  const header = ['locale', 'complete', 'translated', 'reviewed', 'stale', 'missing', 'total']
  const rows = summaries.map((summary) => [
    summary.locale,
    formatPercent(summary.percentComplete),
    ...[summary.translated, summary.reviewed, summary.stale, summary.missing, summary.total].map(String),
  ])
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)))
  return [header, ...rows]
    .map((row) => row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  '))
    .join('\n')
}
