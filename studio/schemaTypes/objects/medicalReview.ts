import {defineArrayMember, defineField, defineType} from 'sanity'
import {checkReviewDates} from '../rules/index.ts'
import {toValidation} from '../rules/to-validation.ts'

/** Who checked the medical content, when, when it is due again, and what it rests on. */
export const medicalReview = defineType({
  name: 'medicalReview',
  title: 'Medical review',
  type: 'object',
  fields: [
    defineField({
      name: 'reviewer',
      title: 'Reviewer',
      description: 'Name and qualification of the doctor who reviewed this page.',
      type: 'string',
      validation: (rule) => rule.required().error('Name the reviewing doctor: patients and search engines look for it.'),
    }),
    defineField({name: 'lastReviewed', title: 'Last reviewed', type: 'date', validation: (rule) => rule.required()}),
    defineField({
      name: 'nextReviewDue',
      title: 'Next review due',
      type: 'date',
      validation: (rule) => rule.required().error('Set when this page must be reviewed again.'),
    }),
    defineField({
      name: 'sources',
      title: 'Sources',
      type: 'array',
      of: [
        defineArrayMember({
          name: 'source',
          type: 'object',
          fields: [
            defineField({name: 'title', title: 'Title', type: 'string', validation: (rule) => rule.required()}),
            defineField({name: 'url', title: 'URL', type: 'url', validation: (rule) => rule.uri({scheme: ['https', 'http']})}),
          ],
        }),
      ],
    }),
  ],
  validation: (rule) => rule.custom<Record<string, unknown>>((value) => toValidation(checkReviewDates(value))),
})
