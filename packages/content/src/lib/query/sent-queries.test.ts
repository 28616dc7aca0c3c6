import {evaluate, parse} from 'groq-js'
import {describe, expect, it} from 'vitest'
import * as sent from '../../generated/sent-queries.ts'
import {indexDocuments} from '../dataset/document-index.ts'
import {readNdjson} from '../dataset/read-ndjson.ts'
import {recordedHashLength} from '../locale/recorded-hash.ts'
import {minifyGroq} from './minify-groq.ts'
import * as written from './queries.ts'

// The package sends `generated/sent-queries.ts`, and `sanity typegen` types `queries.ts`: they
// must be the same queries (`pnpm schema:check` regenerates the file; this says which differs).
describe('the queries as sent', () => {
  const names = Object.keys(written).filter((name) => typeof written[name as keyof typeof written] === 'string')

  it('are every query of queries.ts, and nothing else', () => {
    expect(Object.keys(sent).sort()).toEqual(names.sort())
  })

  it.each(names)('%s is the written query without its layout (run `pnpm typegen` when it is not)', (name) => {
    expect(sent[name as keyof typeof sent]).toBe(minifyGroq(written[name as keyof typeof written] as string))
  })
})

describe('the recorded source hashes the page queries send', () => {
  it('are the first 39 characters of each stored hash, for one locale and for every locale', async () => {
    const documents = await readNdjson(new URL('../../../../../content/dataset.ndjson', import.meta.url))
    const {byId} = indexDocuments(documents)
    const hashesIn = (entries: unknown[]) => entries.map((entry) => (entry as {hash?: unknown} | null)?.hash).filter((hash): hash is string => typeof hash === 'string')
    const prefixes = new Set(hashesIn(valuesAt(documents, 'sourceHashes').flat()).map((hash) => hash.slice(0, recordedHashLength)))
    const answer = async (query: string, params: Record<string, unknown>) =>
      (await evaluate(parse(query), {dataset: documents, params, dereference: ({_ref}) => (byId.get(_ref) ?? null) as never})).get()
    for (const answered of [await answer(sent.allTreatmentsQuery, {locale: 'it', locales: ['it', 'en']}), await answer(sent.allTreatmentsEveryLocaleQuery, {locales: ['en', 'it', 'de']})]) {
      // Only `source.hash` and `source.hashes[].hash`: a review's `coveredTexts` travel whole.
      const sources = valuesAt(answered, 'source') as Array<{hashes?: unknown[]} | null>
      const hashes = hashesIn([...sources, ...sources.flatMap((source) => source?.hashes ?? [])])
      expect(hashes.length).toBeGreaterThan(20)
      for (const hash of hashes) expect(prefixes.has(hash) && hash.length === recordedHashLength, hash).toBe(true)
    }
  })
})

/** Every value held under `key`, at any depth of `node`. */
function valuesAt(node: unknown, key: string, found: unknown[] = []): unknown[] {
  if (Array.isArray(node)) for (const item of node) valuesAt(item, key, found)
  else if (node !== null && typeof node === 'object') {
    for (const [name, value] of Object.entries(node)) {
      if (name === key) found.push(value)
      valuesAt(value, key, found)
    }
  }
  return found
}
