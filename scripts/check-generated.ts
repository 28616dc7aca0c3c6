/**
 * `pnpm schema:check`: regenerates studio/schema.json and the TypeGen types, and fails when
 * they differ from what was there: the committed files must match the Studio schema and the
 * package's queries. The new files are left in place, ready to commit.
 */
import {execFileSync} from 'node:child_process'
import {readFile} from 'node:fs/promises'
import {join} from 'node:path'
import {repoRoot} from './lib/paths.ts'

const generated = ['studio/schema.json', 'packages/content/src/generated/sanity.types.ts']
const read = (path: string) => readFile(join(repoRoot, path), 'utf8').catch(() => '')

const before = await Promise.all(generated.map(read))
execFileSync('pnpm', ['--filter', '@treatments/studio', 'typegen'], {cwd: repoRoot, stdio: ['ignore', 'ignore', 'inherit']})
const after = await Promise.all(generated.map(read))

const stale = generated.filter((_path, index) => before[index] !== after[index])
if (stale.length > 0) {
  console.error(`schema:check: generated files were stale and have been regenerated: ${stale.join(', ')}\nReview and commit them (\`pnpm typegen\` regenerates them).`)
  process.exitCode = 1
} else {
  console.log(`schema:check: ${generated.join(' and ')} are up to date`)
}
