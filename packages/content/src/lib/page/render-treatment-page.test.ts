import {beforeAll, describe, expect, it} from 'vitest'
import type {TreatmentResult} from '../types.ts'
import {createTreatmentContent} from '../reader/create-treatment-content.ts'
import {readNdjson, type DatasetDocument} from '../../dataset.ts'
import {localDataset} from '../source/local-dataset.ts'
import {createUiStrings} from '../ui-strings/create-ui-strings.ts'
import {uiNamespace} from '../ui-strings/ui-resources.ts'
import {treatmentJsonLd} from '../structured-data/treatment-json-ld.ts'
import {renderTreatmentPage} from './render-treatment-page.ts'
import type {TreatmentPageSection} from './treatment-page-section.ts'
import {markReviewed} from '../../test-support/mark-reviewed.ts'

const seedPath = new URL('../../../../../content/dataset.ndjson', import.meta.url)
let seed: DatasetDocument[]

beforeAll(async () => {
  seed = await readNdjson(seedPath)
})

async function result(locale: string, documents: readonly DatasetDocument[] = seed): Promise<TreatmentResult> {
  return createTreatmentContent({source: localDataset(documents)}).getTreatment('mesotherapy-cellulite', {locale})
}

function section<I extends TreatmentPageSection['id']>(sections: TreatmentPageSection[], id: I): Extract<TreatmentPageSection, {id: I}> {
  const found = sections.find((candidate) => candidate.id === id)
  if (!found) throw new Error(`no section ${id}`)
  return found as Extract<TreatmentPageSection, {id: I}>
}

/** The seed (or `documents`) with one document changed. */
function edited(id: string, change: (document: Record<string, unknown>) => void, documents: readonly DatasetDocument[] = seed): DatasetDocument[] {
  return documents.map((document) => {
    if (document._id !== id) return document
    const copy = structuredClone(document)
    change(copy)
    return copy
  })
}

const urlFor = (locale: string) => `https://clinic.example/${locale}/treatments/mesotherapy-cellulite`

describe('renderTreatmentPage', () => {
  it('uses the UI strings it is given for the page and its JSON-LD, and refuses those of another locale', async () => {
    const italian = await result('it')
    const ui = createUiStrings('it')
    const calls: string[] = []
    const counting = {...ui, t: (...args: Parameters<typeof ui.t>) => (calls.push(args[0]), ui.t(...args))}
    const shared = renderTreatmentPage(italian, {urlFor, ui: counting})
    expect(shared).toEqual(renderTreatmentPage(italian, {urlFor}))
    expect(calls.length).toBeGreaterThan(0)
    expect(() => renderTreatmentPage(italian, {ui: createUiStrings('de')})).toThrow(
      '`renderTreatmentPage` got `ui` for "de" but the result is in "it"; pass `createUiStrings(result.locale)`',
    )
  })

  it('gives the same pages with the caller\'s UI strings as with its own, in every locale, fallbacks included', async () => {
    // A blank Italian title falls back to English: markers, notes and labels come from the strings too.
    const documents = edited('treatment-mesotherapy-cellulite', (document) => {
      document.title = (document.title as Array<{language: string; value: string}>).map((item) => (item.language === 'it' ? {...item, value: ' '} : item))
    })
    for (const locale of ['en', 'it', 'de', 'it-CH']) {
      const ui = createUiStrings(locale)
      for (const source of [seed, documents]) {
        const page = await result(locale, source)
        expect(renderTreatmentPage(page, {urlFor, ui})).toEqual(renderTreatmentPage(page, {urlFor}))
        expect(renderTreatmentPage(page, {urlFor, ui})).toEqual(renderTreatmentPage(page, {urlFor}))
      }
    }
  })

  it('asks the i18next instance of the caller\'s UI strings nothing on a second page: their answers are remembered', async () => {
    const italian = await result('it')
    const ui = createUiStrings('it')
    let calls = 0
    for (const name of ['t', 'exists'] as const) {
      const call = ui.i18n[name].bind(ui.i18n) as (...args: unknown[]) => unknown
      ;(ui.i18n as unknown as Record<string, unknown>)[name] = (...args: unknown[]) => (calls++, call(...args))
    }
    const first = renderTreatmentPage(italian, {urlFor, ui})
    const afterFirst = calls
    expect(afterFirst).toBeGreaterThan(0)
    expect(renderTreatmentPage(italian, {urlFor, ui})).toEqual(first)
    expect(calls).toBe(afterFirst)
    // Strings not made by createUiStrings (a copy) are asked every time, and give the same page.
    expect(renderTreatmentPage(italian, {urlFor, ui: {...ui}})).toEqual(first)
    expect(calls).toBeGreaterThan(afterFirst)
  })

  it('sees a change to the caller\'s UI strings made through i18next; their functions cannot be replaced', async () => {
    const italian = await result('it')
    const ui = createUiStrings('it')
    const heading = () => section(renderTreatmentPage(italian, {ui}).sections, 'side-effects').heading
    const label = () => section(renderTreatmentPage(italian, {ui}).sections, 'who-it-is-for')
    const areas = JSON.stringify(label())
    expect(heading()).toBe('Effetti collaterali')
    ui.i18n.addResource('it', uiNamespace, 'sideEffects', 'Effetti indesiderati')
    expect(heading()).toBe('Effetti indesiderati')
    ui.i18n.addResourceBundle('it', uiNamespace, {bodyArea: {thighs: 'Cosce!'}}, true, true)
    expect(JSON.stringify(label())).not.toBe(areas)
    expect(JSON.stringify(label())).toContain('Cosce!')
    ui.i18n.removeResourceBundle('it', uiNamespace)
    expect(heading()).toBe('Side effects')
    expect(() => {
      ;(ui as {t: unknown}).t = () => 'Reazioni'
    }).toThrow(TypeError)
  })

  it('orders the sections as trusted health sites do, with localized headings', async () => {
    const page = renderTreatmentPage(await result('it'))
    expect(page.sections.map((item) => [item.id, item.heading])).toEqual([
      ['overview', 'Panoramica'],
      ['who-it-is-for', 'A chi è indicato'],
      ['who-cannot-have-it', 'Chi non può sottoporsi a questo trattamento'],
      ['how-it-is-done', 'Come si svolge'],
      ['results', 'Risultati e tempi'],
      ['side-effects', 'Effetti collaterali'],
      ['when-to-get-help', 'Quando rivolgersi a un medico'],
      ['sources', 'Fonti'],
      ['review', 'Date di revisione'],
      ['disclaimer', 'Importante'],
    ])
    expect([page.locale, page.lang, page.title, page.titleHtml, page.messages]).toEqual(['it', 'it', 'Mesoterapia per la cellulite', 'Mesoterapia per la cellulite', []])
    expect(section(page.sections, 'disclaimer').html).toMatch(/^<section id="disclaimer" class="section section-disclaimer" aria-labelledby="disclaimer-heading"><h2 id="disclaimer-heading">Importante<\/h2><p>Solo un medico/)
  })

  it('lists every contraindication with its kind, in content order, without repeating the heading on each', async () => {
    const page = renderTreatmentPage(await result('it'))
    const {data, html} = section(page.sections, 'who-cannot-have-it')
    expect(data.contraindications.map((item) => [item.text.value, item.kindLabel])).toEqual([
      ['Gravidanza', 'Non possibile'],
      ['Allattamento', 'Non possibile'],
      ['Obesità', 'Non possibile'],
      ['Diabete', 'Non possibile'],
      ['Infezioni', 'Non possibile'],
      ['Insufficienza renale', 'Non possibile'],
      ['Insufficienza epatica', 'Non possibile'],
      ['Immunodepressione', 'Non possibile'],
      ['Alterazioni del ciclo mestruale (disturbi della coagulazione, ecc.)', 'Non possibile'],
      ['Minori di 18 anni', 'Non possibile'],
    ])
    expect(html.match(/<li class="item contraindication">/g)).toHaveLength(10)
    // The heading says they rule the treatment out: no “Non possibile” pill on every item.
    expect(html).toContain('<li class="item contraindication"><span class="item-title">Gravidanza</span></li>')
    expect(html).not.toContain('Non possibile')
  })

  it('lists relative contraindications under their own sub-heading, as needing a doctor’s assessment', async () => {
    const page = renderTreatmentPage(await result('en', edited('contraindication-diabetes', (document) => (document.kind = 'relative'))))
    const {data, html} = section(page.sections, 'who-cannot-have-it')
    expect(data.contraindications[3]).toMatchObject({kind: 'relative', kindLabel: 'Only after a doctor’s assessment'})
    expect(data.contraindications).toHaveLength(10)
    expect(html).toMatch(/<li class="item contraindication"><span class="item-title">Under 18 years of age<\/span><\/li><\/ul><h3>Only after a doctor’s assessment<\/h3><ul class="item-list"><li class="item contraindication"><span class="item-title">Diabetes<\/span><\/li><\/ul><\/section>$/)
    expect(html.match(/<li class="item contraindication">/g)).toHaveLength(10)
  })

  it('marks every field that fell back with its language and a compact marker, explained once per section', async () => {
    const answer = await result('de')
    const page = renderTreatmentPage(answer)
    const {data, html} = section(page.sections, 'who-cannot-have-it')
    expect(data.contraindications[2]!.text).toEqual({value: 'Obesity', path: 'contraindications[2].text', lang: 'en', status: 'fallback'})
    expect(data.contraindications[0]!.text).toEqual({value: 'Schwangerschaft', path: 'contraindications[0].text', lang: 'de', status: 'translated'})
    expect(html).toContain('<span lang="en" class="item-title">Obesity</span>\u00a0<span class="marker-untranslated"><span aria-hidden="true">EN</span><span class="visually-hidden"> (noch nicht übersetzt, angezeigt auf Englisch)</span></span></li>')
    // The marker's code is explained once, under the section heading, in the page's language.
    expect(html).toMatch(/^<section [^>]+><h2 [^>]+>Wer diese Behandlung nicht erhalten darf<\/h2><p class="note note-untranslated">Markiert mit EN: noch nicht übersetzt, angezeigt auf Englisch\.<\/p><ul/)
    // One marker per fallback field that the page shows (ingredient mechanisms are data only),
    // one explanation per section that has any.
    const allHtml = page.sections.map((item) => item.html).join('')
    const shown = answer.fallbacks.filter((fallback) => !fallback.path.endsWith('.mechanism'))
    expect(allHtml.match(/class="marker-untranslated"/g)).toHaveLength(shown.length)
    // Sources are titled in English too (they are not localized), outside the fallbacks.
    expect(allHtml.match(/ lang="en"/g)).toHaveLength(shown.length + 1)
    const sectionsWithFallbacks = page.sections.filter((item) => item.html.includes('marker-untranslated'))
    expect(allHtml.match(/class="note note-untranslated"/g)).toHaveLength(sectionsWithFallbacks.length)
    for (const item of sectionsWithFallbacks) expect(item.html.match(/class="note note-untranslated"/g), item.id).toHaveLength(1)
    expect(section(page.sections, 'overview').html).toContain('<p class="marker-line"><span class="marker-untranslated"><span aria-hidden="true">EN</span><span class="visually-hidden"> (noch nicht übersetzt, angezeigt auf Englisch)</span></span></p><div class="rich-text" lang="en"><h3 id="body-what-is-mesotherapy">What is mesotherapy?</h3>')
    expect(section(page.sections, 'how-it-is-done').html).toContain('<p><span lang="en">Specific drugs, minerals and vitamins')
  })

  it('marks a stale translation as being updated, not as not yet translated, with the English shown', async () => {
    const documents = edited('contraindication-pregnancy', (document) => {
      const items = document.text as Array<{language?: string; _key?: string; value?: string}>
      items.find((item) => (item.language ?? item._key) === 'en')!.value = 'Pregnancy, in any trimester'
    })
    const answer = await result('it', documents)
    expect(answer.fallbacks).toContainEqual({path: 'contraindications[0].text', requested: 'it', served: 'en', stale: true})
    const {data, html} = section(renderTreatmentPage(answer).sections, 'who-cannot-have-it')
    expect(data.contraindications[0]!.text).toEqual({value: 'Pregnancy, in any trimester', path: 'contraindications[0].text', lang: 'en', status: 'fallback', stale: true})
    expect(html).toContain(
      '<span lang="en" class="item-title">Pregnancy, in any trimester</span>\u00a0<span class="marker-untranslated"><span aria-hidden="true">EN*</span><span class="visually-hidden"> (traduzione in aggiornamento, mostrato in inglese)</span></span></li>',
    )
    expect(html).toMatch(/<h2 [^>]+>[^<]+<\/h2><p class="note note-untranslated">Contrassegnato EN\*: traduzione in aggiornamento, mostrato in inglese\.<\/p><ul/)
    expect(html).not.toContain('non ancora tradotto')
  })

  it('keeps an item whose text is missing in every locale, with a visible placeholder, and reports it', async () => {
    const documents = edited('contraindication-obesity', (document) => (document.text = []))
    const page = renderTreatmentPage(await result('it', documents))
    const {data, html} = section(page.sections, 'who-cannot-have-it')
    expect(data.contraindications).toHaveLength(10)
    expect(data.contraindications[2]!.text).toEqual({value: null, path: 'contraindications[2].text', lang: null, status: 'missing'})
    expect(html).toContain('<li class="item contraindication"><span class="item-title missing-text">Testo mancante</span></li>')
    expect(page.messages).toEqual([
      {ruleId: 'missing-text', reason: '`contraindications[2].text` has no text in any locale of it, en; a “Testo mancante” placeholder is shown', path: 'contraindications[2].text', source: '@treatments/content'},
    ])
  })

  it('says who it is for: condition, other names, body areas', async () => {
    const {data, html} = section(renderTreatmentPage(await result('en')).sections, 'who-it-is-for')
    expect(data.bodyAreas).toEqual([
      {id: 'thighs', label: 'Thighs'},
      {id: 'buttocks', label: 'Buttocks'},
      {id: 'hips', label: 'Hips'},
      {id: 'abdomen', label: 'Abdomen'},
    ])
    expect(html).toContain('<dl class="facts"><dt>Used for</dt><dd>Cellulite</dd><dt>Other names</dt><dd>Orange peel skin</dd><dt>Treated areas</dt><dd>Thighs, Buttocks, Hips, Abdomen</dd></dl>')
  })

  it('gives each protocol its own texts, remembered or not: other counts, -0, and counts past the packed key', async () => {
    const base = await result('en')
    const withProtocol = (protocol: Record<string, number>) => ({...base, treatment: {...base.treatment, protocol}}) as TreatmentResult
    const ui = createUiStrings('en')
    const expected = (min: number, max: number, low: number, high: number) => {
      const fresh = createUiStrings('en')
      const sessions = fresh.formatSessions(min, max)
      const interval = fresh.formatWeeksApart(low, high)
      return {sessions, interval, summary: fresh.t('protocolSummary', {sessions, interval})}
    }
    for (const counts of [[3, 4, 3, 4], [0, 4, 3, 4], [-0, 4, 3, 4], [4, 3, 3, 4], [3, 4, 4, 3], [1, 1000, 3, 4], [1, 1, 1, 1], [3, 4, 3, 4], [-0, 4, 3, 4]] as const) {
      const [sessionsMin, sessionsMax, intervalMinWeeks, intervalMaxWeeks] = counts
      const protocol = {sessionsMin, sessionsMax, intervalMinWeeks, intervalMaxWeeks}
      const wanted = {...protocol, ...expected(sessionsMin, sessionsMax, intervalMinWeeks, intervalMaxWeeks)}
      for (const options of [{}, {ui}]) {
        expect(section(renderTreatmentPage(withProtocol(protocol), options).sections, 'how-it-is-done').data.protocol, JSON.stringify(counts)).toEqual(wanted)
      }
    }
    expect(expected(-0, 4, 3, 4).sessions).not.toBe(expected(0, 4, 3, 4).sessions)
  })

  it('gives the protocol as localized text and ingredients with class labels and roles', async () => {
    const en = section(renderTreatmentPage(await result('en')).sections, 'how-it-is-done')
    const de = section(renderTreatmentPage(await result('de')).sections, 'how-it-is-done')
    // En dash joined to the numbers (U+2060) and a no-break space before the unit, in every locale.
    expect(en.data.protocol).toEqual({
      sessionsMin: 3,
      sessionsMax: 4,
      intervalMinWeeks: 3,
      intervalMaxWeeks: 4,
      sessions: '3–\u20604\u00a0sessions',
      interval: '3–\u20604\u00a0weeks apart',
      summary: '3–\u20604\u00a0sessions, 3–\u20604\u00a0weeks apart',
    })
    expect(de.data.protocol?.summary).toBe('3–\u20604\u00a0Sitzungen, im Abstand von 3–\u20604\u00a0Wochen')
    const it = section(renderTreatmentPage(await result('it')).sections, 'how-it-is-done')
    expect(it.data.protocol?.summary).toBe('3–\u20604\u00a0sedute, a distanza di 3–\u20604\u00a0settimane')
    expect(en.html).toContain('<h3>How many sessions</h3><p class="protocol">3–\u20604\u00a0sessions, 3–\u20604\u00a0weeks apart</p><h3>Active ingredients</h3>')
    expect(en.data.ingredients.map((item) => [item.name.value, item.classLabel, item.isClass])).toEqual([
      ['Phosphatidylcholine', 'Lipolytic (breaks down fat)', false],
      ['Lymphatic drainage substances', 'Lymphatic drainage', true],
      ['Phlebotonic substances', 'Phlebotonic (supports the veins)', true],
      ['Vitamins', 'Vitamin', true],
      ['Minerals', 'Mineral', true],
    ])
    expect(en.html).toContain(
      '<li class="item"><span class="item-title">Phosphatidylcholine</span> <span class="tag tag-class">Lipolytic (breaks down fat)</span><p class="item-detail">Lipolytic: acts directly on fat cells and makes fats soluble, so that the body can reabsorb them.</p></li>',
    )
  })

  it('presents statements not yet reviewed by a doctor as what the clinic says, never as facts or chips', async () => {
    const {data, html} = section(renderTreatmentPage(await result('en')).sections, 'results')
    expect(data.effects[0]).toMatchObject({onsetDays: 3, onset: 'Results visible from day\u00a03', claimStatus: 'needsReview', statusNote: 'This statement has not yet been reviewed by a doctor'})
    expect(data.effects).toHaveLength(4)
    expect(data.claims).toHaveLength(3)
    expect(html).toContain(
      '<h3>What the clinic says, pending medical review</h3><p class="note note-review">These statements come from the clinic. A doctor has not yet checked them, so they are not established facts.</p>' +
        '<ul class="item-list claim-list"><li class="item claim">Results are visible from the third day</li><li class="item claim">Localized fat is reduced</li>',
    )
    expect(html.match(/<li class="item claim">/g)).toHaveLength(7)
    // No bold item titles, no onset chip repeating the claim.
    expect(html).not.toMatch(/item-title|tag-onset|Results visible from day/)
  })

  it('shows reviewed effects with their onset, and clinic experience as such', async () => {
    const documents = edited('effect-results-from-day-3', (document) => (document.claimStatus = 'supported'))
    const reviewed = section(renderTreatmentPage(await result('it', documents)).sections, 'results')
    expect(reviewed.html).toContain('<ul class="item-list"><li class="item"><span class="item-title">I risultati sono visibili dal terzo giorno</span> <span class="tag tag-onset">Risultati visibili dal giorno\u00a03</span></li></ul>')
    expect(reviewed.html.match(/<li class="item claim">/g)).toHaveLength(6)
  })

  it('leaves out a claim a doctor rejected, says so in messages, and notes clinic experience', async () => {
    const documents = edited('treatment-mesotherapy-cellulite', (document) => {
      const claims = document.claims as Array<{claimStatus: string}>
      claims[0]!.claimStatus = 'rejected'
      claims[1]!.claimStatus = 'clinicExperience'
      claims[2]!.claimStatus = 'supported'
    })
    const page = renderTreatmentPage(await result('en', documents))
    const {data, html} = section(page.sections, 'results')
    expect(data.claims.map((claim) => [claim.key, claim.statusNote])).toEqual([
      ['comparison', 'Based on the clinic’s experience'],
      ['mechanism', null],
    ])
    expect(html).not.toContain('results persist')
    expect(html).toContain('<h3>What is said about the results</h3><ul class="item-list claim-list"><li class="item claim">According to the clinic, lymphatic drainage')
    expect(html).toContain('<h3>From the clinic’s experience</h3><ul class="item-list claim-list"><li class="item claim">Some doctors present phosphatidylcholine')
    expect(page.messages).toEqual([
      {ruleId: 'rejected-claim', reason: 'The claim at `claims[0]` was rejected in medical review; it is left out of the page', path: 'claims[0]', source: '@treatments/content'},
    ])
  })

  it('separates expected from serious side effects and gives when to get help for each', async () => {
    const documents = edited('side-effect-bruising', (document) => (document.severity = 'serious'))
    const page = renderTreatmentPage(await result('en', documents))
    const sideEffects = section(page.sections, 'side-effects')
    expect(sideEffects.data.expected.map((item) => item.text.value)).toEqual(['Itching', 'Swelling', 'Moderate pain', 'Inflammation'])
    expect(sideEffects.data.serious.map((item) => [item.text.value, item.severityLabel])).toEqual([['Bruising', 'Serious: see a doctor']])
    expect(sideEffects.html).toContain('<h3>Serious: see a doctor</h3><ul class="item-list"><li class="item side-effect severity-serious">Bruising</li></ul>')
    const help = section(page.sections, 'when-to-get-help')
    expect(help.data.items).toHaveLength(5)
    expect(help.html).toContain('<dt class="severity-serious">Bruising</dt><dd>Bruising just after treatment is normal')
  })

  it('treats an unknown severity as serious and reports it', async () => {
    const documents = edited('side-effect-itching', (document) => (document.severity = 'mild'))
    const page = renderTreatmentPage(await result('en', documents))
    expect(section(page.sections, 'side-effects').data.serious.map((item) => item.id)).toEqual(['side-effect-itching'])
    expect(page.messages.map((message) => [message.ruleId, message.path])).toEqual([['unknown-value', 'sideEffects[0].severity']])
  })

  it('says a page awaits medical review until it is marked reviewed', async () => {
    const {data, html} = section(renderTreatmentPage(await result('it')).sections, 'review')
    expect(data).toEqual({
      reviewed: false,
      awaitingReview: 'Questa pagina non è ancora stata verificata da un medico',
      changedSinceReview: {fields: [], text: null},
      reviewer: null,
      reviewedBy: null,
      lastReviewed: null,
      nextReviewDue: {date: '2027-01-31', text: 'Prossima revisione entro il 31 gennaio 2027'},
    })
    expect(html).toContain('<p>Questa pagina non è ancora stata verificata da un medico</p><p>Prossima revisione entro il 31 gennaio 2027</p>')
  })

  it('gives the reviewer and review dates in the page’s language once reviewed', async () => {
    const reviewedEnglish = markReviewed(seed, {reviewer: 'Dr. A. Rossi', lastReviewed: '2026-11-20', nextReviewDue: '2027-11-20'})
    // A review of the English says nothing about the Italian translation.
    expect(section(renderTreatmentPage(await result('it', reviewedEnglish)).sections, 'review').data).toMatchObject({reviewed: false, reviewer: null})
    expect(section(renderTreatmentPage(await result('en', reviewedEnglish)).sections, 'review').data).toMatchObject({reviewed: true, reviewer: 'Dr. A. Rossi'})
    const reviewed = markReviewed(seed, {reviewer: 'Dr. A. Rossi', lastReviewed: '2026-11-20', nextReviewDue: '2027-11-20', locales: ['it']})
    const {data, html} = section(renderTreatmentPage(await result('it', reviewed)).sections, 'review')
    expect(data).toEqual({
      reviewed: true,
      awaitingReview: null,
      changedSinceReview: {fields: [], text: null},
      reviewer: 'Dr. A. Rossi',
      reviewedBy: 'Verificato da Dr. A. Rossi',
      lastReviewed: {date: '2026-11-20', text: 'Ultima revisione: 20 novembre 2026'},
      nextReviewDue: {date: '2027-11-20', text: 'Prossima revisione entro il 20 novembre 2027'},
    })
    expect(html).toContain('<p>Ultima revisione: 20 novembre 2026</p><p>Prossima revisione entro il 20 novembre 2027</p><p>Verificato da Dr. A. Rossi</p>')
  })

  it('stops claiming a review on the English and Italian pages when one English contraindication changes, says which text, until the review is renewed', async () => {
    const review = {reviewer: 'Dr. A. Rossi', lastReviewed: '2026-11-20', nextReviewDue: '2027-11-20', locales: ['it']}
    const reviewed = markReviewed(seed, review)
    const contraindication = seed.find((document) => document._type === 'contraindication')!
    const editedDocuments = edited(
      contraindication._id,
      (document) => {
        const items = document.text as Array<{language: string; value: string}>
        document.text = items.map((item) => (item.language === 'en' ? {...item, value: `${item.value} (including breastfeeding)`} : item))
      },
      reviewed,
    )
    const changed = [{field: `contraindications[${contraindication._id}].text`, change: 'changed', review: 'medical'}]
    const en = await result('en', editedDocuments)
    expect(en.review).toEqual({status: 'changed-since-review', changedSinceReview: changed})
    const enPage = renderTreatmentPage(en)
    expect(enPage.banner).toMatchObject({reviewed: false, status: 'Changed since the doctor’s review: Who cannot have this treatment. This page is awaiting a new review.', changedSinceReview: changed})
    expect(section(enPage.sections, 'review').data).toMatchObject({reviewed: false, reviewer: null, reviewedBy: null, lastReviewed: null})
    const itPage = renderTreatmentPage(await result('it', editedDocuments))
    expect(itPage.banner.reviewed).toBe(false)
    expect(itPage.banner.status).toMatch(/^Modificato dopo la verifica del medico: /)
    expect(section(itPage.sections, 'review').html).not.toContain('Verificato da')
    // Renewing the reviews over the edited text restores the claim on both pages.
    const renewed = markReviewed(editedDocuments, review)
    expect((await result('en', renewed)).review).toEqual({status: 'reviewed', changedSinceReview: []})
    expect(renderTreatmentPage(await result('it', renewed)).banner).toMatchObject({reviewed: true, status: expect.stringMatching(/^Verificato da Dr\. A\. Rossi/)})
  })

  it('stops claiming a review when what the doctor vouched for beyond the safety texts changes: an effect, its onset or status, a claim’s status, a contraindication’s kind, a side effect’s severity, the protocol', async () => {
    const reviewed = markReviewed(seed, {reviewer: 'Dr. A. Rossi', lastReviewed: '2026-11-20', locales: ['it']})
    const treatment = reviewed.find((document) => document._type === 'treatment')!
    const effect = (treatment.effects as Array<{_ref: string}>)[0]!._ref
    const contraindication = (treatment.contraindications as Array<{_ref: string}>)[0]!._ref
    const sideEffect = (treatment.sideEffects as Array<{_ref: string}>)[0]!._ref
    const claim = (treatment.claims as Array<{_key: string}>)[0]!._key
    const english = (value: string) => (items: unknown) => (items as Array<{language: string; value: unknown}>).map((item) => (item.language === 'en' ? {...item, value} : item))
    const cases: Array<[string, string, (document: Record<string, unknown>) => void]> = [
      [effect, `effects[${effect}].text`, (document) => (document.text = english('Cures cellulite permanently')(document.text))],
      [effect, `effects[${effect}].claimStatus`, (document) => (document.claimStatus = document.claimStatus === 'supported' ? 'needsReview' : 'supported')],
      [effect, `effects[${effect}].onsetDays`, (document) => (document.onsetDays = 1)],
      [treatment._id, `claims[${claim}].claimStatus`, (document) => ((document.claims as Array<Record<string, unknown>>)[0]!.claimStatus = 'supported')],
      [contraindication, `contraindications[${contraindication}].kind`, (document) => (document.kind = document.kind === 'absolute' ? 'relative' : 'absolute')],
      [sideEffect, `sideEffects[${sideEffect}].severity`, (document) => (document.severity = document.severity === 'serious' ? 'expected' : 'serious')],
      [treatment._id, 'protocol', (document) => ((document.protocol as Record<string, unknown>).sessionsMax = 10)],
    ]
    for (const [id, field, change] of cases) {
      const documents = edited(id, change, reviewed)
      for (const locale of ['en', 'it']) {
        const check = (await result(locale, documents)).review
        expect(check, `${field} (${locale})`).toEqual({status: 'changed-since-review', changedSinceReview: [{field, change: 'changed', review: 'medical'}]})
      }
      expect((await result('en', markReviewed(documents, {reviewer: 'Dr. A. Rossi', lastReviewed: '2026-11-20'}))).review.status, field).toBe('reviewed')
    }
    // The banner names the section a patient finds the change in.
    expect(renderTreatmentPage(await result('en', edited(effect, cases[0]![2], reviewed))).banner.status).toBe(
      'Changed since the doctor’s review: Results and when to expect them. This page is awaiting a new review.',
    )
  })

  it('counts a safety text added, removed or translated anew since the review as changed, and a review that recorded no texts as covering none', async () => {
    const reviewed = markReviewed(seed, {reviewer: 'Dr. A. Rossi', lastReviewed: '2026-11-20', locales: ['it']})
    const treatment = reviewed.find((document) => document._type === 'treatment')!
    const [first, ...rest] = treatment.contraindications as Array<{_ref: string}>
    const removed = edited(treatment._id, (document) => (document.contraindications = rest), reviewed)
    expect((await result('en', removed)).review.changedSinceReview).toEqual([
      {field: `contraindications[${first!._ref}].text`, change: 'removed', review: 'medical'},
      {field: `contraindications[${first!._ref}].kind`, change: 'removed', review: 'medical'},
    ])
    const itEdited = edited(first!._ref, (document) => {
      const items = document.text as Array<{language: string; value: string}>
      document.text = items.map((item) => (item.language === 'it' ? {...item, value: `${item.value}!`} : item))
    }, reviewed)
    expect((await result('en', itEdited)).review.status).toBe('reviewed')
    expect((await result('it', itEdited)).review.changedSinceReview).toEqual([{field: `contraindications[${first!._ref}].text`, change: 'changed', review: 'translation'}])
    const unrecorded = edited(treatment._id, (document) => delete (document.medicalReview as Record<string, unknown>).coveredTexts, reviewed)
    const check = (await result('en', unrecorded)).review
    expect(check.status).toBe('changed-since-review')
    expect(check.changedSinceReview.every((change) => change.change === 'added')).toBe(true)
  })

  it('puts the review status and “only a doctor can advise” under the title, in the page’s language, agreeing with the review section', async () => {
    const it = renderTreatmentPage(await result('it'), {idPrefix: 'tp-'})
    expect(it.banner).toEqual({
      reviewed: false,
      status: 'Questa pagina non è ancora stata verificata da un medico',
      changedSinceReview: [],
      advice: 'Solo un medico può dirti se questo trattamento è adatto a te. Questa pagina non sostituisce una visita.',
      fullNotice: 'Leggi l’avviso completo',
      fullNoticeId: 'tp-disclaimer',
      html:
        '<div class="banner banner-unreviewed"><p class="banner-status">Questa pagina non è ancora stata verificata da un medico</p>' +
        '<p class="banner-advice">Solo un medico può dirti se questo trattamento è adatto a te. Questa pagina non sostituisce una visita. <a href="#tp-disclaimer">Leggi l’avviso completo</a></p></div>',
    })
    expect(it.sections.some((item) => item.id === 'disclaimer' && item.html.startsWith('<section id="tp-disclaimer"'))).toBe(true)
    // German content is partly English; the banner is UI text, always in German.
    expect(renderTreatmentPage(await result('de')).banner.status).toBe('Diese Seite wurde noch nicht ärztlich geprüft')
    const reviewed = markReviewed(seed, {reviewer: 'Dr. A. Rossi', lastReviewed: '2026-11-20', nextReviewDue: '2027-11-20'})
    const en = renderTreatmentPage(await result('en', reviewed))
    expect([en.banner.reviewed, en.banner.status]).toEqual([true, 'Reviewed by Dr. A. Rossi · Last reviewed November 20, 2026'])
    expect(en.banner.html).toMatch(/^<div class="banner banner-reviewed">/)
  })

  it('links a source with a URL, cites its version in the page’s language, or says which language it is in', async () => {
    const documents = edited('treatment-mesotherapy-cellulite', (document) => {
      ;(document.medicalReview as {sources: Array<{url?: string}>}).sources[0]!.url = 'https://clinic.example/articles/mesotherapy'
    })
    const it = section(renderTreatmentPage(await result('it', documents)).sections, 'sources')
    expect(it.data.sources).toEqual([{key: 'clinic', title: 'Cellulite: mesotherapy, what is it? (clinic article)', url: 'https://clinic.example/articles/mesotherapy', lang: 'en'}])
    expect(it.html).toContain('<li class="item"><a href="https://clinic.example/articles/mesotherapy"><span lang="en">Cellulite: mesotherapy, what is it? (clinic article)</span></a> <span class="source-language">(in inglese)</span></li>')
    const en = section(renderTreatmentPage(await result('en')).sections, 'sources')
    expect(en.html).toContain('<li class="item"><span>Cellulite: mesotherapy, what is it? (clinic article)</span></li>')
    // The same source in German: the German page cites that version, unmarked.
    const translated = edited('treatment-mesotherapy-cellulite', (document) => {
      ;(document.medicalReview as {sources: Array<Record<string, unknown>>}).sources[0]!.versions = [
        {_type: 'sourceVersion', _key: 'de', language: 'de', title: 'Cellulite: Was ist Mesotherapie? (Artikel der Klinik)', url: 'https://clinic.example/de/artikel/mesotherapie'},
        {_type: 'sourceVersion', _key: 'bad', language: 'it', title: 'Articolo', url: 'javascript:alert(1)'},
      ]
    }, documents)
    const de = section(renderTreatmentPage(await result('de', translated)).sections, 'sources')
    expect(de.data.sources).toEqual([{key: 'clinic', title: 'Cellulite: Was ist Mesotherapie? (Artikel der Klinik)', url: 'https://clinic.example/de/artikel/mesotherapie', lang: 'de'}])
    expect(de.html).toContain('<li class="item"><a href="https://clinic.example/de/artikel/mesotherapie"><span>Cellulite: Was ist Mesotherapie? (Artikel der Klinik)</span></a></li>')
    // A version with an unsafe URL is cited without a link.
    expect(section(renderTreatmentPage(await result('it', translated)).sections, 'sources').data.sources[0]).toEqual({key: 'clinic', title: 'Articolo', url: null, lang: 'it'})
  })

  it('adds hreflang alternates when given urlFor, none without; JSON-LD is treatmentJsonLd’s, from them', async () => {
    const answer = await result('it')
    const page = renderTreatmentPage(answer, {urlFor})
    expect(page.alternates.map((alternate) => alternate.hreflang)).toEqual(['en', 'it', 'de', 'x-default'])
    expect(treatmentJsonLd(answer, {url: urlFor('it'), alternates: page.alternates})).toMatchObject({'@type': 'MedicalWebPage', inLanguage: 'it', url: urlFor('it')})
    expect('jsonLd' in page).toBe(false)
    expect(renderTreatmentPage(answer).alternates).toEqual([])
  })

  it('prefixes every id with idPrefix', async () => {
    const page = renderTreatmentPage(await result('en'), {idPrefix: 'tp-'})
    const html = page.sections.map((item) => item.html).join('')
    const ids = [...html.matchAll(/ id="([^"]+)"/g)].map((match) => match[1]!)
    expect(ids.length).toBeGreaterThan(20)
    expect(ids.filter((id) => !id.startsWith('tp-'))).toEqual([])
    expect(html).toContain('<h3 id="tp-body-what-is-mesotherapy">')
  })

  it('escapes hostile text and drops unsafe links and markup', async () => {
    const hostile = '"><svg onload=alert(1)><img src=x onerror=alert(1)></script><script>alert(1)</script>'
    const treatment = edited('treatment-mesotherapy-cellulite', (document) => {
      const title = document.title as Array<{value: string}>
      title[0]!.value = hostile
      const body = document.body as Array<{language: string; value: unknown[]}>
      body[0]!.value = [
        {_type: 'block', _key: 'x1', style: 'normal', markDefs: [{_type: 'link', _key: 'js', href: 'javascript:alert(1)'}, {_type: 'link', _key: 'data', href: 'data:text/html,<script>alert(1)</script>'}], children: [
          {_type: 'span', _key: 's1', text: '<script>alert(1)</script>', marks: ['js']},
          {_type: 'span', _key: 's2', text: ' click ', marks: ['data']},
        ]},
      ]
      const sources = (document.medicalReview as {sources: Array<{url: string | null}>}).sources
      sources[0]!.url = 'javascript:alert(1)'
    })
    const documents = edited('contraindication-pregnancy', (document) => ((document.text as Array<{value: string}>)[0]!.value = hostile), treatment)
    const page = renderTreatmentPage(await result('en', documents), {urlFor})
    const html = [page.titleHtml, ...page.sections.map((item) => item.html)].join('\n')
    expect(html).not.toMatch(/<script|<svg|<img|javascript:|data:text/i)
    expect(page.titleHtml).toBe('">&#x3C;svg onload=alert(1)>&#x3C;img src=x onerror=alert(1)>&#x3C;/script>&#x3C;script>alert(1)&#x3C;/script>')
    expect(section(page.sections, 'who-cannot-have-it').html).toContain('<span class="item-title">">&#x3C;svg onload=alert(1)>&#x3C;img src=x')
    expect(section(page.sections, 'overview').html).toContain('<p>&#x3C;script>alert(1)&#x3C;/script> click </p>')
    expect(section(page.sections, 'sources').data.sources[0]!.url).toBeNull()
    expect(page.messages.map((message) => message.ruleId)).toEqual(['unsafe-link', 'unsafe-link'])
    expect(page.title).toBe(hostile)
  })

  it('writes a rich text given again as it wrote it, reporting its problems each time, with ids of the page’s prefix', async () => {
    const withProblem = edited('treatment-mesotherapy-cellulite', (document) => {
      const body = document.body as Array<{language: string; value: unknown[]}>
      body[0]!.value = [
        {_type: 'block', _key: 'h', style: 'h2', markDefs: [], children: [{_type: 'span', text: 'Heading'}]},
        {_type: 'block', _key: 'l1', style: 'normal', listItem: 'bullet', markDefs: [], children: [{_type: 'span', text: 'One'}]},
        {_type: 'callout', _key: 'c', children: [{_type: 'span', text: 'Ask your doctor'}]},
      ]
    })
    const english = await result('en', withProblem)
    // German falls back to the English body: the same value.
    const german = await createTreatmentContent({source: localDataset(withProblem)}).getTreatment('mesotherapy-cellulite', {locale: 'de'})
    const pages = [renderTreatmentPage(english), renderTreatmentPage(english), renderTreatmentPage(structuredClone(english)), renderTreatmentPage(german)]
    const overview = pages.map((page) => section(page.sections, 'overview').html)
    expect(overview[0]).toContain('<h3 id="body-heading">Heading</h3>\n<ul>\n<li>One</li>\n</ul>\n<p>Ask your doctor</p>')
    expect(overview[1]).toBe(overview[0])
    expect(overview[2]).toBe(overview[0])
    expect(overview[3]).toContain('<div class="rich-text" lang="en"><h3 id="body-heading">Heading</h3>\n<ul>\n<li>One</li>\n</ul>\n<p>Ask your doctor</p></div>')
    for (const page of pages) {
      expect(page.messages.filter((message) => message.path === 'body')).toEqual([expect.objectContaining({ruleId: 'unknown-block-type', blockKey: 'c'})])
    }
    expect(section(renderTreatmentPage(english, {idPrefix: 'x-'}).sections, 'overview').html).toContain('<h3 id="x-body-heading">Heading</h3>')
  })

  it('throws a TypeError naming the call on misuse', () => {
    expect(() => renderTreatmentPage({} as TreatmentResult)).toThrow(new TypeError('`renderTreatmentPage` expects the result of `getTreatment()` (`{locale, treatment, fallbacks, …}`), got an object'))
    expect(() => renderTreatmentPage(null as unknown as TreatmentResult)).toThrow(/^`renderTreatmentPage` expects the result of `getTreatment\(\)`.*got null$/)
  })

  it('throws a TypeError for malformed options', async () => {
    const answer = await result('en')
    expect(() => renderTreatmentPage(answer, {urlFor: 'x' as never})).toThrow(new TypeError('`renderTreatmentPage` expects `urlFor` to be a function `(locale) => url`, got the string "x"'))
    expect(() => renderTreatmentPage(answer, {idPrefix: 1 as never})).toThrow(new TypeError('`renderTreatmentPage` expects `idPrefix` to be a string, got number 1'))
    // Each alternate's URL is checked.
    expect(() => renderTreatmentPage(answer, {urlFor: () => ' '})).toThrow(new TypeError('`renderTreatmentPage`: `urlFor("en")` must return a non-empty URL string, got the string " "'))
  })
})
