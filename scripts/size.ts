/**
 * `pnpm size [--json] [--write-readme]`: browser bundle sizes of the package's entries next to
 * the libraries a developer would use instead, measured the same way (esbuild, minified, gzip
 * -9). Exits 1 when an entry is over its budget (`scripts/lib/bundle-size.ts`).
 * `--write-readme` writes the table into the READMEs' marked regions (`scripts/lib/size-readme.ts`).
 */
import {relative} from 'node:path'
import {measureBundle, ourBundles, peerBundles} from './lib/bundle-size.ts'
import {runCli} from './lib/cli.ts'
import {repoRoot} from './lib/paths.ts'
import {formatKb, sizeTable, writeSizeTables} from './lib/size-readme.ts'

const USAGE = `Usage: pnpm size [--json] [--write-readme]

Measures browser bundles (esbuild, minified, gzip -9) of our entries and their peers.

Options:
  --json          print the figures as JSON
  --write-readme  write the table into README.md and packages/content/README.md
  --debug         show stack traces
  -h, --help      show this help

Exit code: 0 within budget, 1 an entry over its budget, 2 bad command line.`

await runCli({name: 'size', usage: USAGE, options: {json: {type: 'boolean'}, 'write-readme': {type: 'boolean'}}}, async ({values}) => {
  const ours = await Promise.all(ourBundles.map(async (entry) => ({...(await measureBundle(entry)), budgetGzip: entry.budgetGzip})))
  const peers = await Promise.all(peerBundles.map(measureBundle))
  const over = ours.filter((entry) => entry.gzip > entry.budgetGzip)

  if (values.json) {
    console.log(JSON.stringify({ours, peers, over: over.map((entry) => entry.name)}, null, 2))
  } else {
    const kb = formatKb
    console.log('bundle                               gzip      minified  budget')
    for (const entry of ours) console.log(`${entry.name.padEnd(36)} ${kb(entry.gzip).padEnd(9)} ${kb(entry.minified).padEnd(9)} ${kb(entry.budgetGzip)}${entry.gzip > entry.budgetGzip ? '  OVER BUDGET' : ''}`)
    for (const entry of peers) console.log(`${`peer: ${entry.name}`.padEnd(36)} ${kb(entry.gzip).padEnd(9)} ${kb(entry.minified)}`)
  }
  if (values['write-readme']) {
    const changed = await writeSizeTables(sizeTable(ours, peers))
    console.error(changed.length > 0 ? `size: wrote ${changed.map((path) => relative(repoRoot, path)).join(', ')}` : 'size: the READMEs already show these figures')
  }
  if (over.length > 0) {
    console.error(`size: over budget: ${over.map((entry) => `${entry.name} (${entry.gzip} > ${entry.budgetGzip} bytes gzip)`).join(', ')}`)
  }
  return over.length > 0 ? 1 : 0
})
