import {sha256} from '@noble/hashes/sha2.js'
import {bytesToHex, utf8ToBytes} from '@noble/hashes/utils.js'

/**
 * The hash of a text a translation relates to: the source text it was translated from, or the
 * translation a reviewer approved. Stored with each translated field; when the text changes the
 * hash no longer matches and the translation is stale (or no longer reviewed).
 *
 * Portable Text is hashed by structure and text, without `_key`s, so re-keying blocks in the
 * Studio does not mark translations stale, but changing a word, a mark or a link does.
 * Synchronous (SHA-256 from `@noble/hashes`), so a Studio document action can use it, and the
 * same in Node, browsers and edge runtimes.
 *
 * @param value - A string or a Portable Text array.
 * @returns `sha256-` followed by 64 hex digits.
 * @public
 */
export function sourceHash(value: unknown): string {
  return `sha256-${bytesToHex(sha256(utf8ToBytes(canonicalJson(value))))}`
}

/** JSON with sorted object keys and no `_key` fields: equal content gives equal text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_name, item: unknown) => {
    if (!item || typeof item !== 'object' || Array.isArray(item)) return item
    const sorted: Record<string, unknown> = {}
    for (const key of Object.keys(item).sort()) {
      if (key !== '_key') sorted[key] = (item as Record<string, unknown>)[key]
    }
    return sorted
  })
}
