/**
 * `pnpm content:check [FILE...]`: validates NDJSON dataset files (default: content/*.ndjson)
 * against the Studio schema and its rules, offline. Prints each problem with file, line,
 * document id and field path; exits 1 when there is any.
 */
import {readdir, readFile} from 'node:fs/promises'
import {join, relative} from 'node:path'
import {parseArgs} from 'node:util'
import {formatProblem, validateDataset, type SchemaEntry} from '@treatments/studio/validation'
import {repoRoot} from './lib/paths.ts'

const {values, positionals} = parseArgs({
  allowPositionals: true,
  options: {json: {type: 'boolean'}, help: {type: 'boolean', short: 'h'}},
})

if (values.help) {
  console.log(`Usage: pnpm content:check [--json] [FILE.ndjson ...]

Validates dataset files against the Studio schema (studio/schema.json) and the Studio's rules:
types, required fields, references that resolve, ranges, locale codes, unique slugs.
Default: every content/*.ndjson file. Exit code 1 when any problem is found.`)
  process.exit(0)
}

const contentDir = join(repoRoot, 'content')
const paths = positionals.length > 0 ? positionals : (await readdir(contentDir)).filter((name) => name.endsWith('.ndjson')).sort().map((name) => join(contentDir, name))
const files = await Promise.all(paths.map(async (path) => ({name: relative(process.cwd(), path) || path, text: await readFile(path, 'utf8')})))
const schema = JSON.parse(await readFile(join(repoRoot, 'studio/schema.json'), 'utf8')) as SchemaEntry[]
const problems = validateDataset(files, schema)

if (values.json) {
  console.log(JSON.stringify({files: files.map((file) => file.name), problems}, null, 2))
} else if (problems.length === 0) {
  const count = files.reduce((sum, file) => sum + file.text.split('\n').filter((line) => line.trim()).length, 0)
  console.log(`content:check: ${count} documents in ${files.length} file(s), no problems`)
} else {
  for (const problem of problems) console.error(formatProblem(problem))
  console.error(`content:check: ${problems.length} problem(s)`)
}
process.exitCode = problems.length > 0 ? 1 : 0
