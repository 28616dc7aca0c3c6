import {afterEach, beforeEach, describe, expect, it} from 'vitest'

import {type LakeFixture, startLakeFixture} from '../../test-support/lake-fixture.ts'

let fixture: LakeFixture
beforeEach(async () => {
  fixture = await startLakeFixture()
})
afterEach(async () => {
  await fixture.close()
})

// The Studio's document lists and reference search slice with parameters; groq-js needs slice
// bounds when it parses, so the lake parses such queries with their parameters.
describe('slices with parameter bounds', () => {
  it('answers [$start...$end] with the bounds given, for each parameter set', async () => {
    const query = '*[_type == "treatment"] | order(_id asc) [$start...$end]._id'
    expect(await fixture.client.fetch(query, {start: 0, end: 1})).toEqual(['treatment-botox'])
    expect(await fixture.client.fetch(query, {start: 1, end: 2})).toEqual(['treatment-fillers'])
    expect(await fixture.client.fetch(query, {start: 0, end: 2})).toEqual(['treatment-botox', 'treatment-fillers'])
  })

  it('refuses a slice whose bound parameter is missing, as a parse error', async () => {
    await expect(fixture.client.fetch('*[_type == "treatment"][0...$limit]', {})).rejects.toMatchObject({statusCode: 400})
  })
})
