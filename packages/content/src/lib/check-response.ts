import {MalformedResponseError} from './errors.ts'

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
  condition: optional(object({_id: string, name: localized, description: localized})),
  ingredients: list(object({role: localized, ingredient: object({_id: string, name: localized})})),
  effects: list(object({_id: string, text: localized})),
  claims: list(object({statement: localized})),
  sideEffects: list(object({_id: string, text: localized, whenToSeekHelp: localized})),
  contraindications: list(object({_id: string, text: localized}), true),
  availableLocales: optional(list(string)),
})

const treatmentSummary = object({_id: string, slug: string, title: localized, summary: localized})

/**
 * Checks a treatment page answer before it is localized: `null` (not found) or the projected
 * shape. A missing contraindication is an error, never a shorter list.
 */
export function checkTreatmentPage(value: unknown): void {
  if (value !== null) treatmentPage(value, '')
}

/** Checks a bulk answer of treatment pages. */
export function checkTreatmentPages(value: unknown): void {
  list(treatmentPage, true)(value, '')
}

/** Checks a treatment list answer. */
export function checkTreatmentList(value: unknown): void {
  list(treatmentSummary, true)(value, '')
}
