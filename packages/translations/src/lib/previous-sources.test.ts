import type {SanityClient} from '@sanity/client'
import {sourceHash} from '@treatments/content/dataset'
import {describe, expect, it} from 'vitest'

import {stringItem} from '../test-support/documents.ts'
import {findPreviousSources, previousSourceKey} from './previous-sources.ts'

const stale = (state: Record<string, unknown>) => ({
  _id: 'contraindication-a',
  _type: 'contraindication',
  text: [stringItem('en', 'Pregnancy or breastfeeding'), stringItem('it', 'Gravidanza')],
  translations: [{_key: 'it', _type: 'translationState', language: 'it', status: 'translated', sourceHashes: [{_key: 'h1', _type: 'sourceHash', field: 'text', hash: sourceHash('Pregnancy')}], ...state}],
})

describe('findPreviousSources', () => {
  it('finds the old source in the copy kept with the translation state, without asking the history', async () => {
    let asked = 0
    const client = {config: () => ({dataset: 'production'}), request: async () => (asked++, {documents: []})} as unknown as SanityClient
    const document = stale({sourceTexts: [{_key: 's1', _type: 'sourceText', field: 'text', hash: sourceHash('Pregnancy'), text: 'Pregnancy'}]})
    const found = await findPreviousSources(client, [document], 'it')
    expect(found.get(previousSourceKey('contraindication-a', 'text'))).toEqual({text: 'Pregnancy', from: 'translation-state'})
    expect(asked).toBe(0)
  })

  it('asks the history at translatedAt, uses its text only when it has the recorded hash, and survives a history that is gone', async () => {
    const then = {_id: 'contraindication-a', _type: 'contraindication', text: [stringItem('en', 'Pregnancy')]}
    const wrong = {...then, text: [stringItem('en', 'Something else')]}
    const client = (answer: () => Promise<unknown>) => ({config: () => ({dataset: 'production'}), request: answer}) as unknown as SanityClient
    const document = stale({translatedAt: '2026-11-20T09:00:00Z'})
    const key = previousSourceKey('contraindication-a', 'text')
    expect((await findPreviousSources(client(async () => ({documents: [then]})), [document], 'it')).get(key)).toEqual({text: 'Pregnancy', from: 'history'})
    expect((await findPreviousSources(client(async () => ({documents: [wrong]})), [document], 'it')).has(key)).toBe(false)
    expect((await findPreviousSources(client(() => Promise.reject(new Error('501'))), [document], 'it')).has(key)).toBe(false)
  })
})
