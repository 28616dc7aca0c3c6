export {itemLanguage}
import {describeJson, isRecord, itemLanguage} from '@treatments/content/dataset'

/**
 * One language's entry of a localized field, as stored by `sanity-plugin-internationalized-array`:
 * `{_key, _type: 'internationalizedArray…Value', language, value}`. Older data keeps the locale
 * in `_key` only; `itemLanguage()` of `@treatments/content` reads both.
 */
export interface LocalizedItem {
  _key?: string
  _type: string
  language?: string
  value?: unknown
  [property: string]: unknown
}

/** A localized field found in a document. */
export interface LocalizedField {
  /** Sanity path of the field, e.g. `title` or `ingredients[_key=="pc"].role`. */
  path: string
  /** The item type, e.g. `internationalizedArrayBlockContentValue`. */
  itemType: string
  /** The per-language entries, as stored. */
  items: readonly LocalizedItem[]
}

const LOCALIZED_ITEM_TYPE = /^internationalizedArray.+Value$/


/**
 * The value stored for `locale` in a localized field's items (first match), or `undefined`.
 */
export function localizedValue(items: readonly LocalizedItem[], locale: string): unknown {
  return items.find((item) => itemLanguage(item) === locale)?.value
}

/**
 * Whether `value` is a localized field: a non-empty array whose items all have a `_type` starting
 * with `internationalizedArray` and ending with `Value`.
 */
export function isLocalizedArray(value: unknown): value is LocalizedItem[] {
  return (
    Array.isArray(value) &&
    value.length > 0 &&
    value.every((item) => isRecord(item) && typeof item._type === 'string' && LOCALIZED_ITEM_TYPE.test(item._type))
  )
}

/**
 * Every localized field of a document, found by walking it: any array whose items are
 * `internationalizedArray…Value` objects, at any depth (`title`, `claims[_key=="durability"].statement`).
 * A new localized field in the schema needs no code change here. Fields that are absent or empty
 * (`[]`) are not found: they hold nothing to translate. Walking stops at a localized field and
 * skips properties starting with `_`, the `translations` bookkeeping array and a treatment's
 * `localizedSlugs`: each locale's slug is that locale's own address, not a translation of the
 * English one (which is `slug.current`), so it is neither exported for translation nor counted.
 *
 * @param document - A Sanity document (any JSON object).
 * @throws {TypeError} When `document` is not an object.
 */
export function findLocalizedFields(document: unknown): LocalizedField[] {
  if (!isRecord(document)) {
    throw new TypeError(`findLocalizedFields expects a document object, got ${describeJson(document)}`)
  }
  const found: LocalizedField[] = []
  walk(document, '', found, true)
  return found
}

function walk(value: unknown, path: string, found: LocalizedField[], top: boolean): void {
  if (isLocalizedArray(value)) {
    found.push({path, itemType: value[0]!._type, items: value})
    return
  }
  if (Array.isArray(value)) {
    value.forEach((item, index) => {
      const key = isRecord(item) && typeof item._key === 'string' && /^[^"\\]+$/.test(item._key) ? item._key : undefined
      walk(item, key === undefined ? `${path}[${index}]` : `${path}[_key=="${key}"]`, found, false)
    })
    return
  }
  if (!isRecord(value)) return
  for (const [name, child] of Object.entries(value)) {
    if (name.startsWith('_') || (top && (name === 'translations' || name === 'localizedSlugs'))) continue
    walk(child, path === '' ? name : `${path}.${name}`, found, false)
  }
}
