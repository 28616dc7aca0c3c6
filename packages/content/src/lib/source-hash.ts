/**
 * The hash of a source text that a translation was made from. Stored with each translated
 * field; when the source text changes the hash no longer matches and the translation is stale.
 *
 * Portable Text is hashed by structure and text, without `_key`s, so re-keying blocks in the
 * Studio does not mark translations stale, but changing a word, a mark or a link does.
 * Uses Web Crypto, so it runs the same in Node, browsers, edge runtimes and the Studio.
 *
 * @param value - A string or a Portable Text array in the base locale.
 * @returns `sha256-` followed by 64 hex digits.
 * @public
 */
export async function sourceHash(value: unknown): Promise<string> {
  const bytes = new TextEncoder().encode(canonicalJson(value))
  const digest = await crypto.subtle.digest('SHA-256', bytes)
  const hex = Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('')
  return `sha256-${hex}`
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
