import {defineField, defineType} from 'sanity'
import {baseText} from '../rules/index.ts'
import {defineLocalizedField} from './localized-field.ts'

/** An ingredient as a treatment uses it, with the role it plays there. */
export const ingredientUse = defineType({
  name: 'ingredientUse',
  title: 'Ingredient use',
  type: 'object',
  fields: [
    defineField({
      name: 'ingredient',
      title: 'Ingredient',
      type: 'reference',
      to: [{type: 'ingredient'}],
      validation: (rule) => rule.required(),
    }),
    defineLocalizedField({
      name: 'role',
      title: 'Role in this treatment',
      description: 'What the ingredient does here, in a sentence a patient understands.',
      kind: 'text',
      required: true,
    }),
  ],
  preview: {
    select: {title: 'ingredient.name', role: 'role'},
    prepare: ({title, role}) => ({
      title: baseTextOf(title) ?? 'Choose an ingredient',
      subtitle: baseTextOf(role),
    }),
  },
})

function baseTextOf(items: unknown) {
  return Array.isArray(items) ? baseText(items) : undefined
}
