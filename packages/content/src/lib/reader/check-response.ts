import {DuplicateSlugError, MalformedResponseError, MissingContraindicationsError, ReferenceTypeError} from '../errors.ts'
import {findSlugClashes} from '../slug/find-slug-clashes.ts'
import type {SlugSource} from '../slug/locale-slug.ts'

// Every reader checks the invariants it relies on: data can reach a source without passing the
// Studio's validation (an NDJSON file, an import, another client). A page renders whole or not
// at all, so each check throws a typed error with the path instead of dropping an item.

// The path is kept as segments and joined only for an error: a bulk answer of a static build
// has tens of thousands of fields, and building every path string was most of the check's time.
type Path = Array<string | number>
type Check = (value: unknown, path: Path) => void

/** `contraindications[2].text`, as a page author reads it. */
function joinPath(path: Path, last?: string | number): string {
  let joined = ''
  const add = (segment: string | number) => {
    joined = typeof segment === 'number' ? `${joined}[${segment}]` : joined ? `${joined}.${segment}` : segment
  }
  for (const segment of path) add(segment)
  if (last !== undefined) add(last)
  return joined
}

const string: Check = (value, path) => {
  if (typeof value !== 'string') throw new MalformedResponseError(joinPath(path), 'a string', value)
}
const optional =
  (check: Check): Check =>
  (value, path) => {
    if (value !== null && value !== undefined) check(value, path)
  }
const localized: Check = (value, path) => {
  if (!value || typeof value !== 'object' || !('i18n' in value)) {
    throw new MalformedResponseError(joinPath(path), 'a localized field `{i18n: [...]}`', value)
  }
  const items = (value as {i18n: unknown}).i18n
  if (items !== null && !Array.isArray(items)) throw new MalformedResponseError(joinPath(path, 'i18n'), 'an array or null', items)
}
const object = (fields: Record<string, Check>): Check => {
  // Names and checks side by side: an indexed loop, no entry unpacked per field per page.
  const names = Object.keys(fields)
  const checks = names.map((name) => fields[name]!)
  return (value, path) => {
    if (!value || typeof value !== 'object' || Array.isArray(value)) throw new MalformedResponseError(joinPath(path), 'an object', value)
    for (let index = 0; index < names.length; index++) {
      const name = names[index]!
      path.push(name)
      checks[index]!((value as Record<string, unknown>)[name], path)
      path.pop()
    }
  }
}
/** An array whose every item passes; `null` (no items) is allowed unless `required`. */
const list =
  (item: Check, required = false): Check =>
  (value, path) => {
    if ((value === null || value === undefined) && !required) return
    if (!Array.isArray(value)) throw new MalformedResponseError(joinPath(path), 'an array', value)
    for (let index = 0; index < value.length; index++) {
      const entry: unknown = value[index]
      if (entry === null) {
        throw new MalformedResponseError(joinPath(path, index), 'a document (is the reference to a deleted or unpublished document?)', entry)
      }
      path.push(index)
      item(entry, path)
      path.pop()
    }
  }
/**
 * A referenced document: an object with `_id`. The queries project `_type` only when it is not
 * the type the field expects, and {@link checkPageInvariants} refuses it then.
 */
const referenced = (fields: Record<string, Check>): Check => {
  const check = object({_id: string, _type: optional(string), ...fields})
  // An answer may hold one object for a document many treatments reference (the in-process
  // plans do): checked once per answer by each field's rule.
  const rule: Check = (value, path) => {
    const seen = checkedInAnswer.get(rule)
    if (seen !== undefined && value && typeof value === 'object' && seen.has(value)) return
    check(value, path)
    if (value && typeof value === 'object') {
      if (seen === undefined) checkedInAnswer.set(rule, new Set([value]))
      else seen.add(value)
    }
  }
  return rule
}
/** The referenced objects checked in the answer being checked, by rule; emptied after each answer. */
const checkedInAnswer = new Map<Check, Set<object>>()

/** Runs the checks of one answer; what {@link referenced} remembered is dropped after. */
function checkingAnswer(run: () => void): void {
  try {
    run()
  } finally {
    checkedInAnswer.clear()
  }
}

const protocol = optional(object({}))
/**
 * Each locale's own slug: a URL is built from it, so a malformed one is refused, never skipped.
 * An item without a value (the Studio adds an empty base-locale one) is no slug.
 */
const localizedSlugs = optional(list(object({language: string, value: optional(string)})))

const treatmentPage = object({
  _id: string,
  slug: string,
  localizedSlugs,
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

const treatmentSummary = object({_id: string, slug: string, localizedSlugs, title: localized, summary: localized})

interface Referenced {
  _id: string
  /** Present only when the referenced document is not of the expected type. */
  _type?: string | null
}
interface CheckedPage extends SlugSource {
  _id: string
  condition?: Referenced | null
  ingredients?: Array<{ingredient: Referenced}> | null
  effects?: Referenced[] | null
  sideEffects?: Referenced[] | null
  contraindications: Referenced[]
}

/** A page's own invariants: references of the expected type, at least one contraindication. */
function checkPageInvariants(page: CheckedPage): void {
  // The path is written only for an error.
  const expect = (document: Referenced, expected: string, path: () => string) => {
    if (typeof document._type === 'string' && document._type !== expected) {
      throw new ReferenceTypeError({treatmentId: page._id, path: path(), expected, received: document._type, documentId: document._id})
    }
  }
  if (page.condition) expect(page.condition, 'condition', () => 'condition')
  const each = (list: readonly Referenced[] | null | undefined, field: string, expected: string) => {
    if (!list) return
    for (let index = 0; index < list.length; index++) expect(list[index]!, expected, () => `${field}[${index}]`)
  }
  const ingredients = page.ingredients ?? []
  for (let index = 0; index < ingredients.length; index++) expect(ingredients[index]!.ingredient, 'ingredient', () => `ingredients[${index}].ingredient`)
  each(page.effects, 'effects', 'effect')
  each(page.sideEffects, 'sideEffects', 'sideEffect')
  each(page.contraindications, 'contraindications', 'contraindication')
  if (page.contraindications.length === 0) throw new MissingContraindicationsError(page._id)
}

/**
 * One published treatment per slug in each locale (its own slug there, or its fallback's):
 * two or more are an error naming the locale and all of them.
 */
function checkUniqueSlugs(pages: ReadonlyArray<SlugSource & {_id: string}>): void {
  const [clash] = findSlugClashes(pages)
  if (clash !== undefined) throw new DuplicateSlugError(clash.slug, clash.ids, clash.locale)
}

/**
 * Checks the answer of the by-slug query before it is localized: treatments (none when not
 * found) of the projected shape, each with the page's invariants, no two with one slug in a
 * locale (the reader then picks the one the slug names).
 */
export function checkTreatmentPage(value: unknown): void {
  if (!Array.isArray(value)) throw new MalformedResponseError('', 'an array of treatments', value)
  // Paths are within the treatment (`contraindications[2]`), as a page author reads them.
  checkingAnswer(() => {
    for (const page of value) treatmentPage(page, [])
  })
  checkInvariants(value as CheckedPage[])
}

/** Checks a bulk answer of treatment pages: shape, invariants of each, and unique slugs. */
export function checkTreatmentPages(value: unknown): void {
  checkingAnswer(() => list(treatmentPage, true)(value, []))
  checkInvariants(value as CheckedPage[])
}

function checkInvariants(pages: readonly CheckedPage[]): void {
  for (const page of pages) checkPageInvariants(page)
  checkUniqueSlugs(pages)
}

/** Checks a treatment list answer: shape and unique slugs. */
export function checkTreatmentList(value: unknown): void {
  list(treatmentSummary, true)(value, [])
  checkUniqueSlugs(value as Array<SlugSource & {_id: string}>)
}
