import {isRecord} from '@treatments/content/dataset'

/**
 * The words of a localized value as plain text, for notes and word diffs: a string as it is,
 * Portable Text as its text blocks' span texts, blocks separated by a blank line (marks, links
 * and inline objects dropped). Anything else is `''`.
 */
export function plainText(value: unknown): string {
  if (typeof value === 'string') return value
  if (!Array.isArray(value)) return ''
  return value
    .filter((block) => isRecord(block) && Array.isArray(block.children))
    .map((block) =>
      (block.children as unknown[]).map((child) => (isRecord(child) && typeof child.text === 'string' ? child.text : '')).join(''),
    )
    .join('\n\n')
}
