import {describe, expect, it} from 'vitest'

import {checkReviewDates} from './review-dates.ts'

const reviewed = {status: 'reviewed', reviewer: 'Dr. A. Rossi', lastReviewed: '2026-07-01', nextReviewDue: '2027-07-01', coveredTexts: [{field: 'disclaimer', hash: 'h'}]}
const paths = (review: Parameters<typeof checkReviewDates>[0]) => checkReviewDates(review).map((problem) => problem.path.join('.'))

describe('checkReviewDates', () => {
  it('accepts a complete review, a pending one and none', () => {
    expect(checkReviewDates(reviewed)).toEqual([])
    expect(checkReviewDates({status: 'pending', nextReviewDue: '2027-01-31'})).toEqual([])
    expect(checkReviewDates(undefined)).toEqual([])
  })

  it('needs a reviewer with visible letters, a review date and covered texts once reviewed', () => {
    expect(paths({...reviewed, reviewer: '  '})).toEqual(['reviewer'])
    expect(paths({...reviewed, reviewer: 7})).toEqual(['reviewer'])
    expect(paths({...reviewed, reviewer: undefined})).toEqual(['reviewer'])
    expect(paths({...reviewed, lastReviewed: undefined})).toEqual(['lastReviewed'])
    expect(paths({...reviewed, lastReviewed: null})).toEqual(['lastReviewed'])
    expect(paths({...reviewed, coveredTexts: []})).toEqual(['coveredTexts'])
    expect(paths({...reviewed, coveredTexts: 'all'})).toEqual(['coveredTexts'])
    expect(paths({...reviewed, coveredTexts: undefined})).toEqual(['coveredTexts'])
    expect(paths({status: 'pending', coveredTexts: [], reviewer: ''})).toEqual([])
  })

  it('words each problem for the editor', () => {
    expect(checkReviewDates({status: 'reviewed'})).toEqual([
      {message: 'A reviewed page needs the name of the reviewing doctor.', path: ['reviewer']},
      {message: 'A reviewed page needs the date of the review.', path: ['lastReviewed']},
      {
        message: 'A review must record the texts the doctor read: use the “Mark medically reviewed” action (pages do not claim a review that records none).',
        path: ['coveredTexts'],
      },
    ])
  })

  it.each(['2026-7-01', '01/07/2026', '2026-07-01T00:00', ' 2026-07-01', '2026-02-29', '2026-02-31', '2026-13-01', '2026-00-10', '+020000-01', ['2026-07-01'], 20260701])(
    'refuses the date %j, in either field',
    (date) => {
      expect(checkReviewDates({lastReviewed: date})).toEqual([{message: `Use a date in the form YYYY-MM-DD (got ${JSON.stringify(date)}).`, path: ['lastReviewed']}])
      expect(checkReviewDates({nextReviewDue: date})).toEqual([{message: `Use a date in the form YYYY-MM-DD (got ${JSON.stringify(date)}).`, path: ['nextReviewDue']}])
    },
  )

  it('accepts real dates, leap days included', () => {
    expect(checkReviewDates({lastReviewed: '2028-02-29', nextReviewDue: '2028-03-01'})).toEqual([])
  })

  it('needs the next review after the last one, and says so only when both dates are valid', () => {
    expect(checkReviewDates({...reviewed, nextReviewDue: '2026-06-30'})).toEqual([
      {message: 'The next review (2026-06-30) must be after the last review (2026-07-01).', path: ['nextReviewDue']},
    ])
    expect(paths({...reviewed, nextReviewDue: '2026-07-01'})).toEqual(['nextReviewDue'])
    expect(paths({...reviewed, nextReviewDue: '2026-07-02'})).toEqual([])
    expect(paths({lastReviewed: '2026-07-01', nextReviewDue: '2026-06-30'})).toEqual(['nextReviewDue'])
    expect(paths({...reviewed, reviewer: '', nextReviewDue: '2026-06-30'})).toEqual(['reviewer'])
    expect(paths({lastReviewed: '2026-07-01', nextReviewDue: '2026-6-30'})).toEqual(['nextReviewDue'])
  })
})
