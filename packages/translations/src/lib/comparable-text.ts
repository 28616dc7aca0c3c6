/**
 * Characters a reader cannot see: default-ignorable code points (zero-width space, joiners, word
 * joiner, soft hyphen, byte order mark, bidi controls, variation selectors) and format characters.
 */
const INVISIBLE = /[\p{Default_Ignorable_Code_Point}\p{Cf}]/gu
/** Any run of Unicode white space (`\s` includes U+00A0, U+202F, U+3000, line feeds and tabs). */
const WHITESPACE = /\s+/gu

/**
 * A text as a reader sees it, for telling whether two texts say the same: invisible characters
 * removed, Unicode NFC, every run of white space one space, trimmed. So
 * `'Schwanger\u00ADschaft\u200B'` and `' Schwangerschaft '` compare equal to `'Schwangerschaft'`.
 *
 * @param text - Plain text (see `plainText()` for Portable Text).
 * @internal
 */
export function comparableText(text: string): string {
  return text.replace(INVISIBLE, '').normalize('NFC').replace(WHITESPACE, ' ').trim()
}
