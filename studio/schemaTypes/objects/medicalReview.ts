import {baseLocale, localeIds} from '@treatments/content/locales'
import {defineArrayMember, defineField, defineType} from 'sanity'
import {checkReviewDates, isWebLink} from '../rules/index.ts'
import {toValidation} from '../rules/to-validation.ts'

/** A source's web address: an absolute http(s) URL, the only kind a page links to. */
function sourceUrlField() {
  return defineField({
    name: 'url',
    title: 'URL',
    type: 'url',
    validation: (rule) => rule.uri({scheme: ['https', 'http']}).custom((url) => (url === undefined || isWebLink(url) ? true : 'Cite a web page: an http or https address.')),
  })
}

/**
 * A read-only list of `{field, hash}`: the safety texts a review covered, each with the
 * `sourceHash` of its text as the reviewer read it.
 */
export function defineCoveredTextsField(description: string) {
  return defineField({
    name: 'coveredTexts',
    title: 'Texts covered by the review',
    description,
    type: 'array',
    readOnly: true,
    of: [
      defineArrayMember({
        name: 'coveredText',
        type: 'object',
        fields: [
          defineField({name: 'field', title: 'Text', type: 'string', validation: (rule) => rule.required()}),
          defineField({name: 'hash', title: 'Hash', type: 'string', validation: (rule) => rule.required()}),
        ],
        preview: {select: {title: 'field', subtitle: 'hash'}},
      }),
    ],
  })
}

/**
 * The review block's own rule (see `checkReviewDates`), for `rule.custom`. A field of this type
 * that sets its own `validation` replaces the type's, so such a field must name it too.
 */
export function medicalReviewValidator(value: Record<string, unknown> | undefined) {
  return toValidation(checkReviewDates(value))
}

/** Who checked the medical content, when, when it is due again, and what it rests on. */
export const medicalReview = defineType({
  name: 'medicalReview',
  title: 'Medical review',
  type: 'object',
  fields: [
    defineField({
      name: 'status',
      title: 'Status',
      description: 'Pages say “not yet reviewed by a doctor” until a doctor has reviewed them.',
      type: 'string',
      options: {
        list: [
          {title: 'Awaiting medical review', value: 'pending'},
          {title: 'Reviewed by a doctor', value: 'reviewed'},
        ],
        layout: 'radio',
      },
      initialValue: 'pending',
      validation: (rule) => rule.required(),
    }),
    defineField({
      name: 'reviewer',
      title: 'Reviewer',
      description: 'Name and qualification of the doctor who reviewed this page. Required once reviewed.',
      type: 'string',
    }),
    defineField({name: 'lastReviewed', title: 'Last reviewed', type: 'date', description: 'Required once reviewed.'}),
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
            sourceUrlField(),
            defineField({
              name: 'language',
              title: 'Language',
              description: `The language the source is written in (default ${baseLocale}). Pages in other languages say which.`,
              type: 'string',
              options: {list: localeIds.map((id) => ({title: id, value: id}))},
            }),
            defineField({
              name: 'versions',
              title: 'In other languages',
              description: 'The same source published in another language: pages in that language cite it instead.',
              type: 'array',
              of: [
                defineArrayMember({
                  name: 'sourceVersion',
                  type: 'object',
                  fields: [
                    defineField({
                      name: 'language',
                      title: 'Language',
                      type: 'string',
                      options: {list: localeIds.map((id) => ({title: id, value: id}))},
                      validation: (rule) => rule.required().error('Say which language this version of the source is in.'),
                    }),
                    defineField({name: 'title', title: 'Title', type: 'string', validation: (rule) => rule.required()}),
                    sourceUrlField(),
                  ],
                  preview: {select: {title: 'title', subtitle: 'language'}},
                }),
              ],
            }),
          ],
          preview: {select: {title: 'title', subtitle: 'url'}},
        }),
      ],
    }),
    defineCoveredTextsField(
      'Written by “Mark medically reviewed”: the hash of the English text of every safety text the review covered (contraindications, side effects, when to get help, disclaimer, claims). When one of them changes, pages stop saying a doctor reviewed them until the review is renewed.',
    ),
  ],
  validation: (rule) => rule.custom<Record<string, unknown>>(medicalReviewValidator),
})
