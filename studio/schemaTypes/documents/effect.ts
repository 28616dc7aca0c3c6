import {SparklesIcon} from '@sanity/icons/Sparkles'
import {defineField, defineType} from 'sanity'
import {baseText} from '../rules/index.ts'
import {defineClaimStatusField} from '../objects/claimStatus.ts'
import {documentGroups} from '../objects/groups.ts'
import {defineLocalizedField} from '../objects/localized-field.ts'
import {defineTranslationsField} from '../objects/translationState.ts'

/** An expected benefit of a treatment, with when it shows and whether a doctor has checked it. */
export const effect = defineType({
  name: 'effect',
  title: 'Expected effect',
  type: 'document',
  icon: SparklesIcon,
  groups: documentGroups,
  fields: [
    defineLocalizedField({name: 'text', title: 'Effect', kind: 'string', required: true, group: 'content'}),
    defineField({
      name: 'onsetDays',
      title: 'Visible from day',
      description: 'Leave empty when the source gives no onset.',
      type: 'number',
      group: 'content',
      validation: (rule) => rule.integer().min(0).error('Use a whole number of days, 0 or more.'),
    }),
    {...defineClaimStatusField(), group: 'content'},
    defineTranslationsField(),
  ],
  preview: {
    select: {text: 'text', onsetDays: 'onsetDays', claimStatus: 'claimStatus'},
    prepare: ({text, onsetDays, claimStatus}) => ({
      title: baseText(text) ?? 'Untitled effect',
      subtitle: [onsetDays === undefined ? undefined : `from day ${onsetDays}`, claimStatus].filter(Boolean).join(' · '),
    }),
  },
})
