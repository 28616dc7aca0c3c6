import {TranslateIcon} from '@sanity/icons/Translate'
import {localeIds, locales} from '@treatments/content/locales'
import {translationStates as states} from '@treatments/content/ui-strings'
import {defineArrayMember, defineField, defineType} from 'sanity'

import {checkTranslationStates} from '../rules/index.ts'
import {toValidation} from '../rules/to-validation.ts'
import {defineCoveredTextsField} from './medicalReview.ts'

/** Where a locale's translation of a document stands, in the states' words (`draft`: needs translation). */
export const translationStatuses = [
  {title: states.needsTranslation.word, value: 'draft'},
  {title: states.translated.word, value: 'translated'},
  {title: states.reviewed.word, value: 'reviewed'},
] as const

/**
 * The review state of one locale of a document, and for each translated field the hash of the
 * source text it was translated from: when the source changes, the hash no longer matches and
 * the translation is stale. For each field it also keeps the hash of the translation as last
 * reviewed or imported: when the translation is edited after a review, it is no longer reviewed.
 */
export const translationState = defineType({
  name: 'translationState',
  title: 'Translation state',
  type: 'object',
  icon: TranslateIcon,
  fields: [
    defineField({
      name: 'language',
      title: 'Language',
      type: 'string',
      options: {list: localeIds.map((id) => ({title: id, value: id}))},
      validation: (rule) => rule.required(),
    }),
    defineField({
      name: 'status',
      title: 'Status',
      type: 'string',
      options: {list: [...translationStatuses], layout: 'radio'},
      initialValue: 'draft',
      validation: (rule) => rule.required(),
    }),
    defineField({name: 'translatedAt', title: 'Translated at', type: 'datetime'}),
    defineField({name: 'reviewedBy', title: 'Reviewed by', type: 'string'}),
    defineField({name: 'reviewedAt', title: 'Reviewed at', type: 'datetime'}),
    defineHashListField(
      'sourceHashes',
      'Source hashes',
      'Written by the translation tools: the hash of the source text each field was translated from.',
    ),
    defineHashListField(
      'reviewedTargetHashes',
      'Reviewed target hashes',
      'Written by the translation tools: the hash of each field’s translation when it was last reviewed or imported. A reviewed field whose text no longer has this hash counts as edited since the review.',
    ),
    defineField({
      name: 'sourceTexts',
      title: 'Source texts',
      description:
        'Written by the translation tools: the source text each field was translated from, with its hash. When the source changes, the tools show what changed even if the history is gone.',
      type: 'array',
      readOnly: true,
      of: [
        defineArrayMember({
          name: 'sourceText',
          type: 'object',
          fields: [
            defineField({name: 'field', title: 'Field path', type: 'string', validation: (rule) => rule.required()}),
            defineField({name: 'hash', title: 'Hash', type: 'string', validation: (rule) => rule.required()}),
            defineField({name: 'text', title: 'Text', type: 'text', validation: (rule) => rule.required()}),
          ],
        }),
      ],
    }),
    defineCoveredTextsField(
      'On a treatment, written by “Mark reviewed”: the hash of this language’s text of every safety text on the page (contraindications, side effects, when to get help, disclaimer, claims) as reviewed. When one changes, the page in this language stops saying a doctor reviewed it.',
    ),
  ],
  preview: {
    select: {language: 'language', status: 'status'},
    // `Deutsch (de)` / `needs translation`, not the stored `de` / `draft`.
    prepare: ({language, status}: {language?: string; status?: string}) => ({
      title: `${locales.find((locale) => locale.id === language)?.title ?? language ?? ''} (${language ?? '?'})`,
      subtitle: translationStatuses.find((option) => option.value === status)?.title ?? status,
    }),
  },
})

/** A read-only list of `{field, hash}` pairs that the translation tools keep. */
function defineHashListField(name: string, title: string, description: string) {
  return defineField({
    name,
    title,
    description,
    type: 'array',
    readOnly: true,
    of: [
      defineArrayMember({
        name: 'sourceHash',
        type: 'object',
        fields: [
          defineField({name: 'field', title: 'Field path', type: 'string', validation: (rule) => rule.required()}),
          defineField({name: 'hash', title: 'Hash', type: 'string', validation: (rule) => rule.required()}),
        ],
      }),
    ],
  })
}

/** The per-locale translation states of a document. */
export function defineTranslationsField() {
  return defineField({
    name: 'translations',
    title: 'Translations',
    description: 'Review state of each language. The translation tools keep this up to date.',
    type: 'array',
    group: 'translations',
    of: [defineArrayMember({type: 'translationState'})],
    validation: (rule) => rule.custom((items) => toValidation(checkTranslationStates(items))),
  })
}
