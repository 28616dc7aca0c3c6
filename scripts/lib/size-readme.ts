/**
 * The bundle-size table in the READMEs, written by `pnpm size --write-readme` between
 * `<!-- size:start -->` and `<!-- size:end -->`, so the figures a reader sees have one source:
 * what `pnpm size` measures. The packaging test re-measures and fails when a README disagrees.
 */
import {readFile, writeFile} from 'node:fs/promises'
import {join} from 'node:path'
import {repoRoot} from './paths.ts'
import type {BundleSize} from './bundle-size.ts'

/** The READMEs that show the table. */
export const readmesWithSizes = ['README.md', 'packages/content/README.md'].map((path) => join(repoRoot, path))

const start = '<!-- size:start (written by `pnpm size --write-readme`; do not edit) -->'
const end = '<!-- size:end -->'

/** kB of 1,024 bytes with one decimal, as `pnpm size` prints them. */
export const formatKb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} kB`

/** The Markdown table of our bundles (with budgets) and the peers, one row each. */
export function sizeTable(ours: Array<BundleSize & {budgetGzip: number}>, peers: BundleSize[]): string {
  const rows = [
    '| bundle | gzip | minified | budget (gzip) |',
    '| --- | --- | --- | --- |',
    ...ours.map((entry) => `| ${entry.name} | ${formatKb(entry.gzip)} | ${formatKb(entry.minified)} | ${formatKb(entry.budgetGzip)} |`),
    ...peers.map((entry) => `| peer: \`${entry.name}\` | ${formatKb(entry.gzip)} | ${formatKb(entry.minified)} | |`),
  ]
  return rows.join('\n')
}

/** The text between a README's markers, or undefined when it has none. */
export function sizeRegion(readme: string): string | undefined {
  const from = readme.indexOf(start)
  const to = readme.indexOf(end, from)
  if (from < 0 || to < 0) return undefined
  return readme.slice(from + start.length, to).trim()
}

/** `readme` with the text between its markers replaced by `table`; throws when it has no markers. */
export function withSizeRegion(readme: string, table: string): string {
  const from = readme.indexOf(start)
  const to = readme.indexOf(end, from)
  if (from < 0 || to < 0) throw new Error(`the README has no ${start} … ${end} region`)
  return `${readme.slice(0, from + start.length)}\n\n${table}\n\n${readme.slice(to)}`
}

/** Writes `table` into every README that shows it; returns the paths it changed. */
export async function writeSizeTables(table: string): Promise<string[]> {
  const changed: string[] = []
  for (const path of readmesWithSizes) {
    const before = await readFile(path, 'utf8')
    const after = withSizeRegion(before, table)
    if (after !== before) {
      await writeFile(path, after)
      changed.push(path)
    }
  }
  return changed
}
