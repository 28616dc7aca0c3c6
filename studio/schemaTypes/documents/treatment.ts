import {HeartIcon} from '@sanity/icons/Heart'
import {baseLocale, locales} from '@treatments/content/locales'
import {defineArrayMember, defineField, defineType} from 'sanity'
import {itemLanguage} from '@treatments/content/dataset'
import {baseText, checkFormerSlugs, checkLocaleCodes, checkLocalizedSlugs, checkSlug, type LocalizedItem} from '../rules/index.ts'
import {slugClashesInStudio} from './treatment-slug-rules.ts'
import {toValidation} from '../rules/to-validation.ts'
import {documentGroups} from '../objects/groups.ts'
import {medicalReviewValidator} from '../objects/medicalReview.ts'
import {defineLocalizedField} from '../objects/localized-field.ts'
import {defineTranslationsField} from '../objects/translationState.ts'

/** Body areas a treatment can be applied to. */
export const bodyAreas = [
  {title: 'Abdomen', value: 'abdomen'},
  {title: 'Hips', value: 'hips'},
  {title: 'Thighs', value: 'thighs'},
  {title: 'Buttocks', value: 'buttocks'},
  {title: 'Knees', value: 'knees'},
  {title: 'Upper arms', value: 'arms'},
] as const

/** A treatment page (schema.org `MedicalTherapy` on a `MedicalWebPage`). */
export const treatment = defineType({
  name: 'treatment',
  title: 'Treatment',
  type: 'document',
  icon: HeartIcon,
  groups: [...documentGroups.slice(0, 1), {name: 'safety', title: 'Safety'}, {name: 'review', title: 'Medical review'}, ...documentGroups.slice(1)],
  fields: [
    defineLocalizedField({name: 'title', title: 'Title', kind: 'string', required: true, group: 'content'}),
    defineField({
      name: 'slug',
      title: 'Slug',
      description: 'The last part of the page address in English; a language without its own slug (below) uses it too.',
      type: 'slug',
      group: 'content',
      options: {
        source: (document) => {
          const title = (document as {title?: LocalizedItem[]}).title
          return String(title?.find((item) => itemLanguage(item) === baseLocale)?.value ?? '')
        },
        maxLength: 96,
        // Uniqueness is per language, checked by the rule below (one message naming the language).
        isUnique: () => true,
      },
      validation: (rule) => [
        rule.required().error('A slug is required to generate a page on the website.'),
        rule.custom((slug) => toValidation(checkSlug(slug))),
        rule.custom(async (_slug, context) => toValidation(await slugClashesInStudio(context, (locale) => locale === baseLocale))),
      ],
    }),
    defineField({
      name: 'localizedSlugs',
      title: 'Slug in other languages',
      description: 'The last part of the page address in each other language, like “mesoterapia-cellulite”. A language without one uses the English slug.',
      type: 'internationalizedArrayString',
      group: 'content',
      validation: (rule) =>
        rule.custom(async (items: LocalizedItem[] | undefined, context) =>
          toValidation([...checkLocaleCodes(items), ...checkLocalizedSlugs(items), ...(await slugClashesInStudio(context, (locale) => locale !== baseLocale))]),
        ),
    }),
    defineField({
      name: 'formerSlugs',
      title: 'Former slugs',
      description: 'Addresses this page had before, per language: the website redirects them (301) to the current address. Publishing a changed slug adds the old one here.',
      type: 'array',
      group: 'content',
      of: [
        defineArrayMember({
          type: 'object',
          name: 'formerSlug',
          fields: [
            defineField({name: 'language', title: 'Language', type: 'string', options: {list: locales.map((locale) => ({title: locale.title, value: locale.id}))}, validation: (rule) => rule.required()}),
            defineField({name: 'slug', title: 'Slug', type: 'string', validation: (rule) => rule.required()}),
          ],
          preview: {select: {title: 'slug', subtitle: 'language'}},
        }),
      ],
      validation: (rule) => rule.custom((items) => toValidation(checkFormerSlugs(items))),
    }),
    defineLocalizedField({name: 'summary', title: 'Summary', kind: 'text', required: true, group: 'content'}),
    defineLocalizedField({name: 'body', title: 'Body', kind: 'blockContent', group: 'content'}),
    defineField({
      name: 'procedureType',
      title: 'Procedure type',
      type: 'string',
      group: 'content',
      options: {
        list: [
          {title: 'Percutaneous (through the skin, e.g. injections)', value: 'PercutaneousProcedure'},
          {title: 'Non-invasive', value: 'NoninvasiveProcedure'},
          {title: 'Surgical', value: 'SurgicalProcedure'},
        ],
      },
      validation: (rule) => rule.required(),
    }),
    defineLocalizedField({
      name: 'howPerformed',
      title: 'How it is performed',
      kind: 'text',
      required: true,
      group: 'content',
    }),
    defineField({
      name: 'bodyAreas',
      title: 'Body areas',
      type: 'array',
      group: 'content',
      of: [defineArrayMember({type: 'string'})],
      options: {list: [...bodyAreas]},
      validation: (rule) => rule.unique(),
    }),
    defineField({
      name: 'condition',
      title: 'Condition treated',
      type: 'reference',
      group: 'content',
      to: [{type: 'condition'}],
      validation: (rule) => rule.required(),
    }),
    defineField({
      name: 'protocol',
      title: 'Protocol',
      type: 'protocol',
      group: 'content',
      validation: (rule) => rule.required().error('Say how many sessions and how far apart.'),
    }),
    defineField({
      name: 'ingredients',
      title: 'Active ingredients',
      type: 'array',
      group: 'content',
      of: [defineArrayMember({type: 'ingredientUse'})],
    }),
    defineField({
      name: 'effects',
      title: 'Expected effects',
      type: 'array',
      group: 'content',
      of: [defineArrayMember({type: 'reference', to: [{type: 'effect'}]})],
      validation: (rule) => rule.unique(),
    }),
    defineField({
      name: 'claims',
      title: 'Claims needing review',
      description: 'Statements such as “results last a long time”: shown with their review status.',
      type: 'array',
      group: 'content',
      of: [defineArrayMember({type: 'claim'})],
    }),
    defineField({
      name: 'sideEffects',
      title: 'Side effects',
      type: 'array',
      group: 'safety',
      of: [defineArrayMember({type: 'reference', to: [{type: 'sideEffect'}]})],
      validation: (rule) => rule.unique(),
    }),
    defineField({
      name: 'contraindications',
      title: 'Contraindications',
      type: 'array',
      group: 'safety',
      of: [defineArrayMember({type: 'reference', to: [{type: 'contraindication'}]})],
      validation: (rule) =>
        rule
          .required()
          .min(1)
          .unique()
          .error('Add at least one contraindication: every treatment has people who must not have it.'),
    }),
    defineLocalizedField({
      name: 'disclaimer',
      title: 'Disclaimer',
      description: 'Says that only an expert doctor can advise on a patient’s own case.',
      kind: 'text',
      required: true,
      group: 'safety',
    }),
    defineField({
      name: 'medicalReview',
      title: 'Medical review',
      type: 'medicalReview',
      group: 'review',
      // A field's own validation replaces its type's: the review block's rule is named again here.
      validation: (rule) => [rule.required().error('Medical pages need a review block: who reviewed them and when.'), rule.custom<Record<string, unknown>>(medicalReviewValidator)],
    }),
    defineTranslationsField(),
  ],
  preview: {
    select: {title: 'title', slug: 'slug.current'},
    prepare: ({title, slug}) => ({title: baseText(title) ?? 'Untitled treatment', subtitle: slug ? `/${slug}` : 'No slug yet'}),
  },
})
