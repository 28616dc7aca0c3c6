import {canonicalJson} from '../dataset/source-hash.ts'

/** Hashes already computed, by canonical text: a static build checks the same safety texts on every page. */
const computed = new Map<string, Promise<string>>()
/** The hashes of plain strings, by the string itself, once known, for {@link knownSourceHash}. */
const known = new Map<string, string>()
const maxComputed = 1000

/** The part of `node:crypto` used here. */
interface NodeCrypto {
  createHash(algorithm: 'sha256'): {update(text: string): {digest(encoding: 'hex'): string}}
}

/**
 * The runtime's own synchronous SHA-256 where it has one (Node 20.16+, Deno and Bun, through
 * `process.getBuiltinModule`: no import a browser bundle would follow). A static build checks
 * every safety text of every page, each a different text: `crypto.subtle` took 20–60 µs of CPU
 * per digest and a promise per page, this about 3 µs.
 */
const nodeCrypto = (globalThis as {process?: {getBuiltinModule?: (id: string) => unknown}}).process?.getBuiltinModule?.('node:crypto') as NodeCrypto | undefined

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
    hash = nodeCrypto ? Promise.resolve(nodeDigest(nodeCrypto, text)) : crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)).then(toHex)
    if (typeof value === 'string') hash.then((digest) => known.set(value, digest)).catch(() => undefined)
    computed.set(text, hash)
  }
  return hash
}

/**
 * `digestSourceHash(value)` when it is known at once (computed lately, or the runtime hashes
 * synchronously), else `undefined`: lets a caller that checks texts on many pages compare at
 * once instead of waiting for a promise.
 *
 * @param value - A string (Portable Text is always `undefined` here: its canonical text costs
 *   about what a digest does).
 * @internal
 */
export function knownSourceHash(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined
  const hash = known.get(value)
  if (hash !== undefined || !nodeCrypto) return hash
  if (known.size >= maxComputed) known.clear()
  const digest = nodeDigest(nodeCrypto, canonicalJson(value))
  known.set(value, digest)
  return digest
}

function nodeDigest(node: NodeCrypto, text: string): string {
  return `sha256-${node.createHash('sha256').update(text).digest('hex')}`
}

function toHex(digest: ArrayBuffer): string {
  let hex = 'sha256-'
  for (const byte of new Uint8Array(digest)) hex += byte.toString(16).padStart(2, '0')
  return hex
}
