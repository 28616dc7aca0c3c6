import {CommentIcon} from '@sanity/icons/Comment'
import {defineField, defineType} from 'sanity'
import {defineClaimStatusField} from './claimStatus.ts'
import {defineLocalizedField} from './localized-field.ts'
import {baseText} from '../rules/index.ts'

/** A statement about a treatment that needs medical review before it reads as fact. */
export const claim = defineType({
  name: 'claim',
  title: 'Claim',
  type: 'object',
  icon: CommentIcon,
  fields: [
    defineLocalizedField({name: 'statement', title: 'Statement', kind: 'text', required: true}),
    defineField({
      name: 'topic',
      title: 'Topic',
      type: 'string',
      options: {
        list: [
          {title: 'How long results last', value: 'durability'},
          {title: 'When results show', value: 'onset'},
          {title: 'Comparison with another treatment', value: 'comparison'},
          {title: 'How it works', value: 'mechanism'},
        ],
      },
      validation: (rule) => rule.required(),
    }),
    defineClaimStatusField(),
  ],
  preview: {
    select: {statement: 'statement', status: 'claimStatus'},
    prepare: ({statement, status}) => ({
      title: baseText(statement) ?? 'Untitled claim',
      subtitle: status,
    }),
  },
})

