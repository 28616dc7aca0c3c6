import {canonicalJson} from './dataset/source-hash.ts'

/** Hashes already computed, by canonical text: a static build checks the same safety texts on every page. */
const computed = new Map<string, Promise<string>>()
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
    if (computed.size >= maxComputed) computed.clear()
    hash = crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)).then(toHex)
    computed.set(text, hash)
  }
  return hash
}

function toHex(digest: ArrayBuffer): string {
  let hex = 'sha256-'
  for (const byte of new Uint8Array(digest)) hex += byte.toString(16).padStart(2, '0')
  return hex
}
