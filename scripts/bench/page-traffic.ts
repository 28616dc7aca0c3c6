import {createServer} from 'node:http'
import type {AddressInfo} from 'node:net'
import {createTreatmentContent} from '@treatments/content'
import {createLocalLakeHandler} from '@treatments/local-lake'
import type {BenchMetric} from '../../packages/content/bench/benchmark.ts'
import {seedDocuments} from './seed-documents.ts'

/**
 * What one page costs on the wire, counted at the local lake's front door through the real
 * `@sanity/client`: upstream requests per `getTreatment`, and response bytes against the same
 * documents fetched whole (all locales, through the same server and client).
 */
export async function run(): Promise<Record<string, BenchMetric>> {
  const documents = await seedDocuments()
  const handler = await createLocalLakeHandler({datasets: {production: documents}, readOnly: true})
  let requests = 0
  let bytes = 0
  const server = createServer((request, response) => {
    requests++
    const end = response.end.bind(response)
    response.end = ((chunk?: unknown, ...rest: unknown[]) => {
      if (typeof chunk === 'string' || chunk instanceof Uint8Array) bytes += Buffer.byteLength(chunk)
      return end(chunk as never, ...(rest as []))
    }) as typeof response.end
    handler(request, response)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const apiHost = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  try {
    const source = {projectId: 'local', dataset: 'production', apiHost, useCdn: false}
    const content = createTreatmentContent({source})
    const treatment = documents.find((document) => document._type === 'treatment')!
    const ids = new Set([treatment._id])
    JSON.stringify(treatment, (key, value: unknown) => (key === '_ref' && typeof value === 'string' ? (ids.add(value), value) : value))

    const measure = async (work: () => Promise<unknown>) => {
      const before = {requests, bytes}
      await work()
      return {requests: requests - before.requests, bytes: bytes - before.bytes}
    }
    const {createClient} = await import('@sanity/client')
    const client = createClient({...source, apiVersion: '2025-02-19', useProjectHostname: false})
    const whole = await measure(() => client.fetch('*[_id in $ids]', {ids: [...ids]}))
    const perLocale: Record<string, number> = {}
    let pageRequests = 0
    for (const locale of ['en', 'it', 'de']) {
      const page = await measure(() => content.getTreatment((treatment.slug as {current: string}).current, {locale}))
      perLocale[locale] = round(page.bytes / whole.bytes)
      pageRequests = Math.max(pageRequests, page.requests)
    }
    const worst = Math.max(...Object.values(perLocale))
    return {
      bytes_per_page_vs_full_docs: {
        value: worst,
        unit: 'x',
        peer: 'the same documents fetched whole (*[_id in $ids]) with all 3 locales',
        description: 'response bytes of getTreatment ÷ bytes of the whole documents; worst locale (goal <= 0.4)',
        per_locale: perLocale,
        whole_bytes: whole.bytes,
      },
      requests_per_page: {
        value: pageRequests,
        unit: 'count',
        description: 'upstream HTTP requests per getTreatment (goal 1)',
      },
    }
  } finally {
    await new Promise((resolve) => server.close(resolve))
  }
}

function round(value: number) {
  return Math.round(value * 1000) / 1000
}
