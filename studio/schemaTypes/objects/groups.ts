import {defineFieldGroup} from './define-field-group.ts'

/** Field groups shared by every document type: content first, translation bookkeeping apart. */
export const documentGroups = [
  defineFieldGroup({name: 'content', title: 'Content', default: true}),
  defineFieldGroup({name: 'translations', title: 'Translations'}),
]
