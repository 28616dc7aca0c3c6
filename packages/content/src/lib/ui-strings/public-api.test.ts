import {expect, it} from 'vitest'

it('exports exactly the documented ui-strings API', async () => {
  expect(Object.keys(await import('../../ui-strings.ts')).sort()).toEqual([
    'createUiStrings',
    'escapeHtml',
    'translationStateWord',
    'translationStates',
    'uiNamespace',
    'uiResources',
    'uiStringKeys',
  ])
})
