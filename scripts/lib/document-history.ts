/**
 * The changes to documents, read from a dataset's history log, for `pnpm history`: each version
 * with when, who, the fields that changed (a word diff for strings) and which reviews covered it.
 */
import {type DatasetDocument, isRecord, itemLanguage, sourceHash} from '@treatments/content/dataset'
import {baseLocale} from '@treatments/content/locales'
import {type HistoryEntry, documentVersions} from '@treatments/local-lake'
import {wordDiff} from '@treatments/translations'

/** One changed value: a leaf path inside the document (`text[en]`, `protocol.sessionsMin`). */
export interface FieldChange {
  path: string
  before: unknown
  after: unknown
  /** For strings: the word diff as `[-removed-]{+added+}` text. */
  diff?: string
}

/** A review whose record matches this version of a safety text. */
export interface CoveringReview {
  kind: 'medical' | 'translation'
  locale: string
  reviewer: string | null
  date: string | null
  /** The treatment whose review it is. */
  treatmentId: string
  /** The safety texts of this version it covers (`contraindications[<id>].text`). */
  fields: string[]
}

/** One change to one document. */
export interface DocumentChangeRecord {
  documentId: string
  transactionId: string
  timestamp: string
  author: string
  /** `outside`: found at a lake's start, made to the file while no lake served it. */
  origin: 'lake' | 'outside'
  change: 'created' | 'updated' | 'deleted'
  fields: FieldChange[]
  /** Reviews that covered the resulting version's safety texts (empty: none did). */
  reviews: CoveringReview[]
  /** The safety texts of the resulting version (empty for a document without any). */
  safetyTexts: string[]
}

const SYSTEM_FIELDS = new Set(['_id', '_rev', '_updatedAt', '_createdAt'])

/**
 * Every logged change to the documents `ids`, oldest first, optionally only changes to `field`
 * (a path prefix such as `text`, `text[en]` or `medicalReview`) and only from `since`.
 */
export function documentHistory(
  entries: readonly HistoryEntry[],
  ids: readonly string[],
  current: ReadonlyMap<string, DatasetDocument>,
  options: {field?: string; since?: number} = {},
): DocumentChangeRecord[] {
  const reviews = reviewRecords(entries, current)
  const records: DocumentChangeRecord[] = []
  for (const id of ids) {
    const versions = documentVersions(entries, id, current.get(id))
    let previous: DatasetDocument | null = null
    for (const version of versions) {
      const entry = version.entry
      const before = previous
      previous = version.document
      if (entry === undefined) continue
      if (options.since !== undefined && Date.parse(entry.timestamp) < options.since) continue
      let fields = fieldChanges(before, version.document)
      if (options.field !== undefined) fields = fields.filter((change) => matchesField(change.path, options.field!))
      if (options.field !== undefined && fields.length === 0) continue
      const safety = version.document === null ? [] : safetyHashes(version.document)
      records.push({
        documentId: id,
        transactionId: entry.transactionId,
        timestamp: entry.timestamp,
        author: entry.author,
        origin: entry.origin,
        change: before === null ? 'created' : version.document === null ? 'deleted' : 'updated',
        fields,
        reviews: coveringReviews(safety, reviews),
        safetyTexts: [...new Set(safety.map((text) => text.field))],
      })
    }
  }
  return records.sort((a, b) => Date.parse(a.timestamp) - Date.parse(b.timestamp))
}

function matchesField(path: string, field: string): boolean {
  return path === field || path.startsWith(`${field}.`) || path.startsWith(`${field}[`)
}

/** The changed leaves between two versions of a document. */
export function fieldChanges(before: DatasetDocument | null, after: DatasetDocument | null): FieldChange[] {
  const then = leaves(before)
  const now = leaves(after)
  const changes: FieldChange[] = []
  for (const path of new Set([...then.keys(), ...now.keys()])) {
    const a = then.get(path)
    const b = now.get(path)
    if (a === b) continue
    const change: FieldChange = {path, before: a ?? null, after: b ?? null}
    if (typeof a === 'string' && typeof b === 'string') change.diff = wordDiff(a, b)
    changes.push(change)
  }
  return changes
}

function leaves(document: DatasetDocument | null): Map<string, unknown> {
  const found = new Map<string, unknown>()
  if (document === null) return found
  const walk = (value: unknown, path: string) => {
    if (Array.isArray(value)) {
      // A localized text item is its value: `text[en]`, not `text[en].value`.
      value.forEach((item, index) => walk(isLocalizedItem(item) ? item.value : item, `${path}[${segment(item, index)}]`))
    } else if (isRecord(value)) {
      for (const [key, child] of Object.entries(value)) {
        if (key === '_key' || key === '_type' || (path === '' && SYSTEM_FIELDS.has(key))) continue
        walk(child, path === '' ? key : `${path}.${key}`)
      }
    } else {
      found.set(path, value)
    }
  }
  walk(document, '')
  return found
}

function isLocalizedItem(item: unknown): item is {language: string; value: unknown} {
  return isRecord(item) && typeof item.language === 'string' && Object.keys(item).every((key) => ['_key', '_type', 'language', 'value'].includes(key))
}

/** An array item's place in a path: its language (localized text), `_key`, else its index. */
function segment(item: unknown, index: number): string {
  if (isRecord(item) && typeof item.language === 'string') return item.language
  if (isRecord(item) && typeof item._key === 'string') return item._key
  return String(index)
}

interface ReviewRecord extends Omit<CoveringReview, 'fields'> {
  covered: Map<string, string>
}

/** Every review ever recorded on a treatment, in the log or in the current dataset. */
function reviewRecords(entries: readonly HistoryEntry[], current: ReadonlyMap<string, DatasetDocument>): ReviewRecord[] {
  const treatments: DatasetDocument[] = [...current.values()].filter((document) => document._type === 'treatment')
  for (const entry of entries) {
    for (const change of entry.changes) {
      for (const document of [change.before, change.after]) if (document?._type === 'treatment') treatments.push(document)
    }
  }
  const records = new Map<string, ReviewRecord>()
  const add = (record: ReviewRecord) => {
    const key = JSON.stringify([record.kind, record.locale, record.treatmentId, record.reviewer, record.date, [...record.covered]])
    if (!records.has(key)) records.set(key, record)
  }
  for (const treatment of treatments) {
    const treatmentId = treatment._id.replace(/^drafts\./, '')
    const medical = isRecord(treatment.medicalReview) ? treatment.medicalReview : undefined
    if (medical?.status === 'reviewed') {
      add({kind: 'medical', locale: baseLocale, reviewer: stringOrNull(medical.reviewer), date: stringOrNull(medical.lastReviewed), treatmentId, covered: coveredMap(medical.coveredTexts)})
    }
    for (const state of Array.isArray(treatment.translations) ? treatment.translations.filter(isRecord) : []) {
      if (state.status !== 'reviewed' || typeof state.language !== 'string') continue
      add({kind: 'translation', locale: state.language, reviewer: stringOrNull(state.reviewedBy), date: stringOrNull(state.reviewedAt), treatmentId, covered: coveredMap(state.coveredTexts)})
    }
  }
  return [...records.values()]
}

function coveredMap(value: unknown): Map<string, string> {
  const map = new Map<string, string>()
  for (const entry of Array.isArray(value) ? value.filter(isRecord) : []) {
    if (typeof entry.field === 'string' && typeof entry.hash === 'string') map.set(entry.field, entry.hash)
  }
  return map
}

function stringOrNull(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value : null
}

interface SafetyHash {
  field: string
  locale: string
  hash: string
}

/** The safety texts of one document version, by the paths reviews record, with each locale's hash. */
function safetyHashes(document: DatasetDocument): SafetyHash[] {
  const id = document._id.replace(/^drafts\./, '')
  const fields: Array<[string, unknown]> = []
  if (document._type === 'contraindication') fields.push([`contraindications[${id}].text`, document.text])
  if (document._type === 'sideEffect') fields.push([`sideEffects[${id}].text`, document.text], [`sideEffects[${id}].whenToSeekHelp`, document.whenToSeekHelp])
  if (document._type === 'treatment') {
    fields.push(['disclaimer', document.disclaimer])
    for (const claim of Array.isArray(document.claims) ? document.claims.filter(isRecord) : []) {
      if (typeof claim._key === 'string') fields.push([`claims[${claim._key}].statement`, claim.statement])
    }
  }
  return fields.flatMap(([field, items]) =>
    (Array.isArray(items) ? items : []).flatMap((item) => {
      const locale = itemLanguage(item)
      return locale !== undefined && isRecord(item) && item.value !== undefined ? [{field, locale, hash: sourceHash(item.value)}] : []
    }),
  )
}

function coveringReviews(safety: readonly SafetyHash[], reviews: readonly ReviewRecord[]): CoveringReview[] {
  const covering: CoveringReview[] = []
  for (const review of reviews) {
    const fields = safety.filter((text) => text.locale === review.locale && review.covered.get(text.field) === text.hash).map((text) => text.field)
    if (fields.length === 0) continue
    const {covered: _covered, ...rest} = review
    covering.push({...rest, fields: [...new Set(fields)]})
  }
  return covering
}
