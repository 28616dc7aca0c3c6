/**
 * `pnpm content:check [FILE...]`: validates NDJSON dataset files (default: every dataset in
 * content/, not the lake's hidden history logs) against the Studio schema and its rules,
 * offline. Prints each problem with file, line, document id and field path; exits 1 when there
 * is any.
 */
import {readdir, readFile} from 'node:fs/promises'
import {join} from 'node:path'
import {isDatasetFileName} from '@treatments/content/dataset'
import {type DatasetProblem, formatProblem, validateDataset, type SchemaEntry} from '@treatments/studio/validation'
import {readUserFile, runCli} from './lib/cli.ts'
import {repoRoot} from './lib/paths.ts'

const USAGE = `Usage: pnpm content:check [--json] [FILE.ndjson ...]

Validates dataset files against the Studio schema (studio/schema.json) and the Studio's rules:
types, required fields, references that resolve, ranges, locale codes, unique slugs.
Default: every dataset in content/ (*.ndjson, not the hidden files the lake keeps beside a
dataset, such as its history log .dataset.ndjson.history.ndjson). Relative paths start from the directory you run it in.

Options:
  --json      print the problems as JSON
  --debug     show stack traces
  -h, --help  show this help

Exit code: 0 no problems, 1 any problem (or a file that cannot be read), 2 bad command line.`

/** Lines of a file that is not JSON shown before the rest are summed up: one per line of a README says nothing more. */
const SHOWN_INVALID_JSON_LINES = 10

/** Each problem as a line, but past ten lines of one file that are not JSON, one line for the rest. */
function problemLines(problems: readonly DatasetProblem[]): string[] {
  const invalid = new Map<string, number>()
  const lines: string[] = []
  for (const problem of problems) {
    if (problem.ruleId === 'invalid-json') {
      const count = (invalid.get(problem.file) ?? 0) + 1
      invalid.set(problem.file, count)
      if (count > SHOWN_INVALID_JSON_LINES) continue
    }
    lines.push(formatProblem(problem))
  }
  for (const [file, count] of invalid) {
    if (count > SHOWN_INVALID_JSON_LINES) {
      lines.push(`${file}: and ${count - SHOWN_INVALID_JSON_LINES} more lines that are not JSON: is it an NDJSON dataset (one JSON document per line)?`)
    }
  }
  return lines
}

await runCli({name: 'content:check', usage: USAGE, options: {json: {type: 'boolean'}}, positionals: true}, async ({values, positionals, path, display}) => {
  const contentDir = join(repoRoot, 'content')
  const paths =
    positionals.length > 0
      ? positionals.map(path)
      : (await readdir(contentDir)).filter(isDatasetFileName).sort().map((name) => join(contentDir, name))
  const files = await Promise.all(paths.map(async (file) => ({name: display(file), text: await readUserFile(file)})))
  const schema = JSON.parse(await readFile(join(repoRoot, 'studio/schema.json'), 'utf8')) as SchemaEntry[]
  const problems = validateDataset(files, schema)

  if (values.json) {
    console.log(JSON.stringify({files: files.map((file) => file.name), problems}, null, 2))
  } else if (problems.length === 0) {
    const count = files.reduce((sum, file) => sum + file.text.split('\n').filter((line) => line.trim()).length, 0)
    console.log(`content:check: ${count} documents in ${files.length} file(s), no problems`)
  } else {
    for (const line of problemLines(problems)) console.error(line)
    console.error(`content:check: ${problems.length} problem(s)`)
  }
  return problems.length > 0 ? 1 : 0
})

