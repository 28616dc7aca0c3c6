import {WarningOutlineIcon} from '@sanity/icons/WarningOutline'
import {defineField, defineType} from 'sanity'
import {baseText} from '../rules/index.ts'
import {documentGroups} from '../objects/groups.ts'
import {defineLocalizedField} from '../objects/localized-field.ts'
import {defineTranslationsField} from '../objects/translationState.ts'

/** A side effect: expected and passing (`adverseOutcome`) or serious (`seriousAdverseOutcome`). */
export const sideEffect = defineType({
  name: 'sideEffect',
  title: 'Side effect',
  type: 'document',
  icon: WarningOutlineIcon,
  groups: documentGroups,
  fields: [
    defineLocalizedField({name: 'text', title: 'Side effect', kind: 'string', required: true, group: 'content'}),
    defineField({
      name: 'severity',
      title: 'Severity',
      type: 'string',
      group: 'content',
      options: {
        list: [
          {title: 'Expected, passes on its own', value: 'expected'},
          {title: 'Serious: needs a doctor', value: 'serious'},
        ],
        layout: 'radio',
      },
      validation: (rule) => rule.required().error('Say whether this is expected or serious: pages list them apart.'),
    }),
    defineLocalizedField({
      name: 'whenToSeekHelp',
      title: 'When to get help',
      description: 'When a patient should call the doctor about this.',
      kind: 'text',
      group: 'content',
    }),
    defineTranslationsField(),
  ],
  preview: {
    select: {text: 'text', severity: 'severity'},
    prepare: ({text, severity}) => ({title: baseText(text) ?? 'Untitled side effect', subtitle: severity}),
  },
})
