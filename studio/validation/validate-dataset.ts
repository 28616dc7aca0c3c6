import {NdjsonLineReader, type DatasetDocument, type DatasetFileRule} from '@treatments/content/dataset'

import {baseLocale, localeIds, localeSlug} from '@treatments/content/locales'

import {slugSourceOf} from '../schemaTypes/rules/index.ts'
import {checkDocument} from './check-document.ts'
import type {DatasetProblem} from './dataset-problem.ts'
import {ExtractedSchema, type SchemaEntry} from './schema-types.ts'

const ruleIds: Record<DatasetFileRule, DatasetProblem['ruleId']> = {
  unreadable: 'invalid-json',
  'invalid-json': 'invalid-json',
  'not-a-document': 'not-a-document',
  'missing-id': 'missing-id',
  'missing-type': 'unknown-type',
  'duplicate-id': 'duplicate-id',
}
const pathOf: Record<DatasetFileRule, string> = {
  unreadable: '',
  'invalid-json': '',
  'not-a-document': '',
  'missing-id': '_id',
  'missing-type': '_type',
  'duplicate-id': '_id',
}

/** The `_id` of a line the reader refused as a document but that parsed as JSON. */
function idOf(text: string): string | undefined {
  try {
    const id = (JSON.parse(text.replace(/^\uFEFF/, '')) as {_id?: unknown})._id
    return typeof id === 'string' ? id : undefined
  } catch {
    return undefined
  }
}

/** One NDJSON file's text and name. */
export interface DatasetFile {
  name: string
  text: string
}

/**
 * Validates NDJSON dataset files against the Studio schema (as extracted to `schema.json`) and
 * the Studio's rules, offline. Reports every problem with file, line, document id and field
 * path; never stops at the first.
 *
 * @param files - The files; references may cross files.
 * @param schemaEntries - The parsed `schema.json`.
 */
export function validateDataset(files: readonly DatasetFile[], schemaEntries: readonly SchemaEntry[]): DatasetProblem[] {
  const schema = new ExtractedSchema(schemaEntries)
  const problems: DatasetProblem[] = []
  const documents: Array<{file: string; line: number; document: DatasetDocument}> = []
  const types = new Map<string, string>()
  const firstSeen = new Map<string, string>()

  for (const file of files) {
    // The dataset core's line reader: the same rules and words as localDataset and the lake.
    const reader = new NdjsonLineReader(file.name)
    let lines = 0
    for (const text of file.text.split('\n')) {
      const outcome = reader.read(text)
      if (outcome === undefined) continue
      lines++
      const {line} = outcome
      if ('problem' in outcome) {
        const {problem, rule} = outcome.problem
        const documentId = rule === 'duplicate-id' || rule === 'missing-type' ? idOf(text) : undefined
        problems.push({file: file.name, line, ...(documentId ? {documentId} : {}), path: pathOf[rule], message: problem, ruleId: ruleIds[rule]})
        continue
      }
      const {document} = outcome
      const first = firstSeen.get(document._id)
      if (first !== undefined) {
        // A duplicate across files (the reader finds those within one file).
        problems.push({file: file.name, line, documentId: document._id, path: '_id', message: `duplicate _id "${document._id}" (first seen at ${first})`, ruleId: 'duplicate-id'})
        continue
      }
      firstSeen.set(document._id, `${file.name}:${line}`)
      types.set(document._id, document._type)
      documents.push({file: file.name, line, document})
    }
    // A dataset that lost its contents (an interrupted copy, a slip of `>`) must not pass as a valid one.
    if (lines === 0) {
      problems.push({file: file.name, line: 1, path: '', message: 'the file has no documents (it is empty or holds only blank lines); a dataset holds at least one', ruleId: 'empty-file'})
    }
  }

  const known = schema.documentTypeNames()
  const slugs = new Map<string, string>()
  for (const {file, line, document} of documents) {
    const documentId = typeof document._id === 'string' ? document._id : undefined
    const at = {file, line, ...(documentId ? {documentId} : {})}
    if (typeof document._type !== 'string' || !schema.documentType(document._type) || document._type.startsWith('sanity.')) {
      problems.push({
        ...at,
        path: '_type',
        message: `Unknown _type ${JSON.stringify(document._type)}: expected one of ${known.join(', ')}.`,
        ruleId: 'unknown-type',
      })
      continue
    }
    for (const found of checkDocument(document, schema, {types})) problems.push({...at, ...found})
    // Slugs are unique per locale (each language's URL names one page): the slug each document
    // is served by in each locale, its own or its fallback's. A draft shares its published
    // document's slugs; as in the Studio, that is no clash.
    const source = slugSourceOf({...document, _id: documentId ?? `${file}:${line}`})
    if (source !== undefined) {
      for (const locale of localeIds) {
        const {slug} = localeSlug(source, locale)
        const key = `${document._type}:${locale}:${slug}`
        const other = slugs.get(key)
        if (other === undefined) slugs.set(key, source._id)
        else if (other !== source._id) {
          const own = locale !== baseLocale && source.localizedSlugs?.some((item) => item?.language === locale)
          const where = locale === baseLocale ? 'slug' : own ? `localizedSlugs[_key=="${keyOf(document.localizedSlugs, locale)}"]` : 'slug'
          problems.push({...at, path: where, message: `The slug “${slug}” is already used by ${other} in locale ${locale}. Slugs must be unique in each locale.`, ruleId: 'duplicate-slug'})
        }
      }
    }
  }
  return problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line)
}

/** The `_key` of `locale`'s item in a localized list (its locale when it has none). */
function keyOf(items: unknown, locale: string): string {
  const found = (Array.isArray(items) ? (items as Array<{_key?: unknown; language?: unknown}>) : []).find((item) => item?.language === locale)
  return typeof found?._key === 'string' ? found._key : locale
}
