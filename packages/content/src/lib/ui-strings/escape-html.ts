const replacements: Readonly<Record<string, string>> = {'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'}

/**
 * `text` with `&`, `<`, `>`, `"` and `'` replaced by character references: safe in HTML text and
 * in quoted attribute values.
 *
 * @public
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => replacements[character]!)
}
