import {NdjsonLineReader, type DatasetDocument, type DatasetFileRule} from '@treatments/content/dataset'

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
    for (const text of file.text.split('\n')) {
      const outcome = reader.read(text)
      if (outcome === undefined) continue
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
    const slug = (document.slug as {current?: unknown} | undefined)?.current
    if (typeof slug === 'string') {
      // A draft shares its published document's slug; as in the Studio, that is no clash.
      const publishedId = (documentId ?? `${file}:${line}`).replace(/^drafts\./, '')
      const key = `${document._type}:${slug}`
      const other = slugs.get(key)
      if (other && other !== publishedId) {
        problems.push({...at, path: 'slug', message: `The slug “${slug}” is already used by ${other}. Slugs must be unique.`, ruleId: 'duplicate-slug'})
      } else if (!other) {
        slugs.set(key, publishedId)
      }
    }
  }
  return problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line)
}
