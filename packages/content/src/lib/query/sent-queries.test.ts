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
    const stored = new Set<string>()
    JSON.stringify(documents, (key, value: unknown) => (key === 'sourceHashes' && Array.isArray(value) && value.forEach((entry) => stored.add(entry.hash)), value))
    const answer = async (query: string, params: Record<string, unknown>) =>
      JSON.stringify(await (await evaluate(parse(query), {dataset: documents, params, dereference: ({_ref}) => (byId.get(_ref) ?? null) as never})).get())
    // Only `source.hash` and `source.hashes[].hash`: a review's `coveredTexts` travel whole.
    const sentHashes = (json: string) => {
      const hashes: string[] = []
      JSON.parse(json, (key, value: unknown) => {
        const source = key === 'source' && typeof value === 'object' && value !== null ? (value as {hash?: unknown; hashes?: Array<{hash?: unknown}>}) : undefined
        for (const hash of [source?.hash, ...(source?.hashes ?? []).map((entry) => entry.hash)]) if (typeof hash === 'string') hashes.push(hash)
        return value
      })
      return hashes
    }
    const prefixes = new Set([...stored].map((hash) => hash.slice(0, recordedHashLength)))
    for (const json of [await answer(sent.allTreatmentsQuery, {locale: 'it', locales: ['it', 'en']}), await answer(sent.allTreatmentsEveryLocaleQuery, {locales: ['en', 'it', 'de']})]) {
      const hashes = sentHashes(json)
      expect(hashes.length).toBeGreaterThan(20)
      for (const hash of hashes) expect(prefixes.has(hash) && hash.length === recordedHashLength, hash).toBe(true)
    }
  })
})
