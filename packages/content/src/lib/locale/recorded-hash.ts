/**
 * How many characters of a recorded source hash the page queries send: `sha256-` and the first
 * 32 hex digits (128 bits). A recorded hash is 71 characters of hex that gzip cannot shrink, and
 * an Italian page carries one per safety text (28 on the shipped article, 1.4 kB of its 6.1 kB
 * gzip answer). 128 bits keep what the whole hash promises: an edited source text cannot pass
 * for the one translated, by chance or by an editor who writes two texts to collide (a 64-bit
 * prefix would fall to about 2^32 tries). The queries take the prefix with
 * `array::join(string::split(hash, "")[0...39], "")`; the stored hashes stay whole.
 *
 * @internal
 */
export const recordedHashLength = 39

/**
 * Whether a translation's recorded source hash (whole, or the prefix the page queries send)
 * names the source text whose hash is `current`. Shorter than {@link recordedHashLength} it
 * names nothing (an empty or cut string must not match every text), nor does anything but a
 * string (none recorded): the translation is stale.
 *
 * @param current - `sourceHash()` of the source text now: `sha256-` and 64 hex digits.
 * @param recorded - The hash the translation recorded, as the query answered it (`null` for none).
 * @internal
 */
export function matchesRecordedHash(current: string, recorded: unknown): boolean {
  return typeof recorded === 'string' && recorded.length >= recordedHashLength && current.startsWith(recorded)
}
