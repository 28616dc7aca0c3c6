import {defineField} from 'sanity'

/**
 * Medical review status of a claim. Statements such as “results from day 3” are content that a
 * doctor must check, not facts: they start as `needsReview`.
 */
export const claimStatuses = [
  {title: 'Needs medical review', value: 'needsReview'},
  {title: 'Supported by evidence', value: 'supported'},
  {title: 'Clinic experience, not established evidence', value: 'clinicExperience'},
  {title: 'Rejected: do not publish', value: 'rejected'},
] as const

/** The review-status field used on effects and claims. */
export function defineClaimStatusField() {
  return defineField({
    name: 'claimStatus',
    title: 'Claim status',
    description: 'Has a doctor checked this statement? Unreviewed claims are shown with a notice.',
    type: 'string',
    options: {list: [...claimStatuses], layout: 'radio'},
    initialValue: 'needsReview',
    validation: (rule) => rule.required().error('Choose a claim status, so readers know whether a doctor has checked it.'),
  })
}
