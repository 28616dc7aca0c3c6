import {createServer, type Server} from 'node:http'
import type {AddressInfo} from 'node:net'

import {createTreatmentContent, treatmentBySlugQuery, type TreatmentResult} from '@treatments/content'
import {renderTreatmentPage} from '@treatments/content/page'
import {readNdjson, type DatasetDocument} from '@treatments/content/dataset'
import {localDataset} from '@treatments/content/local-dataset'
import {createLocalLakeHandler} from '@treatments/local-lake'
import {isSafetyField} from '@treatments/translations'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import {defaultDatasetPath} from '../../scripts/lib/paths.ts'

// A safety text (what a review covers: a contraindication, a side effect and when to get help,
// an effect, a claim, the disclaimer) whose English changed after it was translated must not
// show the old translation as current: the page shows the current English, reported as a stale
// fallback. One dataset with the English of one text of each kind rewritten, read the ways a
// site reads a page: in-process, and from the local lake through `@sanity/client`, one page or
// every locale at once (the answer split per locale).

const slug = 'mesotherapy-cellulite'
const treatmentId = 'treatment-mesotherapy-cellulite'

/** The texts rewritten in English: where, the page path, and the new English. */
const rewritten = [
  {id: 'contraindication-pregnancy', field: 'text', path: 'contraindications[0].text', english: 'Pregnancy, and for 6 months after giving birth'},
  {id: 'side-effect-itching', field: 'text', path: 'sideEffects[0].text', english: 'Itching at the injection points, for up to a week'},
  {id: 'side-effect-bruising', field: 'whenToSeekHelp', path: 'sideEffects[4].whenToSeekHelp', english: 'If a bruise grows or is still there after three weeks'},
  {id: 'effect-results-from-day-3', field: 'text', path: 'effects[0].text', english: 'Results from day 7'},
  {id: treatmentId, field: 'claims[_key=="durability"].statement', path: 'claims[0].statement', english: 'Results fade within months without upkeep sessions.'},
  {id: treatmentId, field: 'disclaimer', path: 'disclaimer', english: 'Only a doctor who has examined you can say whether this treatment suits you.'},
] as const

let documents: DatasetDocument[]
let server: Server
let closeLake: () => Promise<void>
let lake: {projectId: string; dataset: string; apiHost: string; useCdn: boolean}

beforeAll(async () => {
  documents = structuredClone(await readNdjson(defaultDatasetPath))
  for (const text of rewritten) setEnglish(documents, text.id, text.field, text.english)
  const handler = await createLocalLakeHandler({datasets: {production: documents}, readOnly: true})
  closeLake = () => handler.close()
  server = createServer(handler)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  lake = {projectId: 'local', dataset: 'production', apiHost: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, useCdn: false}
})
afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve))
  await closeLake?.()
})

/** The items of a localized field (`text`, `disclaimer`, `claims[_key=="k"].statement`) of a document. */
function itemsOf(list: DatasetDocument[], id: string, field: string): Array<{language: string; value: string}> {
  const document = list.find((candidate) => candidate._id === id)
  const claim = /^claims\[_key=="(.+)"\]\.statement$/.exec(field)
  const owner = claim ? (document?.claims as Array<Record<string, unknown>> | undefined)?.find((item) => item._key === claim[1]) : document
  const items = owner?.[claim ? 'statement' : field]
  if (!Array.isArray(items)) throw new Error(`the seed has no ${field} in ${id}`)
  return items as Array<{language: string; value: string}>
}

function setEnglish(list: DatasetDocument[], id: string, field: string, value: string): void {
  itemsOf(list, id, field).find((item) => item.language === 'en')!.value = value
}

function italian(id: string, field: string): string | undefined {
  return itemsOf(documents, id, field).find((item) => item.language === 'it')?.value
}

/** The value at a page path such as `sideEffects[0].whenToSeekHelp`. */
function at(treatment: unknown, path: string): unknown {
  return path.split(/\.|(?=\[)/).reduce<unknown>((node, segment) => {
    const index = /^\[(\d+)\]$/.exec(segment)
    return (node as Record<string, unknown> | undefined)?.[index ? Number(index[1]) : segment]
  }, treatment)
}

const reads: Array<[string, () => Promise<TreatmentResult>]> = [
  ['in-process (localDataset)', () => createTreatmentContent({source: localDataset(documents)}).getTreatment(slug, {locale: 'it'})],
  ['from the local lake through @sanity/client', () => createTreatmentContent({source: lake}).getTreatment(slug, {locale: 'it'})],
  [
    'from the local lake, every locale in one request (eachTreatment({locales}))',
    async () => {
      for await (const page of createTreatmentContent({source: lake}).eachTreatment({locales: ['en', 'it', 'de']})) if (page.locale === 'it') return page
      throw new Error('no Italian page')
    },
  ],
]

describe.each(reads)('a safety text whose English changed after its Italian translation, read %s', (_how, read) => {
  let page: TreatmentResult
  beforeAll(async () => {
    page = await read()
  })

  it.each(rewritten.map((text) => [text.path, text] as const))('%s shows the current English, reported as a stale fallback', (path, text) => {
    expect(at(page.treatment, path)).toBe(text.english)
    expect(page.fallbacks).toContainEqual({path, requested: 'it', served: 'en', stale: true})
  })

  it('reports those texts and nothing else, and shows the texts translated from the current English in Italian', () => {
    expect(page.fallbacks.map((fallback) => fallback.path).sort()).toEqual(rewritten.map((text) => text.path).sort())
    expect(page.treatment.contraindications[1]?.text).toBe('Allattamento')
    expect(page.treatment.effects?.[1]?.text).toBe('Il grasso localizzato si riduce')
    expect(page.treatment.claims?.[1]?.statement).toBe(italian(treatmentId, 'claims[_key=="comparison"].statement'))
    expect(page.treatment.sideEffects?.[4]?.text).toBe(italian('side-effect-bruising', 'text'))
  })

  it('puts each on the patient page in English, marked as a translation being updated (EN*)', () => {
    const html = renderTreatmentPage(page)
      .sections.map((section) => section.html)
      .join('\n')
    for (const text of rewritten) {
      const escaped = text.english.replaceAll(/[.*+?^${}()|[\]\\]/g, '\\$&')
      expect(html, text.path).toMatch(new RegExp(`lang="en"[^>]*>${escaped}</span>.{1,2}<span class="marker-untranslated"><span aria-hidden="true">EN\\*</span>`))
    }
  })
})

// What the translation tools refuse to publish unreviewed (`isSafetyField`) and what the page
// checks for staleness (the fields the page query projects with `l::s`) are one list: a field
// added to one and not the other fails here.
describe('the page query', () => {
  it('carries the source hash of exactly the fields isSafetyField names, on the shipped dataset', async () => {
    const answer = await localDataset(documents).fetch(treatmentBySlugQuery, {slug, locales: ['it', 'en'], locale: 'it'})
    const typeOf = new Map(documents.map((document) => [document._id, document._type]))
    const seen: Array<[string, string, boolean]> = []
    // Walks the answer, keeping the document each node belongs to and its path as stored.
    const walk = (node: unknown, type: string, path: string): void => {
      if (Array.isArray(node)) {
        node.forEach((item, index) => {
          const key = (item as {_key?: unknown} | null)?._key
          walk(item, type, `${path}${typeof key === 'string' ? `[_key==${JSON.stringify(key)}]` : `[${index}]`}`)
        })
        return
      }
      if (node === null || typeof node !== 'object') return
      const object = node as Record<string, unknown>
      if ('i18n' in object) {
        seen.push([type, path, 'source' in object])
        return
      }
      const own = typeof object._id === 'string' ? typeOf.get(object._id) : undefined
      for (const [name, value] of Object.entries(object)) {
        if (name === 'translations' || name === 'medicalReview') continue
        walk(value, own ?? type, own ? name : path ? `${path}.${name}` : name)
      }
    }
    walk((answer as unknown[])[0], 'treatment', '')
    expect(seen.length).toBeGreaterThan(30)
    expect(seen.filter(([, , checked]) => checked).length).toBeGreaterThanOrEqual(rewritten.length)
    for (const [type, path, checked] of seen) expect(checked, `${type} ${path}`).toBe(isSafetyField(type, path))
  })
})
