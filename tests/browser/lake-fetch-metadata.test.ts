import {copyFile, mkdtemp, rm} from 'node:fs/promises'
import {createServer, type Server} from 'node:http'
import type {AddressInfo} from 'node:net'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

import {treatmentBySlugQuery} from '@treatments/content'
import type {Browser} from 'playwright-core'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import {type ChildLake, startChildLake} from '../../packages/local-lake/src/test-support/child-lake.ts'
import {FIXTURE_FILE} from '../../packages/local-lake/src/test-support/lake-fixture.ts'
import {launchChromium} from './chromium.ts'

// A foreign page embeds the lake in an <img>, a <script> and a GET <form>: none of them carries an
// Origin, so CORS never sees them; the lake refuses them by Sec-Fetch-Site before anything runs.
// The lake runs in its own process, so a query that froze it could not freeze this test.

/** The `match` that backtracks for minutes in the regular expression it becomes (issue 21). */
const ATTACK = `"${'a'.repeat(50)}" match "${'a*'.repeat(14)}b"`

let directory: string
let lake: ChildLake
let browser: Browser
let foreign: Server

/** A page server whose page at `/` embeds whatever `html` says for the lake at `lakeUrl`. */
async function pageServer(html: () => string): Promise<Server> {
  const server = createServer((_request, response) => {
    response.writeHead(200, {'Content-Type': 'text/html; charset=utf-8'})
    response.end(html())
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return server
}

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'lake-fetch-metadata-'))
  const file = join(directory, 'dataset.ndjson')
  await copyFile(FIXTURE_FILE, file)
  ;[lake, browser] = await Promise.all([startChildLake(file, {}, true), launchChromium()])
  // A first read warms the lake (its indexes, compiled paths): the test compares with a warm lake.
  await bySlug()
  foreign = await pageServer(() => {
    const base = lake.url.replace('127.0.0.1', 'localhost')
    const query = `${base}/v2025-02-19/data/query/production?query=${encodeURIComponent(ATTACK)}`
    return `<!doctype html><title>foreign</title><img src="${query}&from=img"><script src="${query}&from=script"></script>`
  })
}, 900_000)

afterAll(async () => {
  await browser?.close()
  await lake?.close()
  await new Promise((resolve) => foreign?.close(resolve))
  await rm(directory, {recursive: true, force: true})
})

/** A page read by slug, as the site makes it, with how long it took (aborted after 2 s). */
async function bySlug(): Promise<{status: number; ms: number}> {
  const started = performance.now()
  const search = new URLSearchParams({query: treatmentBySlugQuery})
  for (const [name, value] of Object.entries({slug: 'botox', locale: 'en', base: 'en', locales: ['en'], all: false})) search.set(`$${name}`, JSON.stringify(value))
  const url = `${lake.url}/v2025-02-19/data/query/production?${search}`
  const response = await fetch(url, {signal: AbortSignal.timeout(2000)})
  await response.text()
  return {status: response.status, ms: performance.now() - started}
}

describe('a foreign page against the local lake, in Chromium', () => {
  for (const [name, host] of [
    ['another site (127.0.0.1 against localhost)', '127.0.0.1'],
    ['another port of localhost (same-site)', 'localhost'],
  ] as const) {
    it(`refuses the <img> and <script> of a page on ${name} and keeps answering`, async () => {
      const page = await browser.newPage()
      try {
        const seen = lake.requests.length
        await page.goto(`http://${host}:${(foreign.address() as AddressInfo).port}/`)
        const fromPage = (from: string) => (request: {url: string}) => lake.requests.indexOf(request as never) >= seen && request.url.endsWith(`from=${from}`)
        const image = await lake.waitForRequest(fromPage('img'), 10_000)
        const script = await lake.waitForRequest(fromPage('script'), 10_000)
        expect(image).toMatchObject({status: 403, dest: 'image', site: host === 'localhost' ? 'same-site' : 'cross-site'})
        expect(script).toMatchObject({status: 403, dest: 'script'})
        // Refused before it ran (the 403s above), the query holds nothing: a page read answers at
        // once. A lake frozen by it would take minutes; the bound leaves room for a busy machine
        // (a read took 219 ms once while the suite ran beside other work, against 200 then).
        const read = await bySlug()
        expect(read.status).toBe(200)
        expect(read.ms).toBeLessThan(1000)
      } finally {
        await page.close()
      }
    }, 60_000)
  }

  it('refuses a GET form a foreign page submits (a top-level navigation)', async () => {
    const page = await browser.newPage()
    try {
      await page.goto(`http://127.0.0.1:${(foreign.address() as AddressInfo).port}/`)
      const seen = lake.requests.length
      const action = `${lake.url.replace('127.0.0.1', 'localhost')}/v2025-02-19/data/query/production`
      await page.evaluate(
        ({action, query}) => {
          const form = Object.assign(document.createElement('form'), {method: 'GET', action})
          form.append(Object.assign(document.createElement('input'), {name: 'query', value: query}))
          document.body.append(form)
          form.submit()
        },
        {action, query: 'count(*)'},
      )
      const navigation = await lake.waitForRequest((request) => lake.requests.indexOf(request as never) >= seen && request.url.includes('count'), 10_000)
      expect(navigation).toMatchObject({status: 403, dest: 'document', site: 'cross-site'})
      expect((await bySlug()).status).toBe(200)
    } finally {
      await page.close()
    }
  }, 60_000)
})
