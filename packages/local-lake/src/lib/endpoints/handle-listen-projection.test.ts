import {afterEach, beforeEach, describe, expect, it} from 'vitest'

import {type LakeFixture, startLakeFixture} from '../../test-support/lake-fixture.ts'

let fixture: LakeFixture
beforeEach(async () => {
  fixture = await startLakeFixture()
})
afterEach(async () => {
  await fixture.close()
})

describe('listen with a projection', () => {
  it('accepts a filter followed by a projection, and a pipe, as the Studio sends for releases', async () => {
    const query = '*[_type=="system.release" && _id in path("_.releases.*")] {_id, _type, state, ...select(length(error.message) > 0 => {error}, {})} | order(_createdAt desc)'
    const controller = new AbortController()
    const response = await fetch(`${fixture.lake.url}/v2025-02-19/data/listen/production?query=${encodeURIComponent(query)}`, {
      headers: fixture.auth,
      signal: controller.signal,
    })
    expect(response.status).toBe(200)
    const reader = response.body!.getReader()
    const {value} = await reader.read()
    expect(new TextDecoder().decode(value)).toContain('event: welcome')
    controller.abort()
  })

  it('still refuses a query that is not a filter', async () => {
    const response = await fetch(`${fixture.lake.url}/v2025-02-19/data/listen/production?query=${encodeURIComponent('*[0]{_id}')}`, {headers: fixture.auth})
    expect(response.status).toBe(400)
  })
})
