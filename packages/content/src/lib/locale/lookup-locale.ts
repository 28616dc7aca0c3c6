/**
 * The `lookup` algorithm of ECMA-402 (`LookupMatcher` with `BestAvailableLocale`): for each
 * requested tag in order, canonicalized and without its Unicode extension (`-u-…`), try the tag
 * and then its BCP 47 truncations (`de-CH-1996` → `de-CH` → `de`, skipping a single-letter
 * subtag left at the end) against the available locales; the first hit wins, else the default.
 *
 * Why not `@formatjs/intl-localematcher`: its `lookup` is these few lines, but the package ships
 * CLDR matching data for `best fit` too, about 10 kB gzip in a browser bundle. The library stays
 * as the test oracle (`lookup-locale.test.ts`).
 *
 * @param requested - Tags in priority order; each must be a valid BCP 47 tag.
 * @param available - Supported locales, in canonical form.
 * @param defaultLocale - What to answer when no requested tag matches.
 * @throws {RangeError} When a requested tag is not a valid BCP 47 tag (from `Intl.getCanonicalLocales`).
 * @internal
 */
export function lookupLocale(requested: readonly string[], available: readonly string[], defaultLocale: string): string {
  const supported = new Set(available)
  for (const tag of Intl.getCanonicalLocales([...requested])) {
    let candidate = withoutUnicodeExtension(tag)
    while (true) {
      if (supported.has(candidate)) return candidate
      let end = candidate.lastIndexOf('-')
      if (end < 0) break
      if (end >= 2 && candidate[end - 2] === '-') end -= 2
      candidate = candidate.slice(0, end)
    }
  }
  return defaultLocale
}

/** A canonical tag without its `-u-…` extension (private use after `-x-` is left alone). */
function withoutUnicodeExtension(tag: string): string {
  const subtags = tag.split('-')
  for (let index = 1; index < subtags.length; index++) {
    if (subtags[index] === 'x') break
    if (subtags[index] !== 'u') continue
    let end = index + 1
    while (end < subtags.length && subtags[end]!.length > 1) end++
    return [...subtags.slice(0, index), ...subtags.slice(end)].join('-')
  }
  return tag
}
