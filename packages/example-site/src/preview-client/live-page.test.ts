import {beforeAll, describe, expect, it} from 'vitest'
import {isTreatmentContentError} from '@treatments/content'
import {readNdjson, type DatasetDocument} from '@treatments/content/dataset'
import {defaultDatasetPath} from '../lib/content-from-env.ts'
import {writeLivePage} from './live-page.ts'

const config = {projectId: 'local', dataset: 'production', origin: 'https://clinic.example', studioUrl: 'https://studio.example', studioOrigins: ['https://studio.example'], siteName: 'Example Clinic'}
let documents: DatasetDocument[]

beforeAll(async () => {
  documents = await readNdjson(defaultDatasetPath)
})

// Parity with the server's preview page, from the lake's drafts view: tests/preview/draft-mode.test.ts.
describe("the preview page written in the browser from the Studio's documents", () => {
  it('has click-to-edit attributes and the fallback marks', async () => {
    const page = await writeLivePage(documents, '/preview/de/treatments/mesotherapie-cellulite', config)
    expect(page!.main).toContain('data-sanity="id=contraindication-pregnancy;type=contraindication;path=text;base=https%3A%2F%2Fstudio.example"')
    expect(page!.main).toContain('marker-untranslated')
    expect(page!.lang).toBe('de')
  })

  it('refuses, rather than writes without it, a page whose contraindication is missing', async () => {
    const without = documents.filter((document) => document._id !== 'contraindication-pregnancy')
    const error = await writeLivePage(without, '/preview/it/treatments/mesoterapia-cellulite', config).catch((caught: unknown) => caught)
    expect(isTreatmentContentError(error)).toBe(true)
  })

  it('leaves other pages, and a slug that moved, to the server', async () => {
    expect(await writeLivePage(documents, '/preview/it/treatments', config)).toBeUndefined()
    expect(await writeLivePage(documents, '/preview/it/treatments/mesotherapy-cellulite', config)).toBeUndefined()
  })
})
