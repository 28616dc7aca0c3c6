import {expect, it} from 'vitest'
// Imported statically, not inside the test: under `pnpm mutation` a module first loaded inside a
// test counts its top-level constants as covered by that test alone, so their mutants ran against
// it only, and survived.
import * as render from '../../render.ts'

it('exports exactly the documented render API', () => {
  expect(Object.keys(render).sort()).toEqual([
    'headingSlug',
    'portableTextToMdast',
    'safeLinkUrl',
    'toHtml',
    'toMarkdown',
    'toPlainText',
  ])
})
