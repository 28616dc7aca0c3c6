/**
 * Control characters that have no place in text: C0 controls other than tab and line feed
 * (carriage return included), DEL, and C1 controls (U+0080–U+009F).
 */
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/gu

/**
 * The control characters a text holds, as distinct code points in the order first met: C0
 * controls other than tab (U+0009) and line feed (U+000A), so carriage return and bell too, DEL
 * (U+007F) and C1 controls (U+0080–U+009F). A reader sees nothing or a box for them, and a page
 * may break on them. Empty when there are none.
 *
 * The one definition used by the XLIFF import, `content:check` and the Studio's rules.
 *
 * @param text - Any string.
 * @public
 */
export function controlCharacters(text: string): number[] {
  return [...new Set(Array.from(text.matchAll(CONTROL), (match) => match[0].codePointAt(0)!))]
}
