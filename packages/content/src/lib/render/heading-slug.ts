/**
 * The slug a heading's text gives, before de-duplication and prefixing: lower case, diacritics
 * removed (`è` → `e`, `ü` → `u`, `ß` → `ss`), every run of characters other than letters and
 * digits replaced by one `-`, no `-` at either end. Letters of other scripts are kept. Text with
 * no letters or digits gives `section`.
 *
 * @example
 * ```ts
 * headingSlug('Who cannot have this treatment?') // 'who-cannot-have-this-treatment'
 * headingSlug('Perché è sicuro') // 'perche-e-sicuro'
 * ```
 * @param text - The plain text of a heading.
 * @public
 */
export function headingSlug(text: string): string {
  // ASCII text (most headings) has nothing to decompose and no marks: one pass less per step.
  if (asciiOnly.test(text)) {
    const slug = text.toLowerCase().replace(asciiRun, '-').replace(edgeDashes, '')
    return slug === '' ? 'section' : slug
  }
  return unicodeHeadingSlug(text)
}

/**
 * {@link headingSlug} by the rules as written for any script, without its ASCII shortcut (which
 * a property test holds equal to this).
 *
 * @internal
 */
export function unicodeHeadingSlug(text: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
  return slug === '' ? 'section' : slug
}

const asciiOnly = /^[\x00-\x7f]*$/
const asciiRun = /[^a-z0-9]+/g
const edgeDashes = /^-+|-+$/g
