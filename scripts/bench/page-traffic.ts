import {createServer, type IncomingMessage, type ServerResponse} from 'node:http'
import type {AddressInfo} from 'node:net'
import {gzipSync} from 'node:zlib'
import {createTreatmentContent} from '@treatments/content'
import type {DatasetDocument} from '@treatments/content/local-dataset'
import {createLocalLakeHandler} from '@treatments/local-lake'
import type {BenchMetric, BenchOptions} from '../../packages/content/bench/benchmark.ts'
import {round} from '../../packages/content/bench/measure.ts'
import {seedDocuments} from './seed-documents.ts'

/** Bytes of one exchange as it crosses the wire: what the request carries, and the response gzipped. */
interface Traffic {
  requests: number
  requestBytes: number
  responseGzipBytes: number
}

/**
 * What one page costs on the wire, counted at the local lake's front door through the real
 * `@sanity/client`: requests per `getTreatment`, and bytes (request URL and body, plus the
 * response gzipped as a CDN serves it) against the same documents fetched whole (all locales,
 * through the same server and client, the cheapest of two ways). Measured on the shipped dataset, and on a copy where one
 * translation is whitespace only (which once cost the package a second request).
 */
export async function run(options: BenchOptions): Promise<Record<string, BenchMetric>> {
  const seed = await seedDocuments()
  const treatment = seed.find((document) => document._type === 'treatment')!
  const slug = (treatment.slug as {current: string}).current
  const ids = new Set([treatment._id])
  JSON.stringify(treatment, (key, value: unknown) => (key === '_ref' && typeof value === 'string' ? (ids.add(value), value) : value))

  const onShipped = await measureTraffic(seed, slug, ids, ['en', 'it', 'de'], options)
  // A translator saved a title of spaces: GROQ counts it as text, the package asks again.
  const blankTitle = seed.map((document) =>
    document._id === treatment._id
      ? {...document, title: (document.title as Array<{language: string}>).map((item) => (item.language === 'it' ? {...item, value: '   '} : item))}
      : document,
  )
  const onBlank = await measureTraffic(blankTitle, slug, ids, ['it'], options)

  const worst = Math.max(...Object.values(onShipped.ratios))
  const wholeBytes = onShipped.whole.requestBytes + onShipped.whole.responseGzipBytes
  const share = (bytes: (page: Traffic) => number) => round(Math.max(...Object.values(onShipped.pages).map(bytes)) / wholeBytes, 3)
  return {
    bytes_per_page_vs_full_docs: {
      value: worst,
      unit: 'x',
      goal: {atMost: 0.75},
      peer: 'the same documents fetched whole with all 3 locales, the cheapest of two ways (by ids; by slug with references expanded)',
      description: 'wire bytes of getTreatment (request URL/body + gzip response) ÷ the same for the whole documents; worst locale',
      per_locale: onShipped.ratios,
      page_bytes: onShipped.pages,
      whole_documents: onShipped.whole,
      // The floor (docs/architecture.md, "Bytes per page"): the page query alone, percent-encoded
      // by @sanity/client, is about 0.4x of the whole documents; with every cut measured the total
      // is about 0.90x (0.86x as a POST). Proposed instead: the response alone ≤ 0.75 (the next metric)
      // and this ≤ 1.15.
      request_vs_full_docs: share((page) => page.requestBytes),
      proposed_goal: {atMost: 1.15},
    },
    response_bytes_per_page_vs_full_docs: {
      value: share((page) => page.responseGzipBytes),
      unit: 'x',
      goal: {atMost: 0.75},
      peer: 'the same documents fetched whole with all 3 locales, the cheapest way (request + gzip response)',
      description: 'gzip response bytes of getTreatment ÷ request + gzip response of the whole documents; worst locale (the part of the page traffic that the query does not fix)',
    },
    requests_per_page: {
      value: onShipped.requests,
      unit: 'count',
      goal: {atMost: 1},
      description: 'upstream HTTP requests per getTreatment on the shipped dataset, most of any locale',
    },
    bytes_per_page_blank_translation_vs_full_docs: {
      value: onBlank.ratios.it!,
      unit: 'x',
      goal: {atMost: 0.75},
      peer: 'the same documents fetched whole with all 3 locales, the cheapest way',
      description: 'as bytes_per_page_vs_full_docs, Italian page whose title translation is whitespace only',
      requests: onBlank.requests,
      page_bytes: onBlank.pages,
      whole_documents: onBlank.whole,
    },
  }
}

/** A treatment and every document it references, whole, by its slug. */
const wholeBySlugQuery =
  '*[slug.current==$slug]{...,condition->,ingredients[]{...,ingredient->},effects[]->,sideEffects[]->,contraindications[]->}'

/** The same documents as a flat list, by the slug: the treatment and what it references. */
const wholeBySlugFlatQuery =
  '*[_id in *[slug.current==$slug][0]{"i":[_id,condition._ref]+ingredients[].ingredient._ref+effects[]._ref+sideEffects[]._ref+contraindications[]._ref}.i]'

async function measureTraffic(documents: DatasetDocument[], slug: string, ids: Set<string>, locales: string[], options: BenchOptions) {
  const handler = await createLocalLakeHandler({datasets: {production: documents}, readOnly: true})
  const traffic: Traffic = {requests: 0, requestBytes: 0, responseGzipBytes: 0}
  const server = createServer((request, response) => {
    count(request, response, traffic)
    handler(request, response)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const apiHost = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  try {
    const source = {projectId: 'local', dataset: 'production', apiHost, useCdn: false}
    const measure = async (work: () => Promise<unknown>) => {
      const before = {...traffic}
      await work()
      return {
        requests: traffic.requests - before.requests,
        requestBytes: traffic.requestBytes - before.requestBytes,
        responseGzipBytes: traffic.responseGzipBytes - before.responseGzipBytes,
      }
    }
    const {createClient} = await import('@sanity/client')
    const client = createClient({...source, apiVersion: '2025-02-19', useProjectHostname: false})
    // The denominator: the page's whole documents (all locales), fetched the cheapest way we know
    // in one request; each way is measured and the fewest bytes taken.
    const ways = {
      by_ids: () => client.fetch('*[_id in $ids]', {ids: [...ids]}),
      by_slug_expanded: () => client.fetch(wholeBySlugQuery, {slug}),
      by_slug_flat: () => client.fetch(wholeBySlugFlatQuery, {slug}),
    }
    const measured: Record<string, Traffic> = {}
    for (const [name, way] of Object.entries(ways)) {
      const before = traffic.requests
      const documents = (await way()) as unknown[]
      if (name !== 'by_slug_expanded' && documents.length !== ids.size) throw new Error(`page-traffic: ${name} fetched ${documents.length} documents, expected ${ids.size}`)
      measured[name] = await measure(way)
      if (traffic.requests - before !== 2) throw new Error(`page-traffic: ${name} took more than one request`)
    }
    const total = (traffic: Traffic) => traffic.requestBytes + traffic.responseGzipBytes
    const [cheapest, whole] = Object.entries(measured).sort(([, a], [, b]) => total(a) - total(b))[0]!
    const wholeBytes = total(whole)
    const ratios: Record<string, number> = {}
    const pages: Record<string, Traffic> = {}
    let requests = 0
    for (const locale of locales) {
      options.progress(`getTreatment ${locale}`)
      // A fresh instance per locale: no answer comes from the package's cache.
      const content = createTreatmentContent({source})
      const page = await measure(() => content.getTreatment(slug, {locale}))
      pages[locale] = page
      ratios[locale] = round((page.requestBytes + page.responseGzipBytes) / wholeBytes, 3)
      requests = Math.max(requests, page.requests)
    }
    return {ratios, pages, whole: {...whole, way: cheapest, ways: measured}, requests}
  } finally {
    await new Promise((resolve) => server.close(resolve))
    // Its query workers would keep `pnpm bench` from exiting.
    await handler.close()
  }
}

/** Count a request's URL and body, and its response body gzipped (level 6, as CDNs serve it). */
function count(request: IncomingMessage, response: ServerResponse, traffic: Traffic): void {
  traffic.requests++
  traffic.requestBytes += Buffer.byteLength(request.url ?? '')
  // The body by its declared length: reading it here would take it from the handler.
  traffic.requestBytes += Number(request.headers['content-length'] ?? 0)
  const chunks: Buffer[] = []
  const write = response.write.bind(response)
  const end = response.end.bind(response)
  const keep = (chunk: unknown) => {
    if (typeof chunk === 'string') chunks.push(Buffer.from(chunk))
    else if (chunk instanceof Uint8Array) chunks.push(Buffer.from(chunk))
  }
  response.write = ((chunk: unknown, ...rest: unknown[]) => {
    keep(chunk)
    return write(chunk as never, ...(rest as []))
  }) as typeof response.write
  response.end = ((chunk?: unknown, ...rest: unknown[]) => {
    if (typeof chunk !== 'function') keep(chunk)
    traffic.responseGzipBytes += gzipSync(Buffer.concat(chunks)).byteLength
    return end(chunk as never, ...(rest as []))
  }) as typeof response.end
}
