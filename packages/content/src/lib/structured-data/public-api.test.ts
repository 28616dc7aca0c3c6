import {expect, it} from 'vitest'

it('exports exactly the documented structured-data API', async () => {
  expect(Object.keys(await import('../../structured-data.ts')).sort()).toEqual(['hreflangAlternates', 'serializeJsonLd', 'treatmentJsonLd'])
})
