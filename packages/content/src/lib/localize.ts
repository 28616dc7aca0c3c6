import {hasVisibleText} from './dataset/has-visible-text.ts'
import {itemLanguage} from './dataset/item-language.ts'
import {sourceHash} from './dataset/source-hash.ts'

/** A localized field as the queries project it: only the items of the requested locale chain. */
interface LocalizedField<V> {
  i18n: Array<{language?: string | null; _key?: string | null; value: V | null}> | null
  /** For safety texts: the base-locale text, and the source hash the requested translation was made from. */
  source?: {value?: V | null; hash?: string | null} | null
}

/**
 * `T` with every projected localized field replaced by its value in the best locale of the
 * chain, or `null` when no locale of the chain has text for it.
 *
 * @public
 */
export type Localized<T> = T extends LocalizedField<infer V>
  ? Exclude<V, null> | null
  : T extends ReadonlyArray<infer U>
    ? Array<Localized<U>>
    : T extends object
      ? {[K in keyof T]: Localized<T[K]>}
      : T

/**
 * A field served from another locale than the one requested, or from none.
 *
 * @public
 */
export interface Fallback {
  /** Where the field is in the result, e.g. `title` or `contraindications[3].text`. */
  path: string
  /** The locale the request matched. */
  requested: string
  /** The locale whose text is shown, or `null` when no locale of the chain has any. */
  served: string | null
  /**
   * Set when a translation exists but was made from an older source text: the current source
   * text is shown instead (safety texts only).
   */
  stale?: true
}

/**
 * Resolves every localized field of a query result along a fallback chain: the first locale in
 * `chain` with text wins. Nothing is dropped: a field with no text in any locale becomes `null`
 * and is reported with `served: null`.
 *
 * @param value - A query result whose localized fields are `{i18n: [...]}` projections.
 * @param chain - Locales in order of preference; the first is the requested locale.
 * @public
 */
export function localize<T>(value: T, chain: readonly string[]): {value: Localized<T>; fallbacks: Fallback[]} {
  const requested = chain[0]
  if (requested === undefined) throw new TypeError('Cannot `localize` without a locale chain: pass at least one locale')
  const fallbacks: Fallback[] = []
  const walk = (node: unknown, path: string): unknown => {
    if (Array.isArray(node)) return node.map((item, index) => walk(item, `${path}[${index}]`))
    if (!node || typeof node !== 'object') return node
    if (isLocalizedField(node)) {
      const {served, text} = pick(node.i18n ?? [], chain)
      const source = node.source
      const base = chain.at(-1)
      // A translation of an older source text must not read as current: show the source.
      if (served === requested && served !== base && typeof source?.hash === 'string' && hasVisibleText(source.value) && sourceHash(source.value) !== source.hash) {
        fallbacks.push({path, requested, served: base ?? null, stale: true})
        return source.value
      }
      if (served !== requested) fallbacks.push({path, requested, served})
      return text
    }
    const out: Record<string, unknown> = {}
    for (const [key, child] of Object.entries(node)) out[key] = walk(child, path ? `${path}.${key}` : key)
    return out
  }
  return {value: walk(value, '') as Localized<T>, fallbacks}
}

function isLocalizedField(node: object): node is LocalizedField<unknown> {
  const keys = Object.keys(node)
  return keys.includes('i18n') && keys.every((key) => key === 'i18n' || key === 'source')
}

function pick(
  items: NonNullable<LocalizedField<unknown>['i18n']>,
  chain: readonly string[],
): {served: string | null; text: unknown} {
  for (const locale of chain) {
    const item = items.find((candidate) => itemLanguage(candidate) === locale && hasVisibleText(candidate.value))
    if (item) return {served: locale, text: item.value}
  }
  return {served: null, text: null}
}

/**
 * Whether a query answer needs asking again with every locale of the chain: some field's only
 * item is text in the requested locale that GROQ counted as text but is only whitespace, so
 * its fallbacks were not sent.
 *
 * @internal
 */
export function needsWholeChain(value: unknown, chain: readonly string[]): boolean {
  const requested = chain[0]
  if (chain.length < 2) return false
  const walk = (node: unknown): boolean => {
    if (Array.isArray(node)) return node.some(walk)
    if (!node || typeof node !== 'object') return false
    if (isLocalizedField(node)) {
      const items = node.i18n ?? []
      return items.length > 0 && items.every((item) => itemLanguage(item) === requested && !hasVisibleText(item.value))
    }
    return Object.values(node).some(walk)
  }
  return walk(value)
}
