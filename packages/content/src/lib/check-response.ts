import {DuplicateSlugError, MalformedResponseError, MissingContraindicationsError, ReferenceTypeError} from './errors.ts'

// Every reader checks the invariants it relies on: data can reach a source without passing the
// Studio's validation (an NDJSON file, an import, another client). A page renders whole or not
// at all, so each check throws a typed error with the path instead of dropping an item.

type Check = (value: unknown, path: string) => void

const string: Check = (value, path) => {
  if (typeof value !== 'string') throw new MalformedResponseError(path, 'a string', value)
}
const optional =
  (check: Check): Check =>
  (value, path) => {
    if (value !== null && value !== undefined) check(value, path)
  }
const localized: Check = (value, path) => {
  if (!value || typeof value !== 'object' || !('i18n' in value)) {
    throw new MalformedResponseError(path, 'a localized field `{i18n: [...]}`', value)
  }
  const items = (value as {i18n: unknown}).i18n
  if (items !== null && !Array.isArray(items)) throw new MalformedResponseError(`${path}.i18n`, 'an array or null', items)
}
const object =
  (fields: Record<string, Check>): Check =>
  (value, path) => {
    if (!value || typeof value !== 'object' || Array.isArray(value)) throw new MalformedResponseError(path, 'an object', value)
    for (const [name, check] of Object.entries(fields)) {
      check((value as Record<string, unknown>)[name], path ? `${path}.${name}` : name)
    }
  }
/** An array whose every item passes; `null` (no items) is allowed unless `required`. */
const list =
  (item: Check, required = false): Check =>
  (value, path) => {
    if ((value === null || value === undefined) && !required) return
    if (!Array.isArray(value)) throw new MalformedResponseError(path, 'an array', value)
    value.forEach((entry, index) => {
      if (entry === null) {
        throw new MalformedResponseError(`${path}[${index}]`, 'a document (is the reference to a deleted or unpublished document?)', entry)
      }
      item(entry, `${path}[${index}]`)
    })
  }
/**
 * A referenced document: an object with `_id`. The queries project `_type` only when it is not
 * the type the field expects, and {@link checkPageInvariants} refuses it then.
 */
const referenced = (fields: Record<string, Check>): Check => object({_id: string, _type: optional(string), ...fields})

const protocol = optional(object({}))

const treatmentPage = object({
  _id: string,
  slug: string,
  title: localized,
  summary: localized,
  body: localized,
  howPerformed: localized,
  disclaimer: localized,
  protocol,
  condition: optional(referenced({name: localized, description: localized})),
  ingredients: list(object({role: localized, ingredient: referenced({name: localized})})),
  effects: list(referenced({text: localized})),
  claims: list(object({statement: localized})),
  sideEffects: list(referenced({text: localized, whenToSeekHelp: localized})),
  contraindications: list(referenced({text: localized}), true),
  availableLocales: optional(list(string)),
})

const treatmentSummary = object({_id: string, slug: string, title: localized, summary: localized})

interface Referenced {
  _id: string
  /** Present only when the referenced document is not of the expected type. */
  _type?: string | null
}
interface CheckedPage {
  _id: string
  slug: string
  condition?: Referenced | null
  ingredients?: Array<{ingredient: Referenced}> | null
  effects?: Referenced[] | null
  sideEffects?: Referenced[] | null
  contraindications: Referenced[]
}

/** Which `_type` each reference of a treatment must point at. */
function* references(page: CheckedPage): Generator<[path: string, expected: string, document: Referenced]> {
  if (page.condition) yield ['condition', 'condition', page.condition]
  for (const [index, entry] of (page.ingredients ?? []).entries()) yield [`ingredients[${index}].ingredient`, 'ingredient', entry.ingredient]
  for (const [index, entry] of (page.effects ?? []).entries()) yield [`effects[${index}]`, 'effect', entry]
  for (const [index, entry] of (page.sideEffects ?? []).entries()) yield [`sideEffects[${index}]`, 'sideEffect', entry]
  for (const [index, entry] of page.contraindications.entries()) yield [`contraindications[${index}]`, 'contraindication', entry]
}

/** A page's own invariants: references of the expected type, at least one contraindication. */
function checkPageInvariants(page: CheckedPage): void {
  for (const [path, expected, document] of references(page)) {
    if (typeof document._type === 'string' && document._type !== expected) {
      throw new ReferenceTypeError({treatmentId: page._id, path, expected, received: document._type, documentId: document._id})
    }
  }
  if (page.contraindications.length === 0) throw new MissingContraindicationsError(page._id)
}

/** One published treatment per slug: two or more are an error naming all of them. */
function checkUniqueSlugs(pages: ReadonlyArray<{_id: string; slug: string}>): void {
  const bySlug = new Map<string, string[]>()
  for (const page of pages) bySlug.set(page.slug, [...(bySlug.get(page.slug) ?? []), page._id])
  for (const [slug, ids] of bySlug) if (ids.length > 1) throw new DuplicateSlugError(slug, ids)
}

/**
 * Checks the answer of the by-slug query before it is localized: no treatment (not found) or
 * exactly one, of the projected shape and the page's invariants.
 */
export function checkTreatmentPage(value: unknown): void {
  if (!Array.isArray(value)) throw new MalformedResponseError('', 'an array of treatments', value)
  // Paths are within the treatment (`contraindications[2]`), as a page author reads them.
  for (const page of value) treatmentPage(page, '')
  checkInvariants(value as CheckedPage[])
}

/** Checks a bulk answer of treatment pages: shape, invariants of each, and unique slugs. */
export function checkTreatmentPages(value: unknown): void {
  list(treatmentPage, true)(value, '')
  checkInvariants(value as CheckedPage[])
}

function checkInvariants(pages: readonly CheckedPage[]): void {
  for (const page of pages) checkPageInvariants(page)
  checkUniqueSlugs(pages)
}

/** Checks a treatment list answer: shape and unique slugs. */
export function checkTreatmentList(value: unknown): void {
  list(treatmentSummary, true)(value, '')
  checkUniqueSlugs(value as Array<{_id: string; slug: string}>)
}
