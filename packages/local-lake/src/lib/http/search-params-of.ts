/** Components at least this long (a page query's text) are kept decoded, by their raw form. */
const CACHED_LENGTH = 256
/** How many decoded long components to keep (least recently used go first). */
const CACHE_ENTRIES = 16

/**
 * Decoded long components, most recently used first, found by comparing the raw text. Not a
 * `Map`: a lookup there hashes the whole raw text, which arrives as a new string with every
 * request (6 µs for a page's 3.6 kB, against 0.3 µs to compare it with a kept one).
 */
const decoded: Array<{raw: string; value: string}> = []

/**
 * The query string of `url` decoded as `url.searchParams` decodes it, but with long components
 * (a page's 2–4 kB GROQ text, sent unchanged with every request) decoded once and then taken
 * from a small cache: decoding the text again on every request was a tenth of a by-slug
 * request's time on the lake.
 */
export function searchParamsOf(url: URL): URLSearchParams {
  const search = url.search
  const pairs: Array<[string, string]> = []
  let start = 1
  while (start < search.length) {
    let end = search.indexOf('&', start)
    if (end === -1) end = search.length
    if (end > start) {
      const equals = search.indexOf('=', start)
      const split = equals === -1 || equals > end ? end : equals
      pairs.push([decodeComponent(search.slice(start, split)), split === end ? '' : decodeComponent(search.slice(split + 1, end))])
    }
    start = end + 1
  }
  return new URLSearchParams(pairs)
}

/** One name or value, decoded as `application/x-www-form-urlencoded` (`+` is a space). */
function decodeComponent(raw: string): string {
  if (raw.length < CACHED_LENGTH) return decodeForm(raw)
  for (let index = 0; index < decoded.length; index++) {
    const entry = decoded[index]!
    if (entry.raw.length !== raw.length || entry.raw !== raw) continue
    if (index > 0) decoded.unshift(...decoded.splice(index, 1))
    return entry.value
  }
  const value = decodeForm(raw)
  decoded.unshift({raw, value})
  if (decoded.length > CACHE_ENTRIES) decoded.pop()
  return value
}

function decodeForm(raw: string): string {
  if (!raw.includes('%') && !raw.includes('+')) return raw
  try {
    // The same answer as the form decoder whenever the percent-escapes are valid UTF-8.
    return decodeURIComponent(raw.replaceAll('+', ' '))
  } catch {
    // Invalid escapes or bytes: the form decoder keeps them or writes U+FFFD; use it itself.
    return new URLSearchParams(`x=${raw}`).get('x')!
  }
}
