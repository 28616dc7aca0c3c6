import {describe, expect, it} from 'vitest'

import {ApiError} from '../api-error.ts'
import {applyPerspective} from './apply-perspective.ts'
import {resolvePerspective} from './perspective.ts'

const documents = [
  {_id: 'a', _type: 't', v: 'a published'},
  {_id: 'drafts.a', _type: 't', v: 'a draft'},
  {_id: 'drafts.b', _type: 't', v: 'b draft only'},
  {_id: 'c', _type: 't', v: 'c published'},
  {_id: 'versions.r1.c', _type: 't', v: 'c in release'},
]

describe('applyPerspective', () => {
  it('raw returns every document as stored', () => {
    expect(applyPerspective(documents, 'raw')).toBe(documents)
  })

  it('published drops drafts and release versions', () => {
    expect(applyPerspective(documents, 'published').map((document) => document._id)).toEqual(['a', 'c'])
  })

  it('drafts overlays drafts on published documents under the published id, keeping _originalId', () => {
    expect(applyPerspective(documents, 'drafts')).toEqual([
      {_id: 'a', _type: 't', v: 'a draft', _originalId: 'drafts.a'},
      {_id: 'b', _type: 't', v: 'b draft only', _originalId: 'drafts.b'},
      {_id: 'c', _type: 't', v: 'c published', _originalId: 'c'},
    ])
  })
})

describe('resolvePerspective', () => {
  it('defaults to published from API version 2025-02-19 (and vX), raw before', () => {
    expect(resolvePerspective(null, '2025-02-19')).toBe('published')
    expect(resolvePerspective(null, 'X')).toBe('published')
    expect(resolvePerspective(null, '2025-02-18')).toBe('raw')
    expect(resolvePerspective(null, '1')).toBe('raw')
  })

  it('accepts previewDrafts as the old name of drafts and rejects unknown perspectives with 400', () => {
    expect(resolvePerspective('previewDrafts', 'X')).toBe('drafts')
    const error = (() => {
      try {
        resolvePerspective('bogus', 'X')
      } catch (caught) {
        return caught
      }
    })()
    expect(error).toBeInstanceOf(ApiError)
    expect(error).toMatchObject({statusCode: 400})
    expect((error as Error).message).toContain('Unknown perspective "bogus"')
  })
})
