/**
 * `pnpm translations <status|export|import>`: translation status, XLIFF 2 export for translators
 * and import of their work, against the project from the environment or the local dataset file.
 * See packages/translations/README.md.
 */
import {mkdir, readFile, stat} from 'node:fs/promises'
import {basename, dirname} from 'node:path'

import {writeFileAtomically} from '@treatments/content/dataset'
import {baseLocale} from '@treatments/content/locales'
import {translationStates as states} from '@treatments/content/ui-strings'
import type {SanityClient} from '@sanity/client'
import {
  type FieldState,
  type FieldStatus,
  type PreviousSources,
  type TranslatableDocument,
  exportXliff,
  fetchPublishedDocuments,
  findLocalizedFields,
  findPreviousSources,
  localizedValue,
  plainText,
  previousSourceKey,
  wordDiff,
  fieldStates,
  fieldTitle,
  type FieldTitles,
  formatPercent,
  formatStatusTable,
  importXliff,
  isXliffError,
  reviewChanges,
  translationLocales,
  translationStatus,
} from '@treatments/translations'

import {isLocalLakeError} from '@treatments/local-lake'

import {CliError, runCli, UsageError, type CliContext} from './lib/cli.ts'
import {repoRoot} from './lib/paths.ts'
import {DatasetClientError, explainRemoteFailure, withDatasetClient} from './lib/dataset-client.ts'

const WHERE = `Where: with SANITY_PROJECT_ID, SANITY_DATASET and SANITY_TOKEN set (optional SANITY_API_HOST), the
Sanity project; otherwise a local lake started in this process over CONTENT_DATASET or
content/dataset.ndjson (changes are written back to that file).`

/** The field states in the words every screen uses: `missing, stale, translated – awaiting review, reviewed`. */
const STATE_WORDS = fieldStates.map((state) => states[state].word).join(', ')

const USAGE = `Usage: pnpm translations <command> [options]

Commands:
  status   how complete each locale is: fields ${STATE_WORDS}
  export   write an XLIFF 2.0 file of a locale's fields for translators
  import   read a translated XLIFF 2 file back, all or nothing

Run "pnpm translations <command> --help" for a command's options; --debug shows stack traces.

${WHERE}`

const STATUS_USAGE = `Usage: pnpm translations status [--locale LOCALE] [--diff] [--json] [--fail-under PERCENT]

Prints, per translation locale, the percentage of localized fields that are translated or
reviewed, and how many fields are in each state:
  ${STATE_WORDS}
(${states.stale.word}: the ${baseLocale} text changed since it was translated). No percentage ("–")
means the dataset has no localized field at all. Then, for each treatment review marked done
(the medical review and each locale's), whether it is current or which safety texts changed since
the review (pages stop claiming it until it is renewed).

Options:
  --locale LOCALE       only this locale (one of ${translationLocales.join(', ')})
  --diff                for every stale field, what changed in the ${baseLocale} text since it was
                        translated, as a word diff ([-removed-]{+added+})
  --json                print every field's status as JSON instead of the table
  --fail-under PERCENT  exit 1 when a locale is less than PERCENT complete
  -h, --help            show this help

${WHERE}`

const EXPORT_USAGE = `Usage: pnpm translations export --locale LOCALE [--only STATES] [--out FILE]

Example: pnpm translations export --locale de --only missing,stale --out translations-work/de.xlf

Writes an XLIFF 2.0 file with one <file> per document and one <unit> per localized field:
the ${baseLocale} text as <source>, the translation as <target> when there is one. A stale field
(its ${baseLocale} text changed since it was translated) gets its previous translation as <target>
with state="initial" subState="treatments:stale" (revise it), the ${baseLocale} text it was
translated from in <note category="previousSource"> and a word diff of the change
([-removed-]{+added+}) in <note category="sourceChange">, when the old text can be found.

Options:
  --locale LOCALE  the target locale (one of ${translationLocales.join(', ')}); required
  --only STATES    comma-separated field states to export: ${fieldStates.join(', ')} (default: all);
                   each unit's <note category="translationState"> says its state: ${STATE_WORDS}
  --out FILE       where to write (default: standard output; relative paths start from the
                   directory you run it in). Files under translations-work/ are ignored by git.
                   Replaced whole (atomically); never a .ndjson file, so a slip of the name
                   cannot put XLIFF over a dataset.
  -h, --help       show this help

${WHERE}`

const IMPORT_USAGE = `Usage: pnpm translations import FILE [--dry-run] [--locale LOCALE] [--confirm-unchanged] [--publish]

Reads a translated XLIFF 2 file, checks every unit (known document and field, ${baseLocale} text
unchanged since export, sources untouched, inline codes kept), then writes all translations in
one transaction, as drafts: each document's draft gets them (created from the published document
when there is none), the site is unchanged until someone reviews the draft and presses Publish in
the Studio. The history names "translations import FILE" as the author. If anything is wrong,
nothing is written.

Options:
  --dry-run        check and print what would change, write nothing
  --locale LOCALE  require the file to target LOCALE
  --confirm-unchanged
                   accept a stale field's previous translation sent back unchanged (you checked
                   it against the changed ${baseLocale} text); without it such a unit is rejected
  --publish        for bulk migrations only: write the published documents, not drafts; refuses
                   safety texts (never published unreviewed) and documents that have a draft
  -h, --help       show this help

${WHERE}`

/** The Studio's field titles (`studio/field-titles.json`, kept current by `pnpm schema:check`). */
const titles = JSON.parse(await readFile(`${repoRoot}studio/field-titles.json`, 'utf8')) as FieldTitles

/** A field as the Studio names it, with its path: `Who cannot have it (text)`. */
function fieldName(documentType: string, path: string): string {
  const title = fieldTitle(titles, documentType, path)
  return title === path ? path : `${title} (${path})`
}

/** Largest XLIFF file accepted by import. */
const MAX_IMPORT_BYTES = 50 * 1024 * 1024

/** Exit codes: 0 ok, 1 failure (or a locale under --fail-under), 2 bad command line. */
const explain = (error: unknown) =>
  isXliffError(error) || error instanceof DatasetClientError || isLocalLakeError(error) ? error.message : explainRemoteFailure(error)

function checkLocale(locale: string | undefined): string | undefined {
  if (locale !== undefined && !translationLocales.includes(locale)) {
    throw new UsageError(`--locale must be one of ${translationLocales.join(', ')}; got "${locale}"`)
  }
  return locale
}

const statusOptions = {locale: {type: 'string'}, json: {type: 'boolean'}, diff: {type: 'boolean'}, 'fail-under': {type: 'string'}} as const

async function status({values}: CliContext<typeof statusOptions>): Promise<number> {
  const locale = checkLocale(values.locale)
  const failUnderText = values['fail-under']
  const failUnder = failUnderText === undefined ? undefined : Number(failUnderText)
  if (failUnder !== undefined && (failUnderText!.trim() === '' || !Number.isFinite(failUnder) || failUnder < 0 || failUnder > 100)) {
    throw new UsageError(`--fail-under must be a percentage from 0 to 100; got "${failUnderText}"`)
  }
  const report = await withDatasetClient(async (client) => {
    const documents = await fetchPublishedDocuments(client)
    const status = await translationStatus(documents, locale === undefined ? {} : {locales: [locale]})
    const changes = values.diff === true ? await sourceChanges(client, documents, status.fields) : undefined
    return {...status, reviews: treatmentReviews(documents, locale), ...(changes === undefined ? {} : {sourceChanges: changes})}
  })
  // No field at all is most often the wrong dataset (CONTENT_DATASET, SANITY_DATASET): say so, and
  // let no --fail-under gate pass on it.
  const nothing = report.locales.every((summary) => summary.total === 0)
  console.log(
    values.json
      ? JSON.stringify(report, null, 2)
      : `${formatStatusTable(report.locales)}${nothing ? '\n\nNo published document has a localized field: nothing to translate (is this the dataset you meant?)' : ''}${formatSourceChanges(report.sourceChanges)}${formatReviews(report.reviews)}`,
  )
  if (nothing && failUnder !== undefined) {
    console.error(`translations status: no published document has a localized field, so no locale is ${failUnderText}% complete; is this the dataset you meant?`)
    return 1
  }
  const under = failUnder === undefined ? [] : report.locales.filter((summary) => summary.percentComplete < failUnder)
  for (const summary of under) {
    console.error(`translations status: ${summary.locale} is ${formatPercent(summary.percentComplete)} complete, under --fail-under ${failUnderText}%`)
  }
  return under.length > 0 ? 1 : 0
}

/** For every stale field: the old and current source and their word diff (`previous: null` when the old text is not found). */
async function sourceChanges(client: SanityClient, documents: readonly TranslatableDocument[], fields: readonly FieldStatus[]) {
  const stale = fields.filter((field) => field.state === 'stale')
  const byLocale = new Map<string, PreviousSources>()
  for (const field of stale) if (!byLocale.has(field.locale)) byLocale.set(field.locale, await findPreviousSources(client, documents, field.locale))
  const byId = new Map(documents.map((document) => [document._id, document]))
  return stale.map((field) => {
    const items = findLocalizedFields(byId.get(field.documentId)!).find((candidate) => candidate.path === field.field)!.items
    const current = plainText(localizedValue(items, baseLocale))
    const previous = byLocale.get(field.locale)!.get(previousSourceKey(field.documentId, field.field))?.text ?? null
    return {
      locale: field.locale,
      documentId: field.documentId,
      field: field.field,
      label: fieldTitle(titles, field.documentType, field.field),
      previous,
      current,
      diff: previous === null ? null : wordDiff(previous, current),
    }
  })
}

/** "Changed since translated:" lines, one per stale field, with the word diff of its source. */
function formatSourceChanges(changes: Awaited<ReturnType<typeof sourceChanges>> | undefined): string {
  if (changes === undefined) return ''
  if (changes.length === 0) return '\n\nChanged since translated: nothing (no stale field)'
  const lines = changes.map(
    (change) =>
      `  ${change.locale}  ${change.documentId}  ${change.label === change.field ? change.field : `${change.label} (${change.field})`}: ${change.diff ?? `(the ${baseLocale} text it was translated from is not known; now: ${change.current})`}`,
  )
  return `\n\nChanged since translated ([-removed-]{+added+}):\n${lines.join('\n')}`
}

/** Each treatment's reviews marked done (the medical one, and `locale`'s or every locale's), with what changed since. */
function treatmentReviews(documents: ReadonlyArray<Record<string, unknown>>, locale: string | undefined) {
  const byId = new Map(documents.map((document) => [document._id as string, document]))
  return documents
    .filter((document) => document._type === 'treatment')
    .flatMap((treatment) =>
      reviewChanges(treatment, (id) => byId.get(id))
        .filter((review) => review.review === 'medical' || locale === undefined || review.locale === locale)
        .map((review) => ({documentId: treatment._id as string, ...review})),
    )
}

/** "Reviews:" lines, one per review marked done, saying "changed since review" and which texts. */
function formatReviews(reviews: ReturnType<typeof treatmentReviews>): string {
  if (reviews.length === 0) return ''
  const lines = reviews.map((review) => {
    const what = review.review === 'medical' ? 'medical review' : `${review.locale} review`
    const by = review.reviewer === null ? '' : ` by ${review.reviewer}`
    const state = review.changed.length === 0 ? 'current' : `changed since review: ${review.changed.map((change) => `${change.field} (${change.change})`).join(', ')}`
    return `  ${review.documentId}: ${what}${by}: ${state}`
  })
  return `\n\nReviews:\n${lines.join('\n')}`
}

const exportOptions = {locale: {type: 'string'}, only: {type: 'string'}, out: {type: 'string'}} as const

async function exportCommand({values, path, display}: CliContext<typeof exportOptions>): Promise<number> {
  const locale = checkLocale(values.locale)
  if (locale === undefined) throw new UsageError('--locale is required')
  const onlyText = values.only
  const only = onlyText?.split(',').map((state) => state.trim()) as FieldState[] | undefined
  const unknown = only?.find((state) => !fieldStates.includes(state))
  if (unknown !== undefined) throw new UsageError(`--only takes ${fieldStates.join(', ')}; got "${unknown}"`)
  const out = values.out === undefined || values.out === '-' ? undefined : path(values.out)
  // A slip of the output name must never put XLIFF where a dataset or its history log was.
  if (out?.endsWith('.ndjson')) {
    throw new UsageError(`--out ${display(out)} is an NDJSON file (a dataset's name): XLIFF goes to its own file, e.g. ${locale}.xlf; nothing was written`)
  }
  const result = await withDatasetClient((client) => exportXliff(client, {locale, ...(only ? {only} : {})}))
  const selection = onlyText === undefined ? '' : ` (--only ${onlyText})`
  if (result.xml === undefined) {
    // An older export at --out could otherwise be sent on as if it were this one.
    const earlier = out !== undefined && (await stat(out).then((found) => found.isFile(), () => false))
    console.error(`translations export: nothing to export for ${locale}${selection}; no file written${earlier ? `, and ${display(out)} from an earlier export was left as it was` : ''}`)
    return 0
  }
  if (out === undefined) {
    process.stdout.write(result.xml)
  } else {
    await mkdir(dirname(out), {recursive: true})
    // Whole or not at all: a translator's tool never opens half a file.
    await writeFileAtomically(out, result.xml)
  }
  const total = fieldStates.reduce((sum, state) => sum + result.units[state], 0)
  const counts = fieldStates.filter((state) => result.units[state] > 0).map((state) => `${result.units[state]} ${states[state].word}`)
  console.error(
    `translations export: ${total} ${total === 1 ? 'field' : 'fields'} (${counts.join(', ')}) of ${result.documents} ` +
      `${result.documents === 1 ? 'document' : 'documents'} for ${locale}${out === undefined ? '' : ` written to ${display(out)}`}`,
  )
  for (const field of result.unsupported) console.error(`  left out ${field}: neither text nor Portable Text`)
  return 0
}

const importOptions = {'dry-run': {type: 'boolean'}, locale: {type: 'string'}, publish: {type: 'boolean'}, 'confirm-unchanged': {type: 'boolean'}} as const

async function importCommand({values, positionals, path, display}: CliContext<typeof importOptions>): Promise<number> {
  if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? 'give the XLIFF file to import' : 'give exactly one XLIFF file')
  const locale = checkLocale(values.locale)
  const file = path(positionals[0]!)
  const name = display(file)
  if ((await stat(file)).isDirectory()) throw new CliError(`${name} is a directory; give the XLIFF file`)
  if ((await stat(file)).size > MAX_IMPORT_BYTES) throw new CliError(`${name} is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MiB; split the export`)
  let text: string
  try {
    text = new TextDecoder('utf-8', {fatal: true}).decode(await readFile(file))
  } catch (error) {
    if (error instanceof TypeError) throw new CliError(`${name} is not UTF-8 text; save it as UTF-8`)
    throw error
  }
  const dryRun = values['dry-run'] === true
  const publish = values.publish === true
  // The history log's author: which tool, and which file, wrote this (the lake caps names at 200 characters).
  const author = `translations import ${name.length > 160 ? basename(file) : name}`
  const result = await withDatasetClient((client) =>
    importXliff(client, text, {dryRun, publish, author, confirmUnchanged: values['confirm-unchanged'] === true, ...(locale === undefined ? {} : {locale})}),
  )
  const count = (change: string) => result.changes.filter((entry) => entry.change === change).length
  console.log(
    `${result.locale}: ${count('added')} added, ${count('updated')} updated, ${count('unchanged')} unchanged, ` +
      `${result.skipped.length} without target (left as they are)`,
  )
  for (const change of result.changes) {
    if (change.change !== 'unchanged') console.log(`  ${change.change.padEnd(7)}  ${change.documentId}  ${fieldName(change.documentType, change.field)}`)
  }
  const written = result.updates.length
  const what = publish ? `published ${written === 1 ? 'document' : 'documents'}` : written === 1 ? 'draft' : 'drafts'
  if (written === 0) console.log('Nothing to write.')
  else if (dryRun) console.log(`Dry run: would write ${written} ${what}; nothing was written.`)
  else if (publish) console.log(`Wrote ${written} ${what} in one transaction (${result.transactionId}).`)
  else console.log(`Wrote ${written} ${what} in one transaction (${result.transactionId}); review and publish ${written === 1 ? 'it' : 'them'} in the Studio.`)
  return 0
}

const [command, ...rest] = process.argv.slice(2).filter((arg, index) => !(index === 0 && arg === '--'))
if (command === 'status') {
  await runCli({name: 'translations status', usage: STATUS_USAGE, options: statusOptions, args: rest, explain}, status)
} else if (command === 'export') {
  await runCli({name: 'translations export', usage: EXPORT_USAGE, options: exportOptions, args: rest, explain}, exportCommand)
} else if (command === 'import') {
  await runCli({name: 'translations import', usage: IMPORT_USAGE, options: importOptions, positionals: true, args: rest, explain}, importCommand)
} else {
  // No command, help, or an unknown command: the top-level usage.
  await runCli({name: 'translations', usage: USAGE, positionals: true, args: command === undefined ? [] : command === 'help' ? ['--help'] : [command]}, () => {
    throw new UsageError(command === undefined ? 'give a command: status, export or import' : `unknown command "${command}"; the commands are status, export and import`)
  })
}
