/**
 * `pnpm translations <status|export|import>`: translation status, XLIFF 2 export for translators
 * and import of their work, against the project from the environment or the local dataset file.
 * See packages/translations/README.md.
 */
import {readFile, stat, writeFile} from 'node:fs/promises'
import {parseArgs} from 'node:util'

import {baseLocale} from '@treatments/content/locales'
import {
  type FieldState,
  exportXliff,
  fetchPublishedDocuments,
  fieldStates,
  formatPercent,
  formatStatusTable,
  importXliff,
  isXliffError,
  translationLocales,
  translationStatus,
} from '@treatments/translations'

import {DatasetClientError, withDatasetClient} from './lib/dataset-client.ts'

const WHERE = `Where: with SANITY_PROJECT_ID, SANITY_DATASET and SANITY_TOKEN set (optional SANITY_API_HOST), the
Sanity project; otherwise a local lake started in this process over CONTENT_DATASET or
content/dataset.ndjson (changes are written back to that file).`

const USAGE = `Usage: pnpm translations <command> [options]

Commands:
  status   how complete each locale is: missing, stale, translated and reviewed fields
  export   write an XLIFF 2.0 file of a locale's fields for translators
  import   read a translated XLIFF 2 file back, all or nothing

Run "pnpm translations <command> --help" for a command's options.

${WHERE}`

const STATUS_USAGE = `Usage: pnpm translations status [--locale LOCALE] [--json] [--fail-under PERCENT]

Prints, per translation locale, the percentage of localized fields that are translated or
reviewed, and how many are stale (the ${baseLocale} text changed since) or missing.

Options:
  --locale LOCALE       only this locale (one of ${translationLocales.join(', ')})
  --json                print every field's status as JSON instead of the table
  --fail-under PERCENT  exit 1 when a locale is less than PERCENT complete
  -h, --help            show this help

${WHERE}`

const EXPORT_USAGE = `Usage: pnpm translations export --locale LOCALE [--only STATES] [--out FILE]

Writes an XLIFF 2.0 file with one <file> per document and one <unit> per localized field:
the ${baseLocale} text as <source>, the current translation as <target> when there is one.

Options:
  --locale LOCALE  the target locale (one of ${translationLocales.join(', ')}); required
  --only STATES    comma-separated field states to export: ${fieldStates.join(', ')} (default: all)
  --out FILE       where to write (default: standard output)
  -h, --help       show this help

${WHERE}`

const IMPORT_USAGE = `Usage: pnpm translations import FILE [--dry-run] [--locale LOCALE]

Reads a translated XLIFF 2 file, checks every unit (known document and field, ${baseLocale} text
unchanged since export, sources untouched, inline codes kept), then writes all translations in
one transaction and marks them translated. If anything is wrong, nothing is written.

Options:
  --dry-run        check and print what would change, write nothing
  --locale LOCALE  require the file to target LOCALE
  -h, --help       show this help

${WHERE}`

/** Largest XLIFF file accepted by import. */
const MAX_IMPORT_BYTES = 50 * 1024 * 1024

/** Exit codes: 0 ok, 1 failure (or a locale under --fail-under), 2 bad command line. */
class UsageError extends Error {}

function fail(message: string, usage: string): never {
  throw new UsageError(`${message}\n\n${usage}`)
}

type OptionSpec = Record<string, {type: 'string' | 'boolean'; short?: string}>

/** Parsed options: strings, booleans, and `help`. */
interface ParsedCommandLine {
  values: Record<string, string | boolean | undefined>
  positionals: string[]
}

function parse(args: string[], options: OptionSpec, usage: string, positionals = false): ParsedCommandLine {
  try {
    const parsed = parseArgs({args, options: {...options, help: {type: 'boolean', short: 'h'}}, allowPositionals: positionals, strict: true})
    return {values: parsed.values as ParsedCommandLine['values'], positionals: parsed.positionals}
  } catch (error) {
    return fail((error as Error).message, usage)
  }
}

function checkLocale(locale: string | undefined, usage: string): string | undefined {
  if (locale !== undefined && !translationLocales.includes(locale)) {
    fail(`--locale must be one of ${translationLocales.join(', ')}; got "${locale}"`, usage)
  }
  return locale
}

async function status(args: string[]): Promise<number> {
  const {values} = parse(args, {locale: {type: 'string'}, json: {type: 'boolean'}, 'fail-under': {type: 'string'}}, STATUS_USAGE)
  if (values.help) return help(STATUS_USAGE)
  const locale = checkLocale(values.locale as string | undefined, STATUS_USAGE)
  const failUnderText = values['fail-under'] as string | undefined
  const failUnder = failUnderText === undefined ? undefined : Number(failUnderText)
  if (failUnder !== undefined && (failUnderText!.trim() === '' || !Number.isFinite(failUnder) || failUnder < 0 || failUnder > 100)) {
    fail(`--fail-under must be a percentage from 0 to 100; got "${failUnderText}"`, STATUS_USAGE)
  }
  const report = await withDatasetClient(async (client) =>
    translationStatus(await fetchPublishedDocuments(client), locale === undefined ? {} : {locales: [locale]}),
  )
  console.log(values.json ? JSON.stringify(report, null, 2) : formatStatusTable(report.locales))
  const under = failUnder === undefined ? [] : report.locales.filter((summary) => summary.percentComplete < failUnder)
  for (const summary of under) {
    console.error(`translations status: ${summary.locale} is ${formatPercent(summary.percentComplete)} complete, under --fail-under ${failUnderText}%`)
  }
  return under.length > 0 ? 1 : 0
}

async function exportCommand(args: string[]): Promise<number> {
  const {values} = parse(args, {locale: {type: 'string'}, only: {type: 'string'}, out: {type: 'string'}}, EXPORT_USAGE)
  if (values.help) return help(EXPORT_USAGE)
  const locale = checkLocale(values.locale as string | undefined, EXPORT_USAGE)
  if (locale === undefined) fail('--locale is required', EXPORT_USAGE)
  const onlyText = values.only as string | undefined
  const only = onlyText?.split(',').map((state) => state.trim()) as FieldState[] | undefined
  const unknown = only?.find((state) => !fieldStates.includes(state))
  if (unknown !== undefined) fail(`--only takes ${fieldStates.join(', ')}; got "${unknown}"`, EXPORT_USAGE)
  const out = values.out as string | undefined
  const result = await withDatasetClient((client) => exportXliff(client, {locale, ...(only ? {only} : {})}))
  const selection = onlyText === undefined ? '' : ` (--only ${onlyText})`
  if (result.xml === undefined) {
    console.error(`translations export: nothing to export for ${locale}${selection}; no file written`)
    return 0
  }
  if (out === undefined || out === '-') process.stdout.write(result.xml)
  else await writeFile(out, result.xml)
  const total = fieldStates.reduce((sum, state) => sum + result.units[state], 0)
  const counts = fieldStates.filter((state) => result.units[state] > 0).map((state) => `${result.units[state]} ${state}`)
  console.error(
    `translations export: ${total} ${total === 1 ? 'field' : 'fields'} (${counts.join(', ')}) of ${result.documents} ` +
      `${result.documents === 1 ? 'document' : 'documents'} for ${locale}${out === undefined || out === '-' ? '' : ` written to ${out}`}`,
  )
  for (const field of result.unsupported) console.error(`  left out ${field}: neither text nor Portable Text`)
  return 0
}

async function importCommand(args: string[]): Promise<number> {
  const {values, positionals} = parse(args, {'dry-run': {type: 'boolean'}, locale: {type: 'string'}}, IMPORT_USAGE, true)
  if (values.help) return help(IMPORT_USAGE)
  if (positionals.length !== 1) fail(positionals.length === 0 ? 'give the XLIFF file to import' : 'give exactly one XLIFF file', IMPORT_USAGE)
  const locale = checkLocale(values.locale as string | undefined, IMPORT_USAGE)
  const file = positionals[0]!
  if ((await stat(file)).size > MAX_IMPORT_BYTES) throw new Error(`${file} is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MiB; split the export`)
  let text: string
  try {
    text = new TextDecoder('utf-8', {fatal: true}).decode(await readFile(file))
  } catch (error) {
    if (error instanceof TypeError) throw new Error(`${file} is not UTF-8 text; save it as UTF-8`)
    throw error
  }
  const dryRun = values['dry-run'] === true
  const result = await withDatasetClient((client) =>
    importXliff(client, text, {dryRun, ...(locale === undefined ? {} : {locale})}),
  )
  const count = (change: string) => result.changes.filter((entry) => entry.change === change).length
  console.log(
    `${result.locale}: ${count('added')} added, ${count('updated')} updated, ${count('unchanged')} unchanged, ` +
      `${result.skipped.length} without target (left as they are)`,
  )
  for (const change of result.changes) {
    if (change.change !== 'unchanged') console.log(`  ${change.change.padEnd(7)}  ${change.documentId}  ${change.field}`)
  }
  if (result.updates.length === 0) console.log('Nothing to write.')
  else if (dryRun) console.log(`Dry run: would write ${result.updates.length} ${result.updates.length === 1 ? 'document' : 'documents'}; nothing was written.`)
  else console.log(`Wrote ${result.updates.length} ${result.updates.length === 1 ? 'document' : 'documents'} in one transaction (${result.transactionId}).`)
  return 0
}

function help(usage: string): number {
  console.log(usage)
  return 0
}

const commands: Record<string, (args: string[]) => Promise<number>> = {status, export: exportCommand, import: importCommand}
const [command, ...rest] = process.argv.slice(2)
try {
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    process.exitCode = command === undefined ? 2 : help(USAGE)
    if (command === undefined) console.error(USAGE)
  } else if (!(command in commands)) {
    fail(`unknown command "${command}"`, USAGE)
  } else {
    process.exitCode = await commands[command]!(rest)
  }
} catch (error) {
  if (error instanceof UsageError) {
    console.error(`pnpm translations: ${error.message}`)
    process.exitCode = 2
  } else {
    const message = isXliffError(error) || error instanceof DatasetClientError ? error.message : (error as Error)?.message ?? String(error)
    console.error(`pnpm translations ${command}: ${message}`)
    process.exitCode = 1
  }
}
