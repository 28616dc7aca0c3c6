import {locales} from '@treatments/content/locales'
import {defineConfig} from 'sanity'
import {internationalizedArray} from 'sanity-plugin-internationalized-array'
import {structureTool} from 'sanity/structure'
import {dataset, projectId} from './env.ts'
import {documentTypes, schemaTypes} from './schemaTypes/index.ts'
import {structure} from './structure.ts'

export default defineConfig({
  name: 'default',
  title: 'Treatments',
  projectId,
  dataset,
  plugins: [
    structureTool({structure}),
    internationalizedArray({
      languages: locales.map(({id, title}) => ({id, title})),
      defaultLanguages: [locales[0]!.id],
      fieldTypes: ['string', 'text', 'blockContent'],
      buttonLocations: ['field', 'document'],
      languageDisplay: 'titleAndCode',
      languageFilter: {documentTypes: documentTypes.map((type) => type.name)},
    }),
  ],
  schema: {types: schemaTypes},
})
