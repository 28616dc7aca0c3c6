/**
 * Turns a Sanity `_key` into an XML NMTOKEN for XLIFF `id` attributes: letters, digits, `_` and
 * `-` are kept, anything else becomes `_<hex code point>_`.
 */
export function xliffToken(text: string): string {
  if (text === '') return '_'
  return text.replace(/[^A-Za-z0-9_-]/gu, (character) => `_${character.codePointAt(0)!.toString(16)}_`)
}

/**
 * The XLIFF `<unit id>` of a field path: keyed steps become `:<key>` and index steps `:<n>`, so
 * `ingredients[_key=="pc"].role` → `ingredients:pc.role`. The exact path travels in the unit's
 * `name` attribute; the id is an NMTOKEN as the XLIFF schema requires.
 */
export function unitId(path: string): string {
  return path
    .replace(/\[_key=="([^"]*)"\]/g, (_match, key: string) => `:${xliffToken(key)}`)
    .replace(/\[(\d+)\]/g, ':$1')
    .replace(/[^A-Za-z0-9_.:-]/gu, (character) => `_${character.codePointAt(0)!.toString(16)}_`)
}
