import {expect, it} from 'vitest'

it('exports exactly the documented render API', async () => {
  expect(Object.keys(await import('../../render.ts')).sort()).toEqual([
    'headingSlug',
    'portableTextToMdast',
    'safeLinkUrl',
    'toHtml',
    'toMarkdown',
    'toPlainText',
  ])
})
