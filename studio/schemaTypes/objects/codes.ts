import {defineArrayMember, defineField} from 'sanity'

/** Optional codes in medical code systems (ICD-10, ATC, SNOMED CT), for structured data. */
export function defineCodesField() {
  return defineField({
    name: 'codes',
    title: 'Medical codes',
    type: 'array',
    of: [
      defineArrayMember({
        name: 'medicalCode',
        type: 'object',
        fields: [
          defineField({
            name: 'codingSystem',
            title: 'Code system',
            type: 'string',
            options: {list: ['ICD-10', 'ICD-11', 'ATC', 'SNOMED CT', 'MeSH']},
            validation: (rule) => rule.required(),
          }),
          defineField({name: 'code', title: 'Code', type: 'string', validation: (rule) => rule.required()}),
        ],
        preview: {select: {title: 'code', subtitle: 'codingSystem'}},
      }),
    ],
  })
}
