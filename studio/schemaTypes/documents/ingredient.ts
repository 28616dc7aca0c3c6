import {DropIcon} from '@sanity/icons/Drop'
import {defineField, defineType} from 'sanity'
import {baseText} from '../rules/index.ts'
import {documentGroups} from '../objects/groups.ts'
import {defineCodesField} from '../objects/codes.ts'
import {defineLocalizedField} from '../objects/localized-field.ts'
import {defineTranslationsField} from '../objects/translationState.ts'

/** Classes of active ingredient used in mesotherapy. */
export const ingredientClasses = [
  {title: 'Lipolytic', value: 'lipolytic'},
  {title: 'Lymphatic drainage', value: 'lymphaticDrainage'},
  {title: 'Phlebotonic', value: 'phlebotonic'},
  {title: 'Vitamin', value: 'vitamin'},
  {title: 'Mineral', value: 'mineral'},
  {title: 'Other', value: 'other'},
] as const

/** An active ingredient (schema.org `Drug` or `DrugClass`). */
export const ingredient = defineType({
  name: 'ingredient',
  title: 'Ingredient',
  type: 'document',
  icon: DropIcon,
  groups: documentGroups,
  fields: [
    defineLocalizedField({name: 'name', title: 'Name', kind: 'string', required: true, group: 'content'}),
    defineField({
      name: 'ingredientClass',
      title: 'Class',
      type: 'string',
      group: 'content',
      options: {list: [...ingredientClasses]},
      validation: (rule) => rule.required().error('Choose a class: pages group ingredients by it.'),
    }),
    defineField({
      name: 'isClass',
      title: 'Names a group of substances',
      description: 'On for “phlebotonic substances”, off for one substance such as phosphatidylcholine.',
      type: 'boolean',
      group: 'content',
      initialValue: false,
    }),
    defineLocalizedField({name: 'mechanism', title: 'How it works', kind: 'text', group: 'content'}),
    {...defineCodesField(), group: 'content'},
    defineTranslationsField(),
  ],
  preview: {
    select: {name: 'name', ingredientClass: 'ingredientClass'},
    prepare: ({name, ingredientClass}) => ({title: baseText(name) ?? 'Untitled ingredient', subtitle: ingredientClass}),
  },
})
