const word = /[A-Za-z0-9_$@]/

/**
 * GROQ without the whitespace a parser does not need: runs of spaces, tabs and newlines
 * outside string literals are dropped, or kept as one space between two word characters
 * (`in $locales`, `slug.current asc`); a double-quoted string literal with no quote or
 * backslash inside is sent in single quotes, which GROQ reads the same. A query with a comment
 * is returned unchanged.
 *
 * Why: the query travels in the URL of every request, where each space or newline is three
 * bytes (`%20`); the page query's indentation was a third of its request. Encoded with
 * `encodeURIComponent` (the browser entry's `queryApiSource`), `"` is three bytes and `'` one:
 * 272 of the page query's 3,114. `@sanity/client` encodes `'` as `%27` too, so there it saves nothing.
 * `pnpm typegen` writes the package's queries minified (`generated/sent-queries.ts`), so this
 * runs at build time, not in a site: the bundles carry neither the layout nor this function.
 *
 * @internal
 */
export function minifyGroq(query: string): string {
  let out = ''
  let pendingSpace = false
  for (let index = 0; index < query.length; index++) {
    const character = query[index]!
    if (character === '"' || character === "'") {
      if (pendingSpace && word.test(out.at(-1) ?? '')) out += ' '
      pendingSpace = false
      let end = index + 1
      while (end < query.length && query[end] !== character) end += query[end] === '\\' ? 2 : 1
      const literal = query.slice(index, end + 1)
      out += character === '"' && end < query.length && !/['\\]/.test(literal) ? `'${literal.slice(1, -1)}'` : literal
      index = end
      continue
    }
    if (character === '/' && query[index + 1] === '/') return query
    if (/\s/.test(character)) {
      pendingSpace = true
      continue
    }
    if (pendingSpace && word.test(out.at(-1) ?? '') && word.test(character)) out += ' '
    pendingSpace = false
    out += character
  }
  return out
}
