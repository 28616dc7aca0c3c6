import {describe, expect, it} from 'vitest'

import {canonicalJson, sourceHash} from '../dataset/source-hash.ts'
import {checkReview, isMedicallyReviewed} from './medical-review-status.ts'

// A treatment as the page query returns it (before localization): localized fields are
// `{i18n, source}`, the English text travelling in `source` when Italian is requested.
const field = (en: string, it?: string) => ({i18n: [{language: 'en', value: en}, ...(it === undefined ? [] : [{language: 'it', value: it}])]})
const covered = (texts: Record<string, string>) => Object.entries(texts).map(([name, value], index) => ({_key: `c${index}`, field: name, hash: sourceHash(value)}))

const english = {
  disclaimer: 'Ask your doctor.',
  'claims[k1].statement': 'Lasts months',
  'contraindications[c1].text': 'Pregnancy',
  'sideEffects[s1].text': 'Bruising',
  'sideEffects[s1].whenToSeekHelp': 'If it spreads',
}
const italian = {disclaimer: 'Chiedi al medico.', 'contraindications[c1].text': 'Gravidanza', 'sideEffects[s1].text': 'Lividi'}

function page(changes: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    _id: 't',
    disclaimer: field('Ask your doctor.', 'Chiedi al medico.'),
    claims: [{_key: 'k1', statement: field('Lasts months')}, {statement: field('No key: not a reviewed text')}, null],
    contraindications: [null, {_id: 'c1', text: field('Pregnancy', 'Gravidanza')}, {text: field('No id')}],
    sideEffects: [null, {_id: 's1', text: field('Bruising', 'Lividi'), whenToSeekHelp: field('If it spreads')}, {text: field('No id')}],
    medicalReview: {status: 'reviewed', coveredTexts: covered(english)},
    translations: [
      null,
      {language: 'de', status: 'translated'},
      {language: 'it', status: 'reviewed', coveredTexts: covered(italian)},
    ],
    ...changes,
  }
}

describe('checkReview', () => {
  it('is reviewed when every safety text is as the doctor (and for a translation, the translator) read it', async () => {
    expect(await checkReview(page(), 'en')).toEqual({status: 'reviewed', changedSinceReview: []})
    expect(await checkReview(page(), 'it')).toEqual({status: 'reviewed', changedSinceReview: []})
  })

  it('reads only the medical review for English, whatever translation states say', async () => {
    const stray = page({translations: [{language: 'en', status: 'draft', coveredTexts: []}]})
    expect(await checkReview(stray, 'en')).toEqual({status: 'reviewed', changedSinceReview: []})
  })

  it('is pending without a medical review, or without a reviewed translation for the locale', async () => {
    const pending = {status: 'pending', changedSinceReview: []}
    expect(await checkReview(page({medicalReview: undefined}), 'en')).toEqual(pending)
    expect(await checkReview(page({medicalReview: {status: 'pending', coveredTexts: covered(english)}}), 'en')).toEqual(pending)
    expect(await checkReview(page({medicalReview: 'reviewed'}), 'en')).toEqual(pending)
    expect(await checkReview(page(), 'de')).toEqual(pending)
    expect(await checkReview(page({translations: undefined}), 'it')).toEqual(pending)
    expect(await checkReview(page({translations: [{language: 'it', status: 'translated', coveredTexts: covered(italian)}]}), 'it')).toEqual(pending)
    expect(await checkReview(null, 'en')).toEqual(pending)
  })

  it('names the English safety text edited since the medical review, in every locale', async () => {
    const edited = page({contraindications: [{_id: 'c1', text: field('Pregnancy or breastfeeding', 'Gravidanza')}]})
    const change = {field: 'contraindications[c1].text', change: 'changed', review: 'medical'}
    expect(await checkReview(edited, 'en')).toEqual({status: 'changed-since-review', changedSinceReview: [change]})
    expect(await checkReview(edited, 'it')).toEqual({status: 'changed-since-review', changedSinceReview: [change]})
  })

  it('reads the English text from the items only: a safety text’s `source` (its recorded hash) is no text', async () => {
    const withoutEnglish = page({disclaimer: {i18n: [{language: 'it', value: 'Chiedi al medico.'}], source: {hash: 'x', value: 'Ask your doctor.'}}})
    expect((await checkReview(withoutEnglish, 'it')).changedSinceReview).toEqual([{field: 'disclaimer', change: 'removed', review: 'medical'}])
  })

  it('covers the medical facts beside the texts in the medical review only, whatever shape an object arrives in', async () => {
    const facts = {
      protocol: {sessionsMin: 3, sessionsMax: 4, intervalMinWeeks: 3, intervalMaxWeeks: 4},
      claims: [{_key: 'k1', claimStatus: 'needsReview', statement: field('Lasts months')}],
      contraindications: [{_id: 'c1', kind: 'absolute', text: field('Pregnancy', 'Gravidanza')}],
      sideEffects: [{_id: 's1', severity: 'expected', text: field('Bruising', 'Lividi'), whenToSeekHelp: field('If it spreads')}],
      effects: [{_id: 'e1', claimStatus: 'needsReview', onsetDays: 3, text: field('Results from day 3')}],
    }
    // What "Mark medically reviewed" records from the stored documents (`recordCoveredTexts`): a
    // text's hash, and a fact's as `medicalFact` holds it (canonical JSON: key order does not count).
    const texts = {...english, 'effects[e1].text': 'Results from day 3'}
    const factValues = {
      protocol: {intervalMaxWeeks: 4, intervalMinWeeks: 3, sessionsMax: 4, sessionsMin: 3},
      'claims[k1].claimStatus': 'needsReview',
      'contraindications[c1].kind': 'absolute',
      'sideEffects[s1].severity': 'expected',
      'effects[e1].claimStatus': 'needsReview',
      'effects[e1].onsetDays': 3,
    }
    const recorded = [
      ...Object.entries(texts).map(([name, value]) => ({field: name, hash: sourceHash(value)})),
      ...Object.entries(factValues).map(([name, value]) => ({field: name, hash: sourceHash(canonicalJson(value))})),
    ]
    const reviewed = page({...facts, medicalReview: {status: 'reviewed', coveredTexts: recorded}})
    expect(await checkReview(reviewed, 'en')).toEqual({status: 'reviewed', changedSinceReview: []})
    expect(await checkReview(reviewed, 'it')).toEqual({status: 'reviewed', changedSinceReview: []})
    const serious = page({...facts, sideEffects: [{...facts.sideEffects[0], severity: 'serious'}], medicalReview: {status: 'reviewed', coveredTexts: recorded}})
    expect((await checkReview(serious, 'it')).changedSinceReview).toEqual([{field: 'sideEffects[s1].severity', change: 'changed', review: 'medical'}])
    const noOnset = page({...facts, effects: [{...facts.effects[0], onsetDays: null}], medicalReview: {status: 'reviewed', coveredTexts: recorded}})
    expect((await checkReview(noOnset, 'en')).changedSinceReview).toEqual([{field: 'effects[e1].onsetDays', change: 'removed', review: 'medical'}])
  })

  it('names a translation edited, added or removed since the translation review', async () => {
    const edited = page({
      disclaimer: field('Ask your doctor.', 'Chiedi al tuo medico.'),
      sideEffects: [{_id: 's1', text: field('Bruising', ''), whenToSeekHelp: field('If it spreads', 'Se si estende')}],
    })
    expect(await checkReview(edited, 'it')).toEqual({
      status: 'changed-since-review',
      changedSinceReview: [
        {field: 'disclaimer', change: 'changed', review: 'translation'},
        {field: 'sideEffects[s1].whenToSeekHelp', change: 'added', review: 'translation'},
        {field: 'sideEffects[s1].text', change: 'removed', review: 'translation'},
      ],
    })
  })

  it('counts every text as new when a review recorded nothing it covered, or nothing readable, and one without a readable hash as not covered', async () => {
    for (const coveredTexts of [undefined, 'all', [{hash: 'h'}, {field: 5, hash: 'h'}, null]]) {
      const result = await checkReview(page({medicalReview: {status: 'reviewed', coveredTexts}}), 'en')
      expect(result.status).toBe('changed-since-review')
      expect(result.changedSinceReview.map((change) => `${change.change} ${change.field}`)).toEqual(Object.keys(english).map((name) => `added ${name}`))
    }
    for (const [entry, change] of [[{field: 'disclaimer'}, 'added'], [{field: 'disclaimer', hash: 5}, 'changed']] as const) {
      const result = await checkReview(page({medicalReview: {status: 'reviewed', coveredTexts: [...covered(english).slice(1), entry]}}), 'en')
      expect(result).toEqual({status: 'changed-since-review', changedSinceReview: [{field: 'disclaimer', change, review: 'medical'}]})
    }
  })

  it('reads a page with no safety text but the disclaimer', async () => {
    const bare = {disclaimer: field('Ask your doctor.'), medicalReview: {status: 'reviewed', coveredTexts: covered({disclaimer: 'Ask your doctor.'})}}
    expect(await checkReview(bare, 'en')).toEqual({status: 'reviewed', changedSinceReview: []})
    expect(await checkReview({...bare, disclaimer: null}, 'en')).toEqual({status: 'changed-since-review', changedSinceReview: [{field: 'disclaimer', change: 'removed', review: 'medical'}]})
    // Not a localized field (the response checks let none through): never the text reviewed.
    expect((await checkReview({...bare, disclaimer: 'Ask your doctor.'}, 'en')).status).toBe('changed-since-review')
  })
})

describe('isMedicallyReviewed', () => {
  it('is true only for a result whose review check says reviewed', () => {
    expect(isMedicallyReviewed({review: {status: 'reviewed', changedSinceReview: []}})).toBe(true)
    expect(isMedicallyReviewed({review: {status: 'changed-since-review', changedSinceReview: []}})).toBe(false)
    expect(isMedicallyReviewed({review: {status: 'pending', changedSinceReview: []}})).toBe(false)
    expect(isMedicallyReviewed({})).toBe(false)
  })
})
