import {readNdjson} from '@treatments/content/dataset'
import {startLocalLake, type LocalLake} from '@treatments/local-lake'
import {EdgeVM} from '@edge-runtime/vm'
import {build} from 'esbuild'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {defaultDatasetPath, repoRoot} from '../../scripts/lib/paths.ts'

// The package's fetch + localize (+ render, where built) running in an edge runtime: no Node
// built-ins, only web APIs, reading from the local lake over HTTP with @sanity/client (main
// entry) or plain fetch (browser entry).

let lake: LocalLake

beforeAll(async () => {
  lake = await startLocalLake({datasets: {production: await readNdjson(defaultDatasetPath)}, readOnly: true})
})

afterAll(async () => {
  await lake?.close()
})

async function bundle(entry: string): Promise<string> {
  const result = await build({
    stdin: {contents: entry, resolveDir: repoRoot, loader: 'ts'},
    bundle: true,
    format: 'iife',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    conditions: ['@treatments/source', 'edge-light', 'worker', 'browser', 'import', 'default'],
    write: false,
    logLevel: 'silent',
  })
  return result.outputFiles[0]!.text
}

describe('in an edge runtime', () => {
  it.each([
    ['@treatments/content', '@sanity/client'],
    ['@treatments/content/browser', 'plain fetch'],
  ])('fetches (%s, %s), localizes and renders a treatment with web APIs only', async (entry) => {
    const code = await bundle(`
      import {createTreatmentContent} from '${entry}'
      import {toHtml} from '@treatments/content/render'
      globalThis.run = async (apiHost) => {
        const content = createTreatmentContent({source: {projectId: 'local', dataset: 'production', apiHost, useCdn: false}})
        const {locale, treatment, fallbacks} = await content.getTreatment('mesotherapy-cellulite', {locale: 'de-AT'})
        const body = toHtml(treatment.body ?? [])
        return JSON.stringify({locale, title: treatment.title, contraindications: treatment.contraindications.length, fallbacks: fallbacks.length, html: body.value})
      }
    `)
    expect(code).not.toMatch(/require\(["']node:/)
    const vm = new EdgeVM()
    vm.evaluate(code)
    const answer = JSON.parse(await vm.evaluate<Promise<string>>(`run(${JSON.stringify(lake.url)})`)) as Record<string, unknown>
    expect(answer).toMatchObject({locale: 'de', title: 'Mesotherapie bei Cellulite', contraindications: 10})
    expect(answer.fallbacks).toBeGreaterThan(0)
    expect(answer.html).toMatch(/^<h2 id="[^"]+">/)
  })

  it('reads documents in memory with localDataset, as the README says an edge runtime does', async () => {
    const code = await bundle(`
      import {createTreatmentContent} from '@treatments/content/browser'
      import {localDataset} from '@treatments/content/local-dataset'
      globalThis.run = async (documents) => {
        const content = createTreatmentContent({source: localDataset(documents)})
        const {locale, treatment, fallbacks} = await content.getTreatment('mesotherapy-cellulite', {locale: 'it'})
        return JSON.stringify({locale, title: treatment.title, contraindications: treatment.contraindications.length, fallbacks: fallbacks.length})
      }
      globalThis.createTreatmentContentForPath = (path) => createTreatmentContent({source: localDataset(path)}).getTreatment('mesotherapy-cellulite', {locale: 'it'})
    `)
    const vm = new EdgeVM()
    vm.evaluate(code)
    const documents = await readNdjson(defaultDatasetPath)
    const answer = JSON.parse(await vm.evaluate<Promise<string>>(`run(${JSON.stringify(documents)})`)) as Record<string, unknown>
    expect(answer).toMatchObject({locale: 'it', title: 'Mesoterapia per la cellulite', contraindications: 10})
    // A path cannot be read there: a typed error that says so, not a missing module.
    const refused = await vm.evaluate<Promise<string>>(`
      createTreatmentContentForPath('./content/dataset.ndjson').catch((error) => error.code + ' ' + error.message)
    `)
    expect(refused).toBe('DATASET_FILE_UNREADABLE ./content/dataset.ndjson: reading a dataset file needs Node.js; in a browser or an edge runtime, pass the documents')
  })

  it('writes the sitemap from the browser entry with web APIs only', async () => {
    const code = await bundle(`
      import {createTreatmentContent} from '@treatments/content/browser'
      import {treatmentSitemap} from '@treatments/content/sitemap'
      globalThis.run = (apiHost) => treatmentSitemap(
        createTreatmentContent({source: {projectId: 'local', dataset: 'production', apiHost, useCdn: false}}),
        {urlFor: (locale, slug) => 'https://clinic.example/' + locale + '/treatments/' + slug},
      )
    `)
    expect(code).not.toMatch(/require\(["']node:/)
    const vm = new EdgeVM()
    vm.evaluate(code)
    const xml = await vm.evaluate<Promise<string>>(`run(${JSON.stringify(lake.url)})`)
    // Each locale at its own slug.
    expect(xml.match(/<loc>[^<]+<\/loc>/g)).toEqual(
      [
        ['en', 'mesotherapy-cellulite'],
        ['it', 'mesoterapia-cellulite'],
        ['de', 'mesotherapie-cellulite'],
      ].map(([locale, slug]) => `<loc>https://clinic.example/${locale}/treatments/${slug}</loc>`),
    )
  })
})
