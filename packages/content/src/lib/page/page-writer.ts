import {compileSafeHtmlWriter, type SafeHtmlWriter} from '../render/compile-safe-html.ts'
import {pageSanitizeSchema} from './page-sanitize-schema.ts'

/** Compiled on first use, then shared. */
let create: (() => SafeHtmlWriter) | undefined

/**
 * A writer of page HTML: every element, attribute and text is checked against
 * {@link pageSanitizeSchema} as it is written (`compileSafeHtmlWriter`, equal to
 * `rehype-sanitize` + `rehype-stringify` on the same content as hast): text is escaped by the
 * writer, never concatenated.
 *
 * @internal
 */
export function pageWriter(): SafeHtmlWriter {
  create ??= compileSafeHtmlWriter(pageSanitizeSchema)
  return create()
}

/**
 * Properties with `className` left out when it is empty (an empty `className` would write
 * `class=""`).
 *
 * @internal
 */
export function withClass(className: readonly string[], properties?: Record<string, unknown>): Record<string, unknown> | undefined {
  if (className.length === 0) return properties
  return properties === undefined ? {className} : {...properties, className}
}
