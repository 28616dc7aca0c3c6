import {afterEach, beforeEach, describe, expect, it} from 'vitest'

import {type LakeFixture, startLakeFixture} from '../../test-support/lake-fixture.ts'

let fixture: LakeFixture
beforeEach(async () => {
  fixture = await startLakeFixture()
})
afterEach(async () => {
  await fixture.close()
})

const MUTATION = JSON.stringify({mutations: [{patch: {id: 'clinic-berlin', set: {name: 'Written by another site'}}}]})

async function post(endpoint: 'mutate' | 'query', body: string, contentType?: string) {
  const response = await fetch(`${fixture.lake.url}/v2025-02-19/data/${endpoint}/production`, {
    method: 'POST',
    // Without a content type, fetch labels a string body text/plain;charset=UTF-8 (like a form or a beacon).
    headers: {...fixture.auth, ...(contentType === undefined ? {} : {'Content-Type': contentType})},
    body,
  })
  return {status: response.status, body: await response.json()}
}

function unsupported(received: string) {
  return {
    status: 415,
    body: {
      error: {
        type: 'httpUnsupportedMediaType',
        description: `Request body must be sent with "Content-Type: application/json", got "${received}"`,
      },
    },
  }
}

describe('POST bodies must be declared as JSON', () => {
  it('refuses a text/plain mutation, as a cross-site form or fetch "simple request" sends it, with 415 and writes nothing', async () => {
    const bytes = await fixture.readText()
    expect(await post('mutate', MUTATION, 'text/plain')).toEqual(unsupported('text/plain'))
    expect(await post('mutate', MUTATION)).toEqual(unsupported('text/plain;charset=UTF-8'))
    expect(await post('mutate', MUTATION, 'application/x-www-form-urlencoded')).toEqual(unsupported('application/x-www-form-urlencoded'))
    expect(await post('mutate', MUTATION, 'application/json; charset=latin1')).toEqual(unsupported('application/json; charset=latin1'))
    expect(await fixture.readText()).toBe(bytes)
    expect(await fixture.client.fetch('*[_id == "clinic-berlin"][0].name')).toBe('Berlin Mitte')
  })

  it('refuses a POST query that is not declared as JSON with 415', async () => {
    expect(await post('query', '{"query":"count(*)"}', 'text/plain')).toEqual(unsupported('text/plain'))
  })

  it('accepts application/json with or without a UTF-8 charset, in any letter case', async () => {
    expect(await post('query', '{"query":"count(*)"}', 'application/json')).toMatchObject({status: 200, body: {result: 3}})
    expect(await post('query', '{"query":"count(*)"}', 'Application/JSON; Charset="utf-8"')).toMatchObject({status: 200, body: {result: 3}})
    expect(await post('mutate', MUTATION, 'application/json; charset=UTF-8')).toMatchObject({status: 200})
    expect(await fixture.client.fetch('*[_id == "clinic-berlin"][0].name')).toBe('Written by another site')
  })

  it('keeps working for @sanity/client, which sends application/json', async () => {
    await fixture.client.patch('clinic-berlin').set({name: 'Via client'}).commit()
    const longQuery = `*[_id == "clinic-berlin" || "${'x'.repeat(12_000)}" == "y"][0].name` // over 11 KB: sent as POST
    expect(await fixture.client.fetch(longQuery)).toBe('Via client')
  })
})
