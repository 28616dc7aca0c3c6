import {describe, expect, it} from 'vitest'

import {changedSinceReview, coveredTexts, recordCoveredTexts, treatmentSafetyTexts} from './review-coverage.ts'
import {canonicalJson, sourceHash} from '../dataset/source-hash.ts'

const text = (en: string, it?: unknown) => [{_key: 'en', language: 'en', value: en}, ...(it === undefined ? [] : [{_key: 'it', language: 'it', value: it}])]
const documents: Record<string, Record<string, unknown>> = {
  c1: {_id: 'c1', _type: 'contraindication', kind: 'absolute', text: text('Pregnancy', 'Gravidanza')},
  s1: {_id: 's1', _type: 'sideEffect', severity: 'expected', text: text('Bruising', 'Lividi'), whenToSeekHelp: text('If it spreads')},
  e1: {_id: 'e1', _type: 'effect', claimStatus: 'needsReview', onsetDays: 3, text: text('Results from day 3')},
}
const resolve = (id: string) => documents[id]
const treatment = {
  _id: 't',
  _type: 'treatment',
  disclaimer: text('Ask your doctor.', 'Chiedi al medico.'),
  protocol: {_type: 'protocol', intervalMaxWeeks: 4, intervalMinWeeks: 3, sessionsMax: 4, sessionsMin: 3},
  claims: [{_key: 'k1', claimStatus: 'needsReview', statement: text('Lasts months')}, {statement: text('No key')}, 'not a claim'],
  contraindications: [{_key: 'a', _ref: 'c1'}, {_key: 'b'}, null, {_key: 'e', _ref: 5}, {_key: 'c', _ref: 'gone'}],
  sideEffects: [{_key: 'd', _ref: 's1'}],
  effects: [{_key: 'f', _ref: 'e1'}],
}
const fact = (value: unknown) => [{language: 'en', value: canonicalJson(value)}]

describe('treatmentSafetyTexts', () => {
  it('lists the disclaimer, the protocol, keyed claims and every text and medical fact of each referenced contraindication, side effect and effect', () => {
    expect(treatmentSafetyTexts(treatment, resolve)).toEqual([
      {field: 'disclaimer', items: treatment.disclaimer},
      {field: 'protocol', items: fact({sessionsMin: 3, sessionsMax: 4, intervalMinWeeks: 3, intervalMaxWeeks: 4})},
      {field: 'claims[k1].statement', items: text('Lasts months')},
      {field: 'claims[k1].claimStatus', items: fact('needsReview')},
      {field: 'contraindications[c1].text', items: documents.c1!.text},
      {field: 'contraindications[c1].kind', items: fact('absolute')},
      {field: 'contraindications[gone].text', items: []},
      {field: 'contraindications[gone].kind', items: []},
      {field: 'sideEffects[s1].text', items: documents.s1!.text},
      {field: 'sideEffects[s1].whenToSeekHelp', items: documents.s1!.whenToSeekHelp},
      {field: 'sideEffects[s1].severity', items: fact('expected')},
      {field: 'effects[e1].text', items: documents.e1!.text},
      {field: 'effects[e1].claimStatus', items: fact('needsReview')},
      {field: 'effects[e1].onsetDays', items: fact(3)},
    ])
  })

  it('has only the disclaimer and protocol, without items, for a treatment with none of them', () => {
    expect(treatmentSafetyTexts({_id: 't', claims: 'x', disclaimer: 'not items', protocol: 'x'}, resolve)).toEqual([
      {field: 'disclaimer', items: []},
      {field: 'protocol', items: []},
    ])
  })

  it('covers a medical fact in the base locale only: a translation review never vouches for it', () => {
    const texts = treatmentSafetyTexts(treatment, resolve)
    expect(coveredTexts(texts, 'en').map((entry) => entry.field)).toContain('contraindications[c1].kind')
    expect(coveredTexts(texts, 'it').map((entry) => entry.field)).toEqual(['disclaimer', 'contraindications[c1].text', 'sideEffects[s1].text'])
    // A stored protocol reads as the page query projects it: its four numbers, null where one is missing.
    expect(treatmentSafetyTexts({protocol: {_type: 'protocol', sessionsMin: 3, sessionsMax: 4, intervalMaxWeeks: 4}}, resolve)[1]).toEqual({
      field: 'protocol',
      items: fact({sessionsMin: 3, sessionsMax: 4, intervalMinWeeks: null, intervalMaxWeeks: 4}),
    })
  })
})

describe('coveredTexts', () => {
  it('hashes each text that has visible text in the locale, skipping the rest', () => {
    const texts = [
      {field: 'disclaimer', items: text('Ask your doctor.', 'Chiedi al medico.')},
      {field: 'claims[k].statement', items: text('Lasts', '\u200B')},
      {field: 'contraindications[c].text', items: ['Gravidanza', {language: 'it'}, {language: 'it', value: 'Gravidanza'}]},
    ]
    expect(coveredTexts(texts, 'it')).toEqual([
      {field: 'disclaimer', hash: sourceHash('Chiedi al medico.')},
      {field: 'contraindications[c].text', hash: sourceHash('Gravidanza')},
    ])
    expect(coveredTexts(texts, 'en').map((entry) => entry.field)).toEqual(['disclaimer', 'claims[k].statement'])
  })
})

describe('changedSinceReview', () => {
  const now = [
    {field: 'disclaimer', hash: 'h1'},
    {field: 'contraindications[c1].text', hash: 'h2'},
    {field: 'sideEffects[s1].text', hash: 'h3'},
  ]

  it('finds nothing when every text is as reviewed, in any order', () => {
    expect(changedSinceReview([...now].reverse(), now)).toEqual([])
  })

  it('names texts edited, added and removed since the review', () => {
    const recorded = [
      {field: 'disclaimer', hash: 'h1'},
      {field: 'contraindications[c1].text', hash: 'old'},
      {field: 'contraindications[c9].text', hash: 'h9'},
    ]
    expect(changedSinceReview(recorded, now)).toEqual([
      {field: 'contraindications[c1].text', change: 'changed'},
      {field: 'sideEffects[s1].text', change: 'added'},
      {field: 'contraindications[c9].text', change: 'removed'},
    ])
  })

  it('counts every text as added when the review recorded none', () => {
    const added = now.map((entry) => ({field: entry.field, change: 'added'}))
    expect(changedSinceReview(undefined, now)).toEqual(added)
    expect(changedSinceReview(null, now)).toEqual(added)
    expect(changedSinceReview([], now)).toEqual(added)
  })
})

describe('recordCoveredTexts', () => {
  it('keys the locale’s covered texts for a Sanity array', () => {
    expect(recordCoveredTexts(treatment, resolve, 'it')).toEqual([
      {_key: 'c1', _type: 'coveredText', field: 'disclaimer', hash: sourceHash('Chiedi al medico.')},
      {_key: 'c2', _type: 'coveredText', field: 'contraindications[c1].text', hash: sourceHash('Gravidanza')},
      {_key: 'c3', _type: 'coveredText', field: 'sideEffects[s1].text', hash: sourceHash('Lividi')},
    ])
  })
})
