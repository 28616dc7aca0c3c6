import {hasVisibleText} from '../dataset/has-visible-text.ts'
import {itemLanguage} from '../dataset/item-language.ts'
import {digestSourceHash, knownSourceHash} from './digest-source-hash.ts'
import {matchesRecordedHash} from './recorded-hash.ts'

/** A localized field as the queries project it: only the items of the requested locale chain. */
interface LocalizedField<V> {
  i18n: Array<{language?: string | null; _key?: string | null; value: V | null}> | null
  /**
   * For safety texts: the source hash the requested translation was made from (whole, or its
   * first 39 characters as the page queries send it), and optionally the base-locale text
   * (otherwise it is the chain's base-locale item).
   */
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
   * Set when a translation exists but was made from an older source text, or records none: the
   * current source text is shown instead (safety texts only).
   */
  stale?: true
}

/**
 * Resolves every localized field of a query result along a fallback chain: the first locale in
 * `chain` with text wins. Nothing is dropped: a field with no text in any locale becomes `null`
 * and is reported with `served: null`.
 *
 * A safety text translated from an older source text is not shown as current: its recorded hash
 * (whole, or its first 39 characters) is checked with `node:crypto` or `crypto.subtle` (hence
 * asynchronous) and the source text is shown instead, reported with `stale: true`; so is one
 * that records no source hash.
 *
 * @param value - A query result whose localized fields are `{i18n: [...]}` projections.
 * @param chain - Locales in order of preference; the first is the requested locale.
 * @throws {TypeError} When `chain` is empty.
 * @public
 */
export function localize<T>(value: T, chain: readonly string[]): Promise<{value: Localized<T>; fallbacks: Fallback[]}> {
  // Misuse throws at the call, not in the promise.
  if (chain[0] === undefined) throw new TypeError('Cannot `localize` without a locale chain: pass at least one locale')
  return localizeAlong(value, chain)
}

async function localizeAlong<T>(value: T, chain: readonly string[]): Promise<{value: Localized<T>; fallbacks: Fallback[]}> {
  const requested = chain[0]!
  const base = chain.at(-1)
  // Fallbacks in document order; a stale check holds its place until its hash is known.
  const fallbacks: Array<Fallback | Promise<Fallback | undefined>> = []
  // The path of the node being walked, as segments: a string is found only for a fallback.
  const segments: Array<string | number> = []
  const currentPath = () => pathOf(segments)
  // `container[key]` is where the walked node's value goes, so a stale text can be replaced there.
  const walk = (node: unknown, container: Record<string | number, unknown>, key: string | number): unknown => {
    if (Array.isArray(node)) {
      // A copy of the array's plain values, then its objects walked in place.
      const out: unknown[] = node.slice()
      for (let index = 0; index < out.length; index++) {
        const child: unknown = out[index]
        if (child === null || typeof child !== 'object') continue
        segments.push(index)
        out[index] = walk(child, out as never, index)
        segments.pop()
      }
      return out
    }
    if (!node || typeof node !== 'object') return node
    if (isLocalizedField(node)) return field(node, container, key)
    // A copy of the object's own values (plain ones, ids, keys and enums, are most), then its
    // objects walked in place.
    const out = copyBySite(node, typeof key === 'number' ? segments[segments.length - 2] : key)
    for (const name in out) {
      const child = out[name]
      if (child === null || typeof child !== 'object') continue
      segments.push(name)
      out[name] = walk(child, out, name)
      segments.pop()
    }
    return out
  }
  const field = (node: LocalizedField<unknown>, container: Record<string | number, unknown>, key: string | number): unknown => {
    const items = node.i18n ?? []
    const source = node.source
    // The first locale of the chain whose item shows; safety texts (the fields that carry
    // `source`) are plain text: only a string can show.
    const plainText = source !== undefined
    let served: string | null = null
    let text: unknown = null
    // Each item's locale once, not once per locale of the chain.
    const count = items.length
    for (let index = 0; index < count; index++) itemLanguages[index] = itemLanguage(items[index])
    search: for (let at = 0; at < chain.length; at++) {
      const locale = chain[at]!
      for (let index = 0; index < count; index++) {
        if (itemLanguages[index] !== locale) continue
        const item = items[index]!
        const candidate = item.value
        if ((plainText ? typeof candidate === 'string' : true) && hasVisibleText(candidate)) {
          served = locale
          text = candidate
          break search
        }
      }
    }
    if (plainText && served !== requested && served !== base) {
      // A middle locale's translation of a safety text (`de` for `de-AT → de → en`) cannot be checked:
      // the answer records only the requested locale's source hash. The source shows, also when no item did.
      const baseText = baseTextOf(source, items, base)
      if (typeof baseText === 'string' && hasVisibleText(baseText)) {
        served = base!
        text = baseText
      }
    }
    if (plainText && served === requested && served !== base) {
      const baseText = baseTextOf(source, items, base)
      // A translation of an older source text must not read as current: show the source. So
      // must one that records no source text (typed in without the tools): nothing says which
      // English it says, and the translation tools call it stale too.
      if (hasVisibleText(baseText)) {
        const recorded = source?.hash
        // The same safety texts recur on every page of a build: once their hash is known, compare
        // now. With none recorded there is nothing to compare: stale at once.
        const current = typeof recorded === 'string' ? knownSourceHash(baseText) : ''
        if (current !== undefined) {
          if (matchesRecordedHash(current, recorded)) return text
          fallbacks.push({path: currentPath(), requested, served: base ?? null, stale: true})
          return baseText
        }
        const path = currentPath()
        fallbacks.push(
          digestSourceHash(baseText).then((current) => {
            if (matchesRecordedHash(current, recorded)) return undefined
            container[key] = baseText
            return {path, requested, served: base ?? null, stale: true}
          }),
        )
      }
    } else if (served !== requested) fallbacks.push({path: currentPath(), requested, served})
    return text
  }
  const root: Record<string, unknown> = {}
  root.value = walk(value, root, 'value')
  const settled = fallbacks.some((fallback) => fallback instanceof Promise)
    ? (await Promise.all(fallbacks)).filter((fallback): fallback is Fallback => fallback !== undefined)
    : (fallbacks as Fallback[])
  return {value: root.value as Localized<T>, fallbacks: settled}
}

/** A safety text's base-locale text: given with its source, or the item of the chain's base locale. */
function baseTextOf(source: LocalizedField<unknown>['source'], items: NonNullable<LocalizedField<unknown>['i18n']>, base: string | undefined): unknown {
  return source?.value !== undefined ? source.value : items.find((item) => itemLanguage(item) === base)?.value
}

/** Scratch space for the locales of one field's items (filled and read in one `field` call, never held). */
const itemLanguages: Array<string | undefined> = []

/** A path made from segments, and the paths one segment longer, by that segment. */
interface PathNode {
  path: string
  children: Map<string | number, PathNode> | undefined
}
const paths: PathNode = {path: '', children: undefined}
let pathCount = 0

/**
 * The path of `segments` (`contraindications[3].text`), made once and then found by its
 * segments: the same fields fall back on page after page, and the renderer looks each one up
 * by its path, so a string made once (its hash kept) is quicker than one joined per page.
 */
function pathOf(segments: ReadonlyArray<string | number>): string {
  let node = paths
  for (const segment of segments) {
    let child = node.children?.get(segment)
    if (child === undefined) {
      const path = typeof segment === 'number' ? `${node.path}[${segment}]` : node.path ? `${node.path}.${segment}` : segment
      // Paths come from the content's shape: keep a bounded few.
      if (pathCount >= 10000) {
        paths.children = undefined
        pathCount = 0
      }
      child = {path, children: undefined}
      ;(node.children ??= new Map()).set(segment, child)
      pathCount++
    }
    node = child
  }
  return node.path
}

function isLocalizedField(node: object): node is LocalizedField<unknown> {
  if (!Object.hasOwn(node, 'i18n')) return false
  for (const key in node) if (key !== 'i18n' && key !== 'source' && Object.hasOwn(node, key)) return false
  return true
}

/** Each field name's copy site (see {@link copyBySite}), given in the order names are first seen. */
const sites = new Map<string | number | undefined, number>()

/**
 * A copy of `node`'s own values by one of several spreads, chosen by the name of the field that
 * holds it (a list's name for its items): one spread for every object of the content sees about
 * 15 shapes and is the slowest copy; a field's objects share one shape or a few. Every branch is
 * the same spread, so the choice changes only speed.
 */
function copyBySite(node: object, name: string | number | undefined): Record<string, unknown> {
  let site = sites.get(name)
  if (site === undefined) {
    // Names come from the content's shape: keep a bounded few.
    if (sites.size >= 1000) sites.clear()
    site = sites.size % 16
    sites.set(name, site)
  }
  switch (site) {
    case 0:
      return {...node}
    case 1:
      return {...node}
    case 2:
      return {...node}
    case 3:
      return {...node}
    case 4:
      return {...node}
    case 5:
      return {...node}
    case 6:
      return {...node}
    case 7:
      return {...node}
    case 8:
      return {...node}
    case 9:
      return {...node}
    case 10:
      return {...node}
    case 11:
      return {...node}
    case 12:
      return {...node}
    case 13:
      return {...node}
    case 14:
      return {...node}
    default:
      return {...node}
  }
}
