/**
 * How many characters of a recorded source hash the page queries send: `sha256-` and the first
 * 16 hex digits (64 bits). A recorded hash is 71 characters of hex that gzip cannot shrink, and an
 * Italian page carries one per safety text (28 on the shipped article, 1.4 kB of its 6.1 kB gzip
 * answer); 64 bits still tell an edited source text from the one translated with a chance of
 * 2^-64 of missing one edit, and anyone who could forge a match could as well rewrite the
 * recorded hash itself. The queries take the prefix with
 * `array::join(string::split(hash, "")[0...23], "")`; the stored hashes stay whole.
 *
 * @internal
 */
export const recordedHashLength = 23

/**
 * Whether a translation's recorded source hash (whole, or the prefix the page queries send)
 * names the source text whose hash is `current`. Shorter than {@link recordedHashLength} it
 * names nothing (an empty or cut string must not match every text): the translation is stale.
 *
 * @param current - `sourceHash()` of the source text now: `sha256-` and 64 hex digits.
 * @param recorded - The hash the translation recorded, as the query answered it.
 * @internal
 */
export function matchesRecordedHash(current: string, recorded: string): boolean {
  return recorded.length >= recordedHashLength && current.startsWith(recorded)
}

/**
 * The prefix of a recorded hash the page queries send, as GROQ computes it: a string's first
 * {@link recordedHashLength} characters (code points, as `string::split(s, "")` splits), anything
 * else `null`.
 *
 * @internal
 */
export function sentRecordedHash(hash: unknown): string | null {
  if (typeof hash !== 'string') return null
  // No more UTF-16 units than that: no more code points either.
  return hash.length <= recordedHashLength ? hash : Array.from(hash).slice(0, recordedHashLength).join('')
}
