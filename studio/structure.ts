import type {StructureResolver} from 'sanity/structure'
import {documentTypes} from './schemaTypes/index.ts'

/** The desk: one list per document type, treatments first. */
export const structure: StructureResolver = (S) =>
  S.list()
    .title('Content')
    .items(documentTypes.map((type) => S.documentTypeListItem(type.name).title(`${type.title ?? type.name}s`)))
