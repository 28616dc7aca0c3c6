import type {RuleProblem} from './localized-value.ts'

const isoDate = /^\d{4}-\d{2}-\d{2}$/

/**
 * Checks a medical review block: the next review is due after the last one.
 */
export function checkReviewDates(review: {lastReviewed?: unknown; nextReviewDue?: unknown} | undefined): RuleProblem[] {
  const problems: RuleProblem[] = []
  for (const name of ['lastReviewed', 'nextReviewDue'] as const) {
    const value = review?.[name]
    if (value !== undefined && (typeof value !== 'string' || !isoDate.test(value) || Number.isNaN(Date.parse(value)))) {
      problems.push({message: `Use a date in the form YYYY-MM-DD (got ${JSON.stringify(value)}).`, path: [name]})
    }
  }
  const {lastReviewed, nextReviewDue} = review ?? {}
  if (problems.length === 0 && typeof lastReviewed === 'string' && typeof nextReviewDue === 'string' && nextReviewDue <= lastReviewed) {
    problems.push({
      message: `The next review (${nextReviewDue}) must be after the last review (${lastReviewed}).`,
      path: ['nextReviewDue'],
    })
  }
  return problems
}
