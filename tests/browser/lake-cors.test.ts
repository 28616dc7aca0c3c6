import {createServer, type Server} from 'node:http'
import type {AddressInfo} from 'node:net'

import type {Browser, Page} from 'playwright-core'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import {type LakeFixture, startLakeFixture} from '../../packages/local-lake/src/test-support/lake-fixture.ts'
import {launchChromium} from './chromium.ts'

// A page on another localhost port (a dev server, a malicious tab) against the local lake, in
// real Chromium: the lake lets only the listed origin in, with its token, and nothing else.

let lake: LakeFixture
let browser: Browser
let allowed: {server: Server; origin: string}
let hostile: {server: Server; origin: string}

/** A server on localhost whose every page is blank: an origin to run scripts from. */
async function pageServer(): Promise<{server: Server; origin: string}> {
  const server = createServer((_request, response) => {
    response.writeHead(200, {'Content-Type': 'text/html; charset=utf-8'})
    response.end('<!doctype html><title>page</title>')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {server, origin: `http://localhost:${(server.address() as AddressInfo).port}`}
}

beforeAll(async () => {
  ;[allowed, hostile] = await Promise.all([pageServer(), pageServer()])
  ;[lake, browser] = await Promise.all([startLakeFixture({corsOrigins: [allowed.origin]}), launchChromium()])
}, 900_000)

afterAll(async () => {
  await browser?.close()
  await lake?.close()
  for (const page of [allowed, hostile]) await new Promise((resolve) => page?.server.close(resolve))
})

/** Runs `requests` in a page of `origin`; each request's outcome is its status and body, or the error. */
async function fromPage(origin: string, lakeUrl: string, token: string | undefined): Promise<Record<string, unknown>> {
  const page: Page = await browser.newPage()
  try {
    await page.goto(`${origin}/`)
    return await page.evaluate(
      async ({lakeUrl, token}) => {
        const attempt = async (url: string, init?: RequestInit) => {
          try {
            const response = await fetch(url, init)
            return {status: response.status, body: await response.text()}
          } catch (error) {
            return {error: (error as Error).name}
          }
        }
        const auth: Record<string, string> = token === undefined ? {} : {Authorization: `Bearer ${token}`}
        const mutation = JSON.stringify({mutations: [{patch: {id: 'clinic-berlin', set: {name: 'Written by a page'}}}]})
        return {
          drafts: await attempt(`${lakeUrl}/v2025-02-19/data/query/production?query=*[_id in path("drafts.**")]._id&perspective=raw`, {headers: auth}),
          published: await attempt(`${lakeUrl}/v2025-02-19/data/query/production?query=count(*)`),
          jsonWrite: await attempt(`${lakeUrl}/v2025-02-19/data/mutate/production`, {
            method: 'POST',
            headers: {'Content-Type': 'application/json', ...auth},
            body: mutation,
          }),
          // text/plain is sent without a preflight: it must still change nothing.
          plainWrite: await attempt(`${lakeUrl}/v2025-02-19/data/mutate/production`, {method: 'POST', body: mutation}),
        }
      },
      {lakeUrl, token},
    )
  } finally {
    await page.close()
  }
}

describe('the local lake and pages on other origins, in Chromium', () => {
  it('gives a page on an unlisted origin nothing: preflight refused, no data read, nothing written', async () => {
    const before = await lake.readText()
    // Even a page that somehow had the token gets nowhere.
    const outcome = await fromPage(hostile.origin, lake.lake.url.replace('127.0.0.1', 'localhost'), lake.lake.token)
    expect(outcome).toEqual({
      drafts: {error: 'TypeError'},
      published: {error: 'TypeError'},
      jsonWrite: {error: 'TypeError'},
      plainWrite: {error: 'TypeError'},
    })
    expect(await lake.readText()).toBe(before)
  }, 60_000)

  it('lets the listed origin read drafts and write with the token', async () => {
    const outcome = (await fromPage(allowed.origin, lake.lake.url.replace('127.0.0.1', 'localhost'), lake.lake.token)) as Record<
      string,
      {status: number; body: string}
    >
    expect(outcome.drafts!.status).toBe(200)
    expect(JSON.parse(outcome.drafts!.body).result).toEqual(['drafts.treatment-botox', 'drafts.treatment-peel'])
    expect(outcome.published!.status).toBe(200)
    expect(outcome.jsonWrite!.status).toBe(200)
    // A simple text/plain write (no preflight, so no Authorization header) is refused.
    expect(outcome.plainWrite!.status).toBe(401)
    expect(await lake.client.fetch('*[_id == "clinic-berlin"][0].name')).toBe('Written by a page')
  }, 60_000)

  it('answers the listed origin without the token with 401 for drafts and writes', async () => {
    const outcome = (await fromPage(allowed.origin, lake.lake.url.replace('127.0.0.1', 'localhost'), undefined)) as Record<
      string,
      {status: number}
    >
    expect(outcome.drafts!.status).toBe(401)
    expect(outcome.published!.status).toBe(200)
    expect(outcome.jsonWrite!.status).toBe(401)
  }, 60_000)
})
