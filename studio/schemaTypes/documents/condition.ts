import {ActivityIcon} from '@sanity/icons/Activity'
import {defineArrayMember, defineField, defineType} from 'sanity'
import {baseText} from '../rules/index.ts'
import {documentGroups} from '../objects/groups.ts'
import {defineCodesField} from '../objects/codes.ts'
import {defineLocalizedField} from '../objects/localized-field.ts'
import {defineTranslationsField} from '../objects/translationState.ts'

/** A condition a treatment treats (schema.org `MedicalCondition`). */
export const condition = defineType({
  name: 'condition',
  title: 'Condition',
  type: 'document',
  icon: ActivityIcon,
  groups: documentGroups,
  fields: [
    defineLocalizedField({name: 'name', title: 'Name', kind: 'string', required: true, group: 'content'}),
    defineField({
      name: 'alternateNames',
      title: 'Other names',
      description: 'Names patients use, such as “orange peel skin”.',
      type: 'array',
      group: 'content',
      of: [
        defineArrayMember({
          name: 'alternateName',
          type: 'object',
          fields: [defineLocalizedField({name: 'name', title: 'Other name', kind: 'string', required: true})],
          preview: {select: {name: 'name'}, prepare: ({name}) => ({title: baseText(name) ?? 'Untitled'})},
        }),
      ],
    }),
    defineLocalizedField({name: 'description', title: 'Description', kind: 'text', required: true, group: 'content'}),
    {...defineCodesField(), group: 'content'},
    defineTranslationsField(),
  ],
  preview: {
    select: {name: 'name'},
    prepare: ({name}) => ({title: baseText(name) ?? 'Untitled condition'}),
  },
})
