/** A letter or a digit in any script: what makes a text something a reader can see. */
const letterOrDigit = /[\p{L}\p{N}]/u
/**
 * An ASCII letter or digit: NFKC keeps it a letter or digit (it has no compatibility mapping, and
 * composing it with a following mark gives a letter), so a text with one needs no normalizing.
 */
const asciiLetterOrDigit = /[A-Za-z0-9]/

/**
 * Whether a text value holds something a reader can see: after Unicode normalization (NFKC) a
 * string must contain at least one letter or digit, so empty strings, whitespace, control and
 * format characters (zero-width spaces, joiners, bidi marks, soft hyphens) and punctuation
 * alone count as missing. Portable Text counts when one of its spans does; a block without
 * `children` (an image, say) counts as content. Anything else (an object, a number, `true`) is
 * not text a reader can see: it counts as missing, so the source text is shown instead.
 *
 * This is the one test of "is there a translation" used by localization, `content:check`, the
 * Studio's rules, the XLIFF import and translation status: a missing text falls back to the
 * source instead of showing a blank contraindication.
 *
 * @param value - a string, a Portable Text array, or anything else (`null`, `undefined` → false)
 * @public
 */
export function hasVisibleText(value: unknown): boolean {
  if (value === undefined || value === null) return false
  if (typeof value === 'string') return isAsciiLetterOrDigit(value.charCodeAt(0)) || asciiLetterOrDigit.test(value) || letterOrDigit.test(value.normalize('NFKC'))
  if (Array.isArray(value)) return value.some(blockHasVisibleText)
  return false
}

function blockHasVisibleText(block: unknown): boolean {
  if (!block || typeof block !== 'object') return false
  const children = (block as {children?: unknown}).children
  if (!Array.isArray(children)) return true
  return children.some((span) => hasVisibleText((span as {text?: unknown} | null)?.text))
}

/** `0-9`, `A-Z`, `a-z` (most texts start with one: no regular expression needed). */
function isAsciiLetterOrDigit(code: number): boolean {
  const lower = code | 32
  return (lower >= 97 && lower <= 122) || (code >= 48 && code <= 57)
}
