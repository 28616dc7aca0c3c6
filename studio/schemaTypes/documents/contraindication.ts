import {BlockElementIcon} from '@sanity/icons/BlockElement'
import {defineField, defineType} from 'sanity'
import {baseText} from '../rules/index.ts'
import {defineCodesField} from '../objects/codes.ts'
import {documentGroups} from '../objects/groups.ts'
import {defineLocalizedField} from '../objects/localized-field.ts'
import {defineTranslationsField} from '../objects/translationState.ts'

/** Categories of contraindication. */
export const contraindicationCategories = [
  {title: 'Pregnancy', value: 'pregnancy'},
  {title: 'Breastfeeding', value: 'breastfeeding'},
  {title: 'Age', value: 'age'},
  {title: 'Medical condition', value: 'condition'},
  {title: 'Immune system', value: 'immune'},
  {title: 'Bleeding and clotting', value: 'coagulation'},
  {title: 'Medication', value: 'medication'},
  {title: 'Other', value: 'other'},
] as const

/** Who must not have a treatment (schema.org `MedicalContraindication`). */
export const contraindication = defineType({
  name: 'contraindication',
  title: 'Contraindication',
  type: 'document',
  icon: BlockElementIcon,
  groups: documentGroups,
  fields: [
    defineLocalizedField({name: 'text', title: 'Who cannot have it', kind: 'string', required: true, group: 'content'}),
    defineField({
      name: 'kind',
      title: 'Kind',
      type: 'string',
      group: 'content',
      options: {
        list: [
          {title: 'Absolute: never', value: 'absolute'},
          {title: 'Relative: only after a doctor weighs it', value: 'relative'},
        ],
        layout: 'radio',
      },
      validation: (rule) => rule.required(),
    }),
    defineField({
      name: 'category',
      title: 'Category',
      type: 'string',
      group: 'content',
      options: {list: [...contraindicationCategories]},
      validation: (rule) => rule.required(),
    }),
    {...defineCodesField(), group: 'content'},
    defineTranslationsField(),
  ],
  preview: {
    select: {text: 'text', kind: 'kind', category: 'category'},
    prepare: ({text, kind, category}) => ({title: baseText(text) ?? 'Untitled contraindication', subtitle: `${kind ?? ''} · ${category ?? ''}`}),
  },
})
