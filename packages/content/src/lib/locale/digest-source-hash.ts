import {canonicalJson} from '../dataset/source-hash.ts'

/** Hashes already computed, by canonical text: a static build checks the same safety texts on every page. */
const computed = new Map<string, Promise<string>>()
/** The hashes of plain strings, by the string itself, once known, for {@link knownSourceHash}. */
const known = new Map<string, string>()
const maxComputed = 1000

/**
 * `sourceHash()` computed with the platform's SHA-256 (`crypto.subtle`, in browsers, Node and
 * edge runtimes alike), so a browser bundle does not ship a SHA-256 implementation: the same
 * `sha256-<hex>` value, asynchronously. Answers for recent texts are reused.
 *
 * @param value - A string or a Portable Text array.
 * @returns `sha256-` followed by 64 hex digits, equal to `sourceHash(value)`.
 * @internal
 */
export function digestSourceHash(value: unknown): Promise<string> {
  const text = canonicalJson(value)
  let hash = computed.get(text)
  if (hash === undefined) {
    if (computed.size >= maxComputed) {
      computed.clear()
      known.clear()
    }
    hash = crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)).then(toHex)
    if (typeof value === 'string') hash.then((digest) => known.set(value, digest)).catch(() => undefined)
    computed.set(text, hash)
  }
  return hash
}

/**
 * `digestSourceHash(value)` when it was computed lately, else `undefined`: lets a caller that
 * checks the same text on many pages compare at once instead of waiting for a promise.
 *
 * @param value - A string (Portable Text is always `undefined` here: its canonical text costs
 *   about what a digest does).
 * @internal
 */
export function knownSourceHash(value: unknown): string | undefined {
  return typeof value === 'string' ? known.get(value) : undefined
}

function toHex(digest: ArrayBuffer): string {
  let hex = 'sha256-'
  for (const byte of new Uint8Array(digest)) hex += byte.toString(16).padStart(2, '0')
  return hex
}
