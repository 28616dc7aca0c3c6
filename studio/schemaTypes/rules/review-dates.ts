import type {RuleProblem} from './localized-value.ts'

const isoDate = /^\d{4}-\d{2}-\d{2}$/

/** A YYYY-MM-DD date that exists: `Date.parse` takes 2026-02-31 and rolls it over to March. */
function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string' || !isoDate.test(value)) return false
  const time = Date.parse(value)
  return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === value
}

/**
 * Checks a medical review block: a reviewed page names its reviewer and review date, records the
 * texts the doctor read (`coveredTexts`, written by “Mark medically reviewed”), and the next
 * review is due after the last one.
 */
export function checkReviewDates(
  review: {status?: unknown; reviewer?: unknown; lastReviewed?: unknown; nextReviewDue?: unknown; coveredTexts?: unknown} | undefined,
): RuleProblem[] {
  const problems: RuleProblem[] = []
  // A page may only say it was reviewed when it names who reviewed it and when.
  if (review?.status === 'reviewed') {
    if (typeof review.reviewer !== 'string' || review.reviewer.trim() === '') {
      problems.push({message: 'A reviewed page needs the name of the reviewing doctor.', path: ['reviewer']})
    }
    if (review.lastReviewed === undefined || review.lastReviewed === null) {
      problems.push({message: 'A reviewed page needs the date of the review.', path: ['lastReviewed']})
    }
    // Pages never claim a review that cannot say which texts it covered.
    if (!Array.isArray(review.coveredTexts) || review.coveredTexts.length === 0) {
      problems.push({
        message: 'A review must record the texts the doctor read: use the “Mark medically reviewed” action (pages do not claim a review that records none).',
        path: ['coveredTexts'],
      })
    }
  }
  for (const name of ['lastReviewed', 'nextReviewDue'] as const) {
    const value = review?.[name]
    if (value !== undefined && value !== null && !isCalendarDate(value)) {
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
