import {expect, it} from 'vitest'

it('exports exactly the documented page API', async () => {
  expect(Object.keys(await import('../../page.ts')).sort()).toEqual(['renderTreatmentPage', 'textSource'])
})
