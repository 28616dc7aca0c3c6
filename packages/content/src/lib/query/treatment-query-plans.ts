import type {DatasetDocument} from '../dataset/dataset-document.ts'
import type {DocumentIndex} from '../dataset/document-index.ts'
import {isPublishedId} from '../dataset/is-published-id.ts'
import {recordedHashLength} from '../locale/recorded-hash.ts'
import * as sent from '../../generated/sent-queries.ts'
import * as written from './queries.ts'

/**
 * The answer to one of the package's queries, computed in plain JavaScript from a dataset's
 * index, or `undefined` when the plan does not cover the data (then groq-js answers).
 *
 * @internal
 */
export type QueryPlan = (
  index: DocumentIndex,
  documents: readonly DatasetDocument[],
  params: Record<string, unknown>,
  projections?: ReferenceProjections,
) => unknown

type Doc = Record<string, unknown>

/** GROQ attribute access: an object's own value (`undefined` → `null`), `null` for anything else. */
function get(value: unknown, key: string): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return null
  const found = (value as Doc)[key]
  return found === undefined ? null : found
}

function isObject(value: unknown): value is Doc {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}

/** `{a, b}` on a value: an object of those attributes, `null` for anything but an object. */
function pick(value: unknown, keys: readonly string[]): Doc | null {
  if (!isObject(value)) return null
  const out: Doc = {}
  for (const key of keys) out[key] = get(value, key)
  return out
}

/** `list[]{…}`: each object projected, anything else `null`; `null` when not an array. */
function each(value: unknown, project: (item: Doc) => unknown): unknown[] | null {
  if (!Array.isArray(value)) return null
  return value.map((item) => (isObject(item) ? project(item) : null))
}

/** `_type != "<expected>" => {_type}`: the type, only when it is not the expected one. */
function typeWhenNot(document: Doc, expected: string): Doc {
  const type = get(document, '_type')
  return type === expected ? {} : {_type: type}
}

/** `ref->`: the referenced document, or `null`. */
function deref(index: DocumentIndex, value: unknown): Doc | null {
  const ref = get(value, '_ref')
  return typeof ref === 'string' ? ((index.byId.get(ref) as Doc | undefined) ?? null) : null
}

/** `coalesce(language, _key)` of an item. */
function itemLocale(item: unknown): unknown {
  const language = get(item, 'language')
  return language !== null ? language : get(item, '_key')
}

/** `{"i18n": field[coalesce(language, _key) in $locales]{language, _key, value}}`. */
function localized(value: unknown, locales: readonly unknown[]): {i18n: Doc[] | null} {
  if (!Array.isArray(value)) return {i18n: null}
  const items: Doc[] = []
  for (const item of value) {
    const locale = itemLocale(item)
    if (locale !== null && locales.includes(locale)) items.push({language: get(item, 'language'), _key: get(item, '_key'), value: get(item, 'value')})
  }
  return {i18n: items}
}

/** `list[attribute == value]`: the matching objects, or `null` when not an array. */
function where(list: unknown, attribute: string, value: unknown): unknown[] | null {
  if (!Array.isArray(list)) return null
  return list.filter((item) => get(item, attribute) === value)
}

/** `array::join(string::split(t[language == $locale][0].sourceHashes[field == "<field>"][0].hash, "")[0...39], "")`. */
function recordedHash(list: unknown, locale: unknown, field: string | null): unknown {
  const translation = where(list, 'language', locale)?.[0] ?? null
  return sentRecordedHash(get(where(get(translation, 'sourceHashes'), 'field', field)?.[0] ?? null, 'hash'))
}

/**
 * The prefix of a recorded hash the page queries send, as GROQ computes it: a string's first
 * {@link recordedHashLength} characters (code points, as `string::split(s, "")` splits), anything
 * else `null`.
 *
 * @internal
 */
export function sentRecordedHash(hash: unknown): string | null {
  if (typeof hash !== 'string') return null
  // Without surrogate pairs a code point is a UTF-16 unit (every stored hash is ASCII): slicing
  // is enough, and cheaper than splitting each of a static build's many hashes.
  return /[\uD800-\uDFFF]/.test(hash) ? Array.from(hash).slice(0, recordedHashLength).join('') : hash.slice(0, recordedHashLength)
}

/** `array::unique(title[defined(value)]{"l": coalesce(language, _key)}[].l)`. */
function availableLocales(title: unknown): unknown[] | null {
  if (!Array.isArray(title)) return null
  const seen: unknown[] = []
  for (const item of title) {
    if (get(item, 'value') === null) continue
    const locale = isObject(item) ? itemLocale(item) : null
    if (!seen.includes(locale)) seen.push(locale)
  }
  return seen
}

/**
 * The projection of each referenced document, made once per answer and field: the treatments of
 * a clinic share their ingredients, effects, side effects and contraindications, and the
 * projection of a document depends only on it, the field that references it (which `_type` it
 * must have, which attributes travel) and the parameters. The answer then holds one object per
 * referenced document and field, as a JSON answer parsed by a client would not, but nothing
 * reads an answer to change it. Keyed by the field's projection, then by the document.
 *
 * A caller may keep one across answers (the local lake does, to keep their JSON too) while the
 * documents and the parameters stay the same.
 *
 * @internal
 */
export type ReferenceProjections = Map<Project, Map<Doc, Doc>>

/** How a field projects a referenced document (module functions: no closure per reference). */
type Project = (document: Doc, locales: readonly unknown[], locale: unknown) => Doc

function projectedOnce(projections: ReferenceProjections, document: Doc | null, project: Project, locales: readonly unknown[], locale: unknown): Doc | null {
  if (document === null) return null
  let byDocument = projections.get(project)
  if (byDocument === undefined) projections.set(project, (byDocument = new Map()))
  let projected = byDocument.get(document)
  if (projected === undefined) byDocument.set(document, (projected = project(document, locales, locale)))
  return projected
}

/** Stands for `$locale` in the every-locale query, whose safety texts carry every locale's hash. */
const everyLocale = Symbol('every locale')

/**
 * `l::s({"v": value, "t": translations, "f": field})`: a safety text's locale chain and the
 * source hash its translation records under `field` in the document's `translations`.
 */
function safety(value: unknown, translations: unknown, field: string | null, locales: readonly unknown[], locale: unknown): Doc {
  const source = locale === everyLocale ? {hashes: recordedHashes(translations, locales, field)} : {hash: recordedHash(translations, locale, field)}
  return {...localized(value, locales), source}
}

/** `t[language in $locales]{language, "hash": array::join(string::split(sourceHashes[field == "<field>"][0].hash, "")[0...39], "")}`. */
function recordedHashes(list: unknown, locales: readonly unknown[], field: string | null): Doc[] | null {
  if (!Array.isArray(list)) return null
  return list
    .filter((item) => isObject(item) && locales.includes(get(item, 'language')))
    .map((item) => ({language: get(item, 'language'), hash: sentRecordedHash(get(where(get(item, 'sourceHashes'), 'field', field)?.[0] ?? null, 'hash'))}))
}

const projectCondition: Project = (condition, locales) => ({
  _id: get(condition, '_id'),
  ...typeWhenNot(condition, 'condition'),
  name: localized(condition.name, locales),
  alternateNames: each(condition.alternateNames, (item) => ({_key: get(item, '_key'), name: localized(item.name, locales)})),
  description: localized(condition.description, locales),
})

const projectIngredient: Project = (ingredient, locales) => ({
  _id: get(ingredient, '_id'),
  ...typeWhenNot(ingredient, 'ingredient'),
  ingredientClass: get(ingredient, 'ingredientClass'),
  isClass: get(ingredient, 'isClass'),
  name: localized(ingredient.name, locales),
  mechanism: localized(ingredient.mechanism, locales),
  codes: each(ingredient.codes, (code) => pick(code, ['codingSystem', 'code'])),
})

const projectEffect: Project = (effect, locales, locale) => ({
  _id: get(effect, '_id'),
  ...typeWhenNot(effect, 'effect'),
  onsetDays: get(effect, 'onsetDays'),
  claimStatus: get(effect, 'claimStatus'),
  text: safety(effect.text, effect.translations, 'text', locales, locale),
})

const projectSideEffect: Project = (sideEffect, locales, locale) => ({
  _id: get(sideEffect, '_id'),
  ...typeWhenNot(sideEffect, 'sideEffect'),
  severity: get(sideEffect, 'severity'),
  text: safety(sideEffect.text, sideEffect.translations, 'text', locales, locale),
  whenToSeekHelp: safety(sideEffect.whenToSeekHelp, sideEffect.translations, 'whenToSeekHelp', locales, locale),
})

const projectContraindication: Project = (contraindication, locales, locale) => ({
  _id: get(contraindication, '_id'),
  ...typeWhenNot(contraindication, 'contraindication'),
  kind: get(contraindication, 'kind'),
  category: get(contraindication, 'category'),
  text: safety(contraindication.text, contraindication.translations, 'text', locales, locale),
  codes: each(contraindication.codes, (code) => pick(code, ['codingSystem', 'code'])),
})

/** `"claims[_key==\"" + _key + "\"].statement"`: GROQ's `+` makes `null` of a key that is not a string. */
function claimField(key: unknown): string | null {
  return typeof key === 'string' ? `claims[_key=="${key}"].statement` : null
}

function treatmentPage(index: DocumentIndex, treatment: Doc, locales: readonly unknown[], locale: unknown, projections: ReferenceProjections): Doc {
  const review = treatment.medicalReview
  return {
    _id: get(treatment, '_id'),
    _updatedAt: get(treatment, '_updatedAt'),
    slug: get(get(treatment, 'slug'), 'current'),
    localizedSlugs: each(treatment.localizedSlugs, (item) => pick(item, ['language', 'value'])),
    title: localized(treatment.title, locales),
    summary: localized(treatment.summary, locales),
    body: localized(treatment.body, locales),
    procedureType: get(treatment, 'procedureType'),
    howPerformed: localized(treatment.howPerformed, locales),
    bodyAreas: get(treatment, 'bodyAreas'),
    protocol: pick(treatment.protocol, ['sessionsMin', 'sessionsMax', 'intervalMinWeeks', 'intervalMaxWeeks']),
    condition: projectedOnce(projections, deref(index, treatment.condition), projectCondition, locales, locale),
    ingredients: each(treatment.ingredients, (item) => ({
      _key: get(item, '_key'),
      role: localized(item.role, locales),
      ingredient: projectedOnce(projections, deref(index, item.ingredient), projectIngredient, locales, locale),
    })),
    effects: derefEach(index, projections, treatment.effects, projectEffect, locales, locale),
    claims: each(treatment.claims, (claim) => ({
      _key: get(claim, '_key'),
      topic: get(claim, 'topic'),
      claimStatus: get(claim, 'claimStatus'),
      statement: safety(claim.statement, treatment.translations, claimField(get(claim, '_key')), locales, locale),
    })),
    sideEffects: derefEach(index, projections, treatment.sideEffects, projectSideEffect, locales, locale),
    contraindications: derefEach(index, projections, treatment.contraindications, projectContraindication, locales, locale),
    disclaimer: safety(treatment.disclaimer, treatment.translations, 'disclaimer', locales, locale),
    medicalReview: isObject(review)
      ? {
          ...pick(review, ['status', 'reviewer', 'lastReviewed', 'nextReviewDue']),
          sources: each(review.sources, (source) => ({
            ...pick(source, ['_key', 'title', 'url', 'language']),
            versions: each(source.versions, (version) => pick(version, ['_key', 'language', 'title', 'url'])),
          })),
          coveredTexts: get(review, 'coveredTexts'),
        }
      : null,
    translations: (() => {
      const list = treatment.translations
      if (!Array.isArray(list)) return null
      return list
        .filter((item) => isObject(item) && locales.includes(get(item, 'language')))
        .map((item) => pick(item, ['language', 'status', 'reviewedBy', 'reviewedAt', 'coveredTexts']))
    })(),
    availableLocales: availableLocales(treatment.title),
  }
}

/** `list[]->{…}`: each reference followed and projected, `null` where it leads nowhere. */
function derefEach(index: DocumentIndex, projections: ReferenceProjections, value: unknown, project: Project, locales: readonly unknown[], locale: unknown): Array<Doc | null> | null {
  if (!Array.isArray(value)) return null
  const out: Array<Doc | null> = []
  for (const item of value) out.push(projectedOnce(projections, deref(index, item), project, locales, locale))
  return out
}

/** Published treatments among `candidates`, in dataset order. */
function publishedTreatments(candidates: readonly DatasetDocument[] | undefined): Doc[] {
  return (candidates ?? []).filter((document) => document._type === 'treatment' && isPublishedId(document._id)) as Doc[]
}

/** Ordered by a string key, ties in dataset order; `undefined` when a key is not a string (groq-js orders mixed types). */
function orderedBy(documents: Doc[], key: (document: Doc) => unknown): Doc[] | undefined {
  if (!documents.every((document) => typeof key(document) === 'string')) return undefined
  return documents.sort((a, b) => {
    const left = key(a) as string
    const right = key(b) as string
    return left < right ? -1 : left > right ? 1 : 0
  })
}

function localesOf(params: Record<string, unknown>): readonly unknown[] | undefined {
  return Array.isArray(params.locales) ? params.locales : undefined
}

/** `*[_type == "treatment" && defined(slug.current) && published] | order(slug.current asc)`. */
function publishedBySlug(index: DocumentIndex): Doc[] | undefined {
  const treatments = publishedTreatments(index.byType.get('treatment')).filter((document) => get(get(document, 'slug'), 'current') !== null)
  return orderedBy(treatments, (document) => get(get(document, 'slug'), 'current'))
}

/** Every page of the bulk queries: `locale` is `$locale`, or {@link everyLocale} for every locale's hashes. */
function allPages(index: DocumentIndex, params: Record<string, unknown>, locale: unknown): Doc[] | undefined {
  const locales = localesOf(params)
  if (locales === undefined) return undefined
  const projections: ReferenceProjections = new Map()
  return publishedBySlug(index)?.map((treatment) => treatmentPage(index, treatment, locales, locale, projections))
}

/** The plans, by the name of their query. */
const plans = new Map<keyof typeof sent, QueryPlan>([
  [
    'treatmentBySlugQuery',
    (index, _documents, params, projections = new Map()) => {
      const locales = localesOf(params)
      if (locales === undefined || typeof params.slug !== 'string') return undefined
      // byAnySlug holds every document with the slug as its current, a locale's or a former slug:
      // exactly the documents the query's filter keeps.
      const matches = orderedBy(publishedTreatments(index.byAnySlug.get(params.slug)), (document) => document._id)
      return matches?.map((treatment) => treatmentPage(index, treatment, locales, params.locale ?? null, projections))
    },
  ],
  ['allTreatmentsQuery', (index, _documents, params) => allPages(index, params, params.locale ?? null)],
  ['allTreatmentsEveryLocaleQuery', (index, _documents, params) => allPages(index, params, everyLocale)],
  [
    'treatmentListQuery',
    (index, _documents, params) => {
      const locales = localesOf(params)
      if (locales === undefined) return undefined
      return publishedBySlug(index)?.map((treatment) => ({
        _id: get(treatment, '_id'),
        slug: get(get(treatment, 'slug'), 'current'),
        localizedSlugs: each(treatment.localizedSlugs, (item) => pick(item, ['language', 'value'])),
        title: localized(treatment.title, locales),
        summary: localized(treatment.summary, locales),
        procedureType: get(treatment, 'procedureType'),
        protocol: pick(treatment.protocol, ['sessionsMin', 'sessionsMax', 'intervalMinWeeks', 'intervalMaxWeeks']),
        availableLocales: availableLocales(treatment.title),
      }))
    },
  ],
])

/**
 * Plain-JavaScript answers to the package's four queries, for datasets held in this process
 * (`localDataset`): the same values groq-js gives (a test compares them on the shipped,
 * hostile and generated datasets), about a hundred times faster, from the dataset core's
 * indexes. Why: groq-js evaluating the page projection was 99% of a static build's CPU. The
 * GROQ text stays the definition (Sanity runs it, `sanity typegen` types it). Keyed by the
 * query as written (`queries.ts`) and as the package sends it (`generated/sent-queries.ts`,
 * without the layout), so the local lake and `localDataset` answer the package's requests and a
 * caller's own use of the exported queries the same way.
 *
 * @internal
 */
export const treatmentQueryPlans: ReadonlyMap<string, QueryPlan> = new Map(
  [...plans].flatMap(([name, plan]) => [[written[name], plan] as const, [sent[name], plan] as const]),
)
