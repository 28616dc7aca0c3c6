/**
 * The language tags of an `Accept-Language` header, best first: sorted by q-value (stable for
 * equal weights), without `*`, tags with `q=0`, and malformed entries.
 *
 * @example
 * ```ts
 * parseAcceptLanguage('de;q=0.5, it-CH, it;q=0.9') // ['it-CH', 'it', 'de']
 * ```
 */
export function parseAcceptLanguage(header: string | readonly string[] | undefined): string[] {
  const value = Array.isArray(header) ? header.join(',') : (header ?? '')
  if (typeof value !== 'string') return []
  const entries: {tag: string; q: number; index: number}[] = []
  for (const [index, part] of value.split(',').entries()) {
    const [rawTag = '', ...parameters] = part.split(';').map((piece) => piece.trim())
    if (!/^[A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*$/.test(rawTag)) continue
    let q = 1
    for (const parameter of parameters) {
      const match = /^q\s*=\s*(0(?:\.\d{0,3})?|1(?:\.0{0,3})?)$/i.exec(parameter)
      if (match) q = Number(match[1])
      else if (/^q\s*=/i.test(parameter)) q = Number.NaN
    }
    if (!(q > 0)) continue
    entries.push({tag: rawTag, q, index})
  }
  return entries.sort((a, b) => b.q - a.q || a.index - b.index).map((entry) => entry.tag)
}
