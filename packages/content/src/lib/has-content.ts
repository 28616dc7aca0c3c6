/**
 * Whether a localized value has text a reader can see. Blank strings, whitespace and Portable
 * Text whose spans hold no text count as missing, so they fall back instead of showing a blank
 * contraindication. Non-text blocks (an image, say) count as content.
 *
 * @public
 */
export function hasContent(value: unknown): boolean {
  if (value === undefined || value === null) return false
  if (typeof value === 'string') return value.trim().length > 0
  if (Array.isArray(value)) return value.some(blockHasContent)
  return true
}

function blockHasContent(block: unknown): boolean {
  if (!block || typeof block !== 'object') return false
  const children = (block as {children?: unknown}).children
  if (!Array.isArray(children)) return true
  return children.some((span) => hasContent((span as {text?: unknown} | null)?.text))
}
