import {beforeAll, describe, expect, it} from 'vitest'
import {createTreatmentContent, type TreatmentResult} from '../create-treatment-content.ts'
import {readNdjson, type DatasetDocument} from '../../dataset.ts'
import {localDataset} from '../local-dataset.ts'
import {createUiStrings} from '../ui-strings/create-ui-strings.ts'
import {renderTreatmentPage} from './render-treatment-page.ts'
import type {TreatmentPageSection} from './treatment-page-section.ts'

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

  it('lists every contraindication with its kind, in content order', async () => {
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
    expect(html).toContain('<li class="item contraindication"><span class="item-title">Gravidanza</span> <span class="tag tag-absolute">Non possibile</span></li>')
  })

  it('labels a relative contraindication as needing a doctor’s assessment', async () => {
    const page = renderTreatmentPage(await result('en', edited('contraindication-diabetes', (document) => (document.kind = 'relative'))))
    const {data, html} = section(page.sections, 'who-cannot-have-it')
    expect(data.contraindications[3]).toMatchObject({kind: 'relative', kindLabel: 'Only after a doctor’s assessment'})
    expect(html).toContain('<span class="item-title">Diabetes</span> <span class="tag tag-relative">Only after a doctor’s assessment</span>')
  })

  it('marks every field that fell back with its language and a visible localized note', async () => {
    const answer = await result('de')
    const page = renderTreatmentPage(answer)
    const {data, html} = section(page.sections, 'who-cannot-have-it')
    expect(data.contraindications[2]!.text).toEqual({value: 'Obesity', path: 'contraindications[2].text', lang: 'en', status: 'fallback'})
    expect(data.contraindications[0]!.text).toEqual({value: 'Schwangerschaft', path: 'contraindications[0].text', lang: 'de', status: 'translated'})
    expect(html).toContain('<span lang="en" class="item-title">Obesity</span> <span class="note note-untranslated">Noch nicht übersetzt: angezeigt auf Englisch</span>')
    // One note per fallback field that the page shows (ingredient mechanisms are data only).
    const allHtml = page.sections.map((item) => item.html).join('')
    const shown = answer.fallbacks.filter((fallback) => !fallback.path.endsWith('.mechanism'))
    expect(allHtml.match(/class="note note-untranslated"/g)).toHaveLength(shown.length)
    expect(allHtml.match(/ lang="en"/g)).toHaveLength(shown.length)
    expect(section(page.sections, 'overview').html).toContain('</div><p class="note note-untranslated">Noch nicht übersetzt: angezeigt auf Englisch</p></section>')
    expect(section(page.sections, 'overview').html).toContain('<div class="rich-text" lang="en"><h3 id="body-what-is-mesotherapy">What is mesotherapy?</h3>')
  })

  it('keeps an item whose text is missing in every locale, with a visible placeholder, and reports it', async () => {
    const documents = edited('contraindication-obesity', (document) => (document.text = []))
    const page = renderTreatmentPage(await result('it', documents))
    const {data, html} = section(page.sections, 'who-cannot-have-it')
    expect(data.contraindications).toHaveLength(10)
    expect(data.contraindications[2]!.text).toEqual({value: null, path: 'contraindications[2].text', lang: null, status: 'missing'})
    expect(html).toContain('<li class="item contraindication"><span class="item-title missing-text">Testo mancante</span> <span class="tag tag-absolute">Non possibile</span></li>')
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

  it('gives the protocol as localized text and ingredients with class labels and roles', async () => {
    const en = section(renderTreatmentPage(await result('en')).sections, 'how-it-is-done')
    const de = section(renderTreatmentPage(await result('de')).sections, 'how-it-is-done')
    expect(en.data.protocol).toEqual({sessionsMin: 3, sessionsMax: 4, intervalMinWeeks: 3, intervalMaxWeeks: 4, sessions: '3–4 sessions', interval: '3–4 weeks apart', summary: '3–4 sessions, 3–4 weeks apart'})
    expect(de.data.protocol?.summary).toBe('3–4 Sitzungen, im Abstand von 3–4 Wochen')
    expect(en.html).toContain('<h3>How many sessions</h3><p class="protocol">3–4 sessions, 3–4 weeks apart</p><h3>Active ingredients</h3>')
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

  it('gives effects their onset and a visible note on every statement not yet reviewed by a doctor', async () => {
    const {data, html} = section(renderTreatmentPage(await result('en')).sections, 'results')
    expect(data.effects[0]).toMatchObject({onsetDays: 3, onset: 'Results visible from day 3', claimStatus: 'needsReview', statusNote: 'This statement has not yet been reviewed by a doctor'})
    expect(html).toContain(
      '<li class="item"><span class="item-title">Results are visible from the third day</span> <span class="tag tag-onset">Results visible from day 3</span><p class="note note-review">This statement has not yet been reviewed by a doctor</p></li>',
    )
    expect(data.effects).toHaveLength(4)
    expect(data.claims).toHaveLength(3)
    expect(html.match(/<p class="note note-review">This statement has not yet been reviewed by a doctor<\/p>/g)).toHaveLength(7)
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
    expect(html).toContain('<p class="note note-clinic">Based on the clinic’s experience</p>')
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
      reviewer: null,
      reviewedBy: null,
      lastReviewed: null,
      nextReviewDue: {date: '2027-01-31', text: 'Prossima revisione entro il 31 gennaio 2027'},
    })
    expect(html).toContain('<p>Questa pagina non è ancora stata verificata da un medico</p><p>Prossima revisione entro il 31 gennaio 2027</p>')
  })

  it('gives the reviewer and review dates in the page’s language once reviewed', async () => {
    const reviewedEnglish = seed.map((document) =>
      document._type === 'treatment'
        ? {...document, medicalReview: {_type: 'medicalReview', status: 'reviewed', reviewer: 'Dr. A. Rossi', lastReviewed: '2026-11-20', nextReviewDue: '2027-11-20'}}
        : document,
    )
    // A review of the English says nothing about the Italian translation.
    expect(section(renderTreatmentPage(await result('it', reviewedEnglish)).sections, 'review').data).toMatchObject({reviewed: false, reviewer: null})
    expect(section(renderTreatmentPage(await result('en', reviewedEnglish)).sections, 'review').data).toMatchObject({reviewed: true, reviewer: 'Dr. A. Rossi'})
    const reviewed = reviewedEnglish.map((document) =>
      document._type === 'treatment'
        ? {...document, translations: (document.translations as Array<{language: string}>).map((state) => (state.language === 'it' ? {...state, status: 'reviewed'} : state))}
        : document,
    )
    const {data, html} = section(renderTreatmentPage(await result('it', reviewed)).sections, 'review')
    expect(data).toEqual({
      reviewed: true,
      awaitingReview: null,
      reviewer: 'Dr. A. Rossi',
      reviewedBy: 'Verificato da Dr. A. Rossi',
      lastReviewed: {date: '2026-11-20', text: 'Ultima revisione: 20 novembre 2026'},
      nextReviewDue: {date: '2027-11-20', text: 'Prossima revisione entro il 20 novembre 2027'},
    })
    expect(html).toContain('<p>Ultima revisione: 20 novembre 2026</p><p>Prossima revisione entro il 20 novembre 2027</p><p>Verificato da Dr. A. Rossi</p>')
  })

  it('adds JSON-LD and hreflang alternates when given urlFor, and neither without', async () => {
    const answer = await result('it')
    const page = renderTreatmentPage(answer, {urlFor})
    expect(page.alternates.map((alternate) => alternate.hreflang)).toEqual(['en', 'it', 'de', 'x-default'])
    expect(page.jsonLd).toMatchObject({'@type': 'MedicalWebPage', inLanguage: 'it', url: urlFor('it')})
    const bare = renderTreatmentPage(answer)
    expect([bare.jsonLd, bare.alternates]).toEqual([null, []])
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

  it('throws a TypeError naming the call on misuse', () => {
    expect(() => renderTreatmentPage({} as TreatmentResult)).toThrow(new TypeError('`renderTreatmentPage` expects the result of `getTreatment()` (`{locale, treatment, fallbacks, …}`), got an object'))
    expect(() => renderTreatmentPage(null as unknown as TreatmentResult)).toThrow(/^`renderTreatmentPage` expects the result of `getTreatment\(\)`.*got null$/)
  })

  it('throws a TypeError for malformed options', async () => {
    const answer = await result('en')
    expect(() => renderTreatmentPage(answer, {urlFor: 'x' as never})).toThrow(new TypeError('`renderTreatmentPage` expects `urlFor` to be a function `(locale) => url`, got a string'))
    expect(() => renderTreatmentPage(answer, {idPrefix: 1 as never})).toThrow(new TypeError('`renderTreatmentPage` expects `idPrefix` to be a string, got a number'))
  })
})
