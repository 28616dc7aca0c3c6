import {checkDocument} from './check-document.ts'
import type {DatasetProblem} from './dataset-problem.ts'
import {ExtractedSchema, type SchemaEntry} from './schema-types.ts'

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
  const documents: Array<{file: string; line: number; document: Record<string, unknown>}> = []
  const types = new Map<string, string>()
  const firstSeen = new Map<string, string>()

  for (const file of files) {
    for (const [index, text] of file.text.split('\n').entries()) {
      const line = index + 1
      if (!text.trim()) continue
      let document: unknown
      try {
        document = JSON.parse(text)
      } catch (error) {
        problems.push({file: file.name, line, path: '', message: `Not a JSON document: ${(error as Error).message}`, ruleId: 'invalid-json'})
        continue
      }
      if (!document || typeof document !== 'object' || Array.isArray(document)) {
        problems.push({file: file.name, line, path: '', message: 'Each line must be one JSON object (a document).', ruleId: 'not-a-document'})
        continue
      }
      const record = document as Record<string, unknown>
      const id = typeof record._id === 'string' && record._id ? record._id : undefined
      if (!id) {
        problems.push({file: file.name, line, path: '_id', message: 'Missing `_id`: every document needs a stable id.', ruleId: 'missing-id'})
      } else if (firstSeen.has(id)) {
        problems.push({file: file.name, line, documentId: id, path: '_id', message: `Duplicate _id, first used at ${firstSeen.get(id)}.`, ruleId: 'duplicate-id'})
        continue
      } else {
        firstSeen.set(id, `${file.name}:${line}`)
        types.set(id, String(record._type))
      }
      documents.push({file: file.name, line, document: record})
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
