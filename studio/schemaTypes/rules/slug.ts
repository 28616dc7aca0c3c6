import type {RuleProblem} from './localized-value.ts'

/** Slugs are lowercase words of letters and digits joined by single dashes: safe in every URL. */
export const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

/** Checks a slug's form; the page address of every language is built from it. */
export function checkSlug(slug: {current?: unknown} | undefined): RuleProblem[] {
  const current = slug?.current
  if (current === undefined || current === null) return []
  if (typeof current !== 'string' || !slugPattern.test(current)) {
    return [
      {
        message: `Use lowercase letters, digits and single dashes, like “mesotherapy-cellulite” (got ${JSON.stringify(current)}).`,
        path: ['current'],
      },
    ]
  }
  return []
}
