import {describeValue as describe} from '../describe-value.ts'

const unsafe: Readonly<Record<string, string>> = {
  '<': '\\u003c',
  '>': '\\u003e',
  '&': '\\u0026',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
}

/**
 * JSON for a `<script type="application/ld+json">` element. `<`, `>`, `&`, U+2028 and U+2029
 * are written as `\u003c`-style escapes, which JSON reads back as the same characters, so text
 * such as `</script>` or `<!--` in content cannot end the script element or start a comment.
 * The result parses with `JSON.parse` to a value equal to `value`.
 *
 * @example
 * ```ts
 * const script = `<script type="application/ld+json">${serializeJsonLd(jsonLd)}</script>`
 * ```
 * @param value - A JSON-LD object (or any JSON value).
 * @throws {TypeError} When `value` cannot be written as JSON (`undefined`, a function, a cycle,
 *   a `bigint`).
 * @public
 */
export function serializeJsonLd(value: unknown): string {
  let json: string | undefined
  try {
    json = JSON.stringify(value)
  } catch (error) {
    throw new TypeError(`\`serializeJsonLd\` cannot write this value as JSON: ${(error as Error).message}`, {cause: error})
  }
  if (json === undefined) throw new TypeError(`\`serializeJsonLd\` expects a JSON value, got ${describe(value)}`)
  return json.replace(/[<>&\u2028\u2029]/g, (character) => unsafe[character]!)
}
