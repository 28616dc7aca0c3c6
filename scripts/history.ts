/**
 * `pnpm history <documentId|slug>`: who changed a document (or one field of it), when, from what
 * to what, and which review covered each version, read from the dataset's history log
 * (`.<file>.history.ndjson`, written by the local lake).
 */
import {type DatasetDocument, isDatasetFileError, readNdjson} from '@treatments/content/dataset'
import {localeIds, matchLocale} from '@treatments/content/locales'
import {documentVersions, historyFileOf, isLocalLakeError, readHistoryLog} from '@treatments/local-lake'

import {CliError, runCli, UsageError} from './lib/cli.ts'
import {type DocumentChangeRecord, documentHistory} from './lib/document-history.ts'
import {type HistoryLabels, historyLabels} from './lib/history-labels.ts'
import {defaultDatasetPath} from './lib/paths.ts'

const USAGE = `Usage: pnpm history <documentId|slug> [--field PATH] [--since DATE] [--locale TAG] [--json] [--file FILE]

Prints every change the local lake recorded to a document: when, who, each changed value
before and after (a word diff for text: [-removed-]{+added+}), and which doctor's or
translation review, if any, covered the resulting version of its safety texts. A treatment
slug (its slug in any locale, or a former one) or a published id shows the published document
and its draft.

Options:
  --field PATH   only changes to PATH, e.g. text, text[en], disclaimer, medicalReview
  --since DATE   only changes at or after DATE (ISO 8601, e.g. 2026-12-01 or 2026-12-01T09:00Z)
  -l, --locale TAG  the language of the labels: a BCP 47 tag such as en, it or de-AT (default:
                 en); the values are printed as they are stored
  --json         print the changes as JSON, for tools (in any --locale)
  --file FILE    the dataset file (default: $CONTENT_DATASET or content/dataset.ndjson; relative
                 paths start from the directory you run it in); its log is .<file>.history.ndjson
  --debug        show stack traces
  -h, --help     show this help

The log is append-only and written before the dataset file, so reading it while a lake runs
is safe.`

await runCli(
  {
    name: 'history',
    usage: USAGE,
    positionals: true,
    options: {field: {type: 'string'}, since: {type: 'string'}, locale: {type: 'string', short: 'l', default: 'en'}, json: {type: 'boolean'}, file: {type: 'string'}},
    explain: (error) => (isDatasetFileError(error) || isLocalLakeError(error) ? error.message : undefined),
  },
  async ({values, positionals, path, display}) => {
    if (positionals.length !== 1 || positionals[0]!.trim() === '') {
      throw new UsageError(positionals.length === 0 ? 'name one document id or treatment slug' : `name one document id or slug, not ${positionals.length}`)
    }
    const wanted = positionals[0]!.trim()
    if (values.field !== undefined && values.field.trim() === '') throw new UsageError('--field needs a path such as text or disclaimer')
    let since: number | undefined
    if (values.since !== undefined) {
      since = Date.parse(values.since)
      if (Number.isNaN(since)) throw new UsageError(`--since must be a date like 2026-12-01 or 2026-12-01T09:00Z; got "${values.since}"`)
      // Date.parse rolls 2026-02-30 over into 2 March: a day that is not on the calendar is a typo.
      const day = /^\d{4}-\d{2}-\d{2}/.exec(values.since.trim())?.[0]
      const midnight = day === undefined ? undefined : new Date(`${day}T00:00:00Z`)
      if (midnight !== undefined && (Number.isNaN(midnight.getTime()) || midnight.toISOString().slice(0, 10) !== day)) {
        throw new UsageError(`--since must be a date like 2026-12-01 or 2026-12-01T09:00Z; got "${values.since}", which is not a day of the calendar`)
      }
    }
    try {
      Intl.getCanonicalLocales(values.locale)
    } catch {
      throw new UsageError(`--locale must be a BCP 47 language tag such as it or de-AT; got "${values.locale}"`)
    }
    const match = matchLocale(values.locale)
    if (match.usedDefault) console.error(`pnpm history: no supported locale matches "${values.locale}" (supported: ${localeIds.join(', ')}); showing ${match.locale}`)
    const labels = historyLabels(match.locale)
    const fileOption = values.file ?? process.env.CONTENT_DATASET?.trim()
    const file = fileOption ? path(fileOption) : defaultDatasetPath
    const documents = (await readNdjson(file)) as DatasetDocument[]
    const current = new Map(documents.map((document) => [document._id, document]))
    const {entries} = await readHistoryLog(historyFileOf(file))
    const ids = documentIds(wanted, documents, entries.flatMap((entry) => entry.changes.map((change) => change.id)))
    if (ids.length === 0) {
      throw new CliError(`no document with the id or treatment slug "${wanted}" in ${display(file)} or its history`)
    }
    if (values.field !== undefined) {
      // "0 changes" to a misspelt field would read as "never changed": name the fields there are.
      const field = values.field.trim()
      const name = field.split(/[.[]/)[0]!
      const fields = new Set<string>()
      for (const id of ids) {
        for (const {document} of documentVersions(entries, id, current.get(id))) {
          if (document !== null) for (const key of Object.keys(document)) if (!key.startsWith('_')) fields.add(key)
        }
      }
      if (!fields.has(name)) {
        throw new UsageError(`--field ${field}: ${ids[0]} has no field "${name}", now or in its history; its fields are ${[...fields].sort().join(', ')}`)
      }
    }
    const records = documentHistory(entries, ids, current, {...(values.field === undefined ? {} : {field: values.field.trim()}), ...(since === undefined ? {} : {since})})
    if (values.json === true) {
      console.log(JSON.stringify({file: display(file), log: display(historyFileOf(file)), documentIds: ids, changes: records}, null, 2))
      return
    }
    console.log(labels.heading(ids, display(historyFileOf(file)), records.length))
    for (const record of records) console.log(`\n${formatRecord(record, labels)}`)
    if (entries.length === 0) console.log(`\n${labels.noHistoryYet}`)
  },
)

/**
 * The ids to show: the id itself (and its draft or published twin), or the treatment with the
 * slug, its slug in any locale first, else a former one (as the site finds pages).
 */
function documentIds(wanted: string, documents: readonly DatasetDocument[], logged: readonly string[]): string[] {
  const known = new Set([...documents.map((document) => document._id), ...logged])
  const treatments = documents.filter((document) => document._type === 'treatment')
  const bySlug =
    treatments.find((document) => (isRecord(document.slug) && document.slug.current === wanted) || valuesOf(document.localizedSlugs, 'value').includes(wanted)) ??
    treatments.find((document) => valuesOf(document.formerSlugs, 'slug').includes(wanted))
  const base = bySlug !== undefined ? bySlug._id.replace(/^drafts\./, '') : wanted.replace(/^drafts\./, '')
  return [base, `drafts.${base}`].filter((id) => known.has(id))
}

/** `key` of each item of an array field, where it is a string. */
function valuesOf(items: unknown, key: string): unknown[] {
  return Array.isArray(items) ? items.map((item: unknown) => (isRecord(item) ? item[key] : undefined)).filter((value) => typeof value === 'string') : []
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function formatRecord(record: DocumentChangeRecord, labels: HistoryLabels): string {
  const lines = [`${record.timestamp}  ${record.author}  ${labels.change(record.change)} ${record.documentId}  ${labels.transaction(record.transactionId)}`]
  if (record.origin === 'outside') lines.push(`  ${labels.outside}`)
  for (const field of record.fields) {
    lines.push(field.diff !== undefined ? `  ${field.path}: ${field.diff}` : `  ${field.path}: ${show(field.before, labels)} → ${show(field.after, labels)}`)
  }
  if (record.safetyTexts.length > 0) {
    if (record.reviews.length === 0) lines.push(`  ${labels.review}: ${labels.noReview}`)
    else if (!record.reviews.some((review) => review.kind === 'medical')) lines.push(`  ${labels.review}: ${labels.noMedicalReview}`)
    for (const review of record.reviews) lines.push(`  ${labels.review}: ${labels.coveredBy(review)}`)
  }
  return lines.join('\n')
}

function show(value: unknown, labels: HistoryLabels): string {
  if (value === null || value === undefined) return labels.none
  const text = JSON.stringify(value)
  return text.length > 200 ? `${text.slice(0, 200)}…` : text
}
