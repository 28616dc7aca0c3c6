/**
 * `pnpm schema:check`: regenerates studio/schema.json, studio/field-titles.json, the TypeGen types and the queries as
 * sent, and fails when they differ from what was there: the committed files must match the Studio
 * schema and the package's queries. The new files are left in place, ready to commit.
 */
import {execFileSync} from 'node:child_process'
import {readFile} from 'node:fs/promises'
import {join} from 'node:path'
import {CliError, runCli} from './lib/cli.ts'
import {repoRoot} from './lib/paths.ts'
import {sentQueriesPath, writeSentQueries} from './lib/sent-queries.ts'

const USAGE = `Usage: pnpm schema:check

Regenerates studio/schema.json, studio/field-titles.json, the TypeGen types and the queries as sent, and fails when
they differ from the committed files (the new files are left in place, ready to review and commit).

Options:
  --debug     show stack traces
  -h, --help  show this help

Exit code: 0 up to date, 1 stale (or TypeGen failed), 2 bad command line.`

const generated = ['studio/schema.json', 'studio/field-titles.json', 'packages/content/src/generated/sanity.types.ts', sentQueriesPath]
const read = (path: string) => readFile(join(repoRoot, path), 'utf8').catch(() => '')

await runCli({name: 'schema:check', usage: USAGE}, async () => {
  const before = await Promise.all(generated.map(read))
  try {
    execFileSync('pnpm', ['--filter', '@treatments/studio', 'typegen'], {cwd: repoRoot, stdio: ['ignore', 'ignore', 'inherit']})
  } catch (error) {
    throw new CliError('`pnpm typegen` failed (its output is above); fix the schema or the queries it names', {cause: error})
  }
  await writeSentQueries()
  const after = await Promise.all(generated.map(read))
  const stale = generated.filter((_path, index) => before[index] !== after[index])
  if (stale.length > 0) {
    console.error(`schema:check: generated files were stale and have been regenerated: ${stale.join(', ')}\nReview and commit them (\`pnpm typegen\` regenerates them).`)
    return 1
  }
  console.log(`schema:check: ${generated.join(', ')} are up to date`)
  return 0
})
