import {readFile} from 'node:fs/promises'
import {beforeAll, describe, expect, it} from 'vitest'
import {formatProblem, validateDataset, type SchemaEntry} from './index.ts'

const schemaUrl = new URL('../schema.json', import.meta.url)
const datasetUrl = new URL('../../content/dataset.ndjson', import.meta.url)

let schema: SchemaEntry[]
let seed: Array<Record<string, unknown>>

beforeAll(async () => {
  schema = JSON.parse(await readFile(schemaUrl, 'utf8')) as SchemaEntry[]
  seed = (await readFile(datasetUrl, 'utf8')).trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>)
})

/** Validates the seed after `change` edits a deep copy of it; returns the formatted problems. */
function problemsAfter(change: (documents: Array<Record<string, any>>) => void, extraLines: string[] = []): string[] {
  const documents = structuredClone(seed) as Array<Record<string, any>>
  change(documents)
  const text = [...documents.map((document) => JSON.stringify(document)), ...extraLines].join('\n')
  return validateDataset([{name: 'dataset.ndjson', text}], schema).map(formatProblem)
}

const treatmentLine = () => seed.findIndex((document) => document._type === 'treatment') + 1
const treatmentOf = (documents: Array<Record<string, any>>) => documents.find((document) => document._type === 'treatment')!

describe('validateDataset', () => {
  it('finds no problem in the seed dataset', () => {
    expect(problemsAfter(() => {})).toEqual([])
  })

  it('reports a file with no documents: an empty or truncated dataset is not a valid one', () => {
    for (const text of ['', '\n', '  \n\r\n\n']) {
      expect(validateDataset([{name: 'dataset.ndjson', text}], schema).map(formatProblem), JSON.stringify(text)).toEqual([
        'dataset.ndjson:1: the file has no documents (it is empty or holds only blank lines); a dataset holds at least one [empty-file]',
      ])
    }
  })

  it('reports a line that is not JSON with its file and line', () => {
    const problems = problemsAfter(() => {}, ['{"_id": "x", '])
    expect(problems).toHaveLength(1)
    expect(problems[0]).toMatch(new RegExp(`^dataset\\.ndjson:${seed.length + 1}: line is not valid JSON \\(.+\\) \\[invalid-json\\]$`))
  })

  it('reports an unknown _type and lists the known ones', () => {
    const problems = problemsAfter(() => {}, [JSON.stringify({_id: 'x1', _type: 'recipe'})])
    expect(problems).toEqual([
      `dataset.ndjson:${seed.length + 1} x1 _type: Unknown _type "recipe": expected one of contraindication, sideEffect, effect, ingredient, treatment, condition. [unknown-type]`,
    ])
  })

  it('reports a dangling reference with the document id and field path', () => {
    const problems = problemsAfter((documents) => {
      treatmentOf(documents).contraindications[0]._ref = 'contraindication-missing'
    })
    const key = (seed.find((document) => document._type === 'treatment') as any).contraindications[0]._key
    expect(problems).toEqual([
      `dataset.ndjson:${treatmentLine()} treatment-mesotherapy-cellulite contraindications[_key=="${key}"]: Reference to “contraindication-missing”, which is not in the dataset. [dangling-reference]`,
    ])
  })

  it('reports a missing required field', () => {
    const problems = problemsAfter((documents) => {
      delete treatmentOf(documents).disclaimer
    })
    expect(problems).toEqual([
      `dataset.ndjson:${treatmentLine()} treatment-mesotherapy-cellulite disclaimer: Missing required field “disclaimer”. [missing-required]`,
    ])
  })

  it('requires at least one contraindication', () => {
    const problems = problemsAfter((documents) => {
      treatmentOf(documents).contraindications = []
    })
    expect(problems).toEqual([
      `dataset.ndjson:${treatmentLine()} treatment-mesotherapy-cellulite contraindications: “contraindications” needs at least one item. [missing-required]`,
    ])
  })

  it('requires base-locale text and supported locale codes', () => {
    const problems = problemsAfter((documents) => {
      const treatment = treatmentOf(documents)
      treatment.title = treatment.title
        .map((item: any) => (item.language === 'en' ? {...item, value: '   '} : item))
        .concat({_key: 'fr', _type: 'internationalizedArrayStringValue', language: 'fr', value: 'Mésothérapie'})
    })
    expect(problems).toEqual([
      `dataset.ndjson:${treatmentLine()} treatment-mesotherapy-cellulite title[_key=="fr"].language: “fr” is not a supported language. Use one of: en, it, de. [locale]`,
      `dataset.ndjson:${treatmentLine()} treatment-mesotherapy-cellulite title[_key=="en"].value: The EN text has no visible character, only U+0020 SPACE: readers would see nothing here. Write the text. [invisible-text]`,
      `dataset.ndjson:${treatmentLine()} treatment-mesotherapy-cellulite title[_key=="en"].value: “title” is required in EN: it is the text every other language falls back to. [locale]`,
    ])
  })

  it('checks the protocol ranges: positive, whole, min ≤ max', () => {
    const problems = problemsAfter((documents) => {
      Object.assign(treatmentOf(documents).protocol, {sessionsMin: 5, intervalMinWeeks: 0})
    })
    expect(problems).toEqual([
      `dataset.ndjson:${treatmentLine()} treatment-mesotherapy-cellulite protocol.sessionsMax: Number of sessions: the lowest number (5) is higher than the highest (4). Swap them. [domain]`,
      `dataset.ndjson:${treatmentLine()} treatment-mesotherapy-cellulite protocol.intervalMinWeeks: Weeks between sessions must be a whole number of 1 or more (got 0). [domain]`,
    ])
  })

  it('refuses a page marked reviewed without a reviewer, a review date and the texts the review covered', () => {
    const problems = problemsAfter((documents) => {
      treatmentOf(documents).medicalReview.status = 'reviewed'
    })
    expect(problems).toEqual([
      `dataset.ndjson:${treatmentLine()} treatment-mesotherapy-cellulite medicalReview.reviewer: A reviewed page needs the name of the reviewing doctor. [domain]`,
      `dataset.ndjson:${treatmentLine()} treatment-mesotherapy-cellulite medicalReview.lastReviewed: A reviewed page needs the date of the review. [domain]`,
      `dataset.ndjson:${treatmentLine()} treatment-mesotherapy-cellulite medicalReview.coveredTexts: A review must record the texts the doctor read: use the “Mark medically reviewed” action (pages do not claim a review that records none). [domain]`,
    ])
    const recorded = problemsAfter((documents) => {
      Object.assign(treatmentOf(documents).medicalReview, {
        status: 'reviewed',
        reviewer: 'Dr. A. Rossi',
        lastReviewed: '2026-11-30',
        coveredTexts: [{_key: 'c1', _type: 'coveredText', field: 'disclaimer', hash: 'sha256-0'}],
      })
    })
    expect(recorded).toEqual([])
  })

  it('refuses two translation states for one language, as the Studio does', () => {
    const problems = problemsAfter((documents) => {
      const treatment = treatmentOf(documents)
      const italian = treatment.translations.find((state: {language: string}) => state.language === 'it')
      treatment.translations.push({...italian, _key: 'it-again'})
    })
    expect(problems).toEqual([
      `dataset.ndjson:${treatmentLine()} treatment-mesotherapy-cellulite translations: There are two translation states for “it”. Keep one. [domain]`,
    ])
  })

  it('refuses a contraindication, side effect, effect or body area listed twice, as the Studio does', () => {
    const problems = problemsAfter((documents) => {
      const treatment = treatmentOf(documents)
      for (const list of ['contraindications', 'sideEffects', 'effects']) treatment[list].push({...treatment[list][0], _key: `${list}-again`})
      treatment.bodyAreas.push(treatment.bodyAreas[0])
    })
    const treatment = treatmentOf(structuredClone(seed) as Array<Record<string, any>>)
    const at = `dataset.ndjson:${treatmentLine()} treatment-mesotherapy-cellulite`
    expect(problems).toEqual([
      `${at} bodyAreas[${treatment.bodyAreas.length}]: ${JSON.stringify(treatment.bodyAreas[0])} is listed twice in “bodyAreas”: keep one. [domain]`,
      ...['effects', 'sideEffects', 'contraindications'].map(
        (list) => `${at} ${list}[_key=="${list}-again"]: “${treatment[list][0]._ref}” is listed twice in “${list}”: keep one. [domain]`,
      ),
    ])
  })

  it('reports duplicate ids and duplicate slugs', () => {
    const treatment = seed.find((document) => document._type === 'treatment')!
    const copy = {...treatment, _id: 'treatment-copy'}
    const problems = problemsAfter(() => {}, [JSON.stringify(treatment), JSON.stringify(copy)])
    expect(problems).toEqual([
      `dataset.ndjson:${seed.length + 1} treatment-mesotherapy-cellulite _id: duplicate _id "treatment-mesotherapy-cellulite" (first seen on line ${treatmentLine()}) [duplicate-id]`,
      `dataset.ndjson:${seed.length + 2} treatment-copy slug: The slug “mesotherapy-cellulite” is already used by treatment-mesotherapy-cellulite in locale en. Slugs must be unique in each locale. [duplicate-slug]`,
      `dataset.ndjson:${seed.length + 2} treatment-copy localizedSlugs[_key=="it"]: The slug “mesoterapia-cellulite” is already used by treatment-mesotherapy-cellulite in locale it. Slugs must be unique in each locale. [duplicate-slug]`,
      `dataset.ndjson:${seed.length + 2} treatment-copy localizedSlugs[_key=="de"]: The slug “mesotherapie-cellulite” is already used by treatment-mesotherapy-cellulite in locale de. Slugs must be unique in each locale. [duplicate-slug]`,
    ])
  })

  it('holds slugs unique per locale: one slug in two locales is fine, in one locale it is refused, also where a locale falls back', () => {
    const treatment = seed.find((document) => document._type === 'treatment')!
    const item = (language: string, value: string) => ({_key: language, _type: 'internationalizedArrayStringValue', language, value})
    // The copy's Italian slug is the original's English one: different URLs (/it/… and /en/…).
    const crossLocale = {...treatment, _id: 'treatment-copy', slug: {_type: 'slug', current: 'copy'}, localizedSlugs: [item('it', 'mesotherapy-cellulite'), item('de', 'kopie')]}
    expect(problemsAfter(() => {}, [JSON.stringify(crossLocale)])).toEqual([])
    // Its Italian slug is the original's Italian one: /it/treatments/mesoterapia-cellulite names two pages.
    const sameLocale = {...crossLocale, localizedSlugs: [item('it', 'mesoterapia-cellulite'), item('de', 'kopie')]}
    expect(problemsAfter(() => {}, [JSON.stringify(sameLocale)])).toEqual([
      `dataset.ndjson:${seed.length + 1} treatment-copy localizedSlugs[_key=="it"]: The slug “mesoterapia-cellulite” is already used by treatment-mesotherapy-cellulite in locale it. Slugs must be unique in each locale. [duplicate-slug]`,
    ])
    // Without a German slug of its own the original is served at its English slug in German too.
    const fallsBack = {...crossLocale, localizedSlugs: [item('it', 'copia'), item('de', 'mesotherapy-cellulite')]}
    expect(
      problemsAfter((documents) => {
        treatmentOf(documents).localizedSlugs = [item('it', 'mesoterapia-cellulite')]
      }, [JSON.stringify(fallsBack)]),
    ).toEqual([
      `dataset.ndjson:${seed.length + 1} treatment-copy localizedSlugs[_key=="de"]: The slug “mesotherapy-cellulite” is already used by treatment-mesotherapy-cellulite in locale de. Slugs must be unique in each locale. [duplicate-slug]`,
    ])
  })

  it('accepts the empty base-locale item the Studio adds among the other languages’ slugs', () => {
    expect(
      problemsAfter((documents) => {
        treatmentOf(documents).localizedSlugs.push({_key: 'en', _type: 'internationalizedArrayStringValue', language: 'en'})
      }),
    ).toEqual([])
  })

  it('refuses a base-locale item among the other languages’ slugs, and slugs or former slugs unsafe in a URL', () => {
    const problems = problemsAfter((documents) => {
      const treatment = treatmentOf(documents)
      treatment.localizedSlugs.push({_key: 'en', _type: 'internationalizedArrayStringValue', language: 'en', value: 'x'})
      treatment.localizedSlugs[0].value = 'Mesoterapia cellulite'
      treatment.formerSlugs = [{_key: 'f1', _type: 'formerSlug', language: 'it', slug: 'Vecchio slug'}]
    })
    expect(problems).toEqual([
      `dataset.ndjson:${treatmentLine()} treatment-mesotherapy-cellulite localizedSlugs[_key=="it"].value: Use lowercase letters, digits and single dashes, like “mesoterapia-cellulite” (got "Mesoterapia cellulite"). [domain]`,
      `dataset.ndjson:${treatmentLine()} treatment-mesotherapy-cellulite localizedSlugs[_key=="en"]: The English slug is the Slug field above; leave this one empty. [domain]`,
      `dataset.ndjson:${treatmentLine()} treatment-mesotherapy-cellulite formerSlugs[_key=="f1"].slug: Use lowercase letters, digits and single dashes (got "Vecchio slug"). [domain]`,
    ])
  })

  it('allows a draft to share its published document’s slug', () => {
    const treatment = seed.find((document) => document._type === 'treatment')!
    expect(problemsAfter(() => {}, [JSON.stringify({...treatment, _id: `drafts.${String(treatment._id)}`})])).toEqual([])
  })

  it('requires slugs that are safe in a URL', () => {
    const problems = problemsAfter((documents) => {
      treatmentOf(documents).slug.current = 'Mesotherapy_cellulite'
    })
    expect(problems).toEqual([
      `dataset.ndjson:${treatmentLine()} treatment-mesotherapy-cellulite slug.current: Use lowercase letters, digits and single dashes, like “mesotherapy-cellulite” (got "Mesotherapy_cellulite"). [domain]`,
    ])
  })

  it('requires web addresses for sources', () => {
    const problems = problemsAfter((documents) => {
      treatmentOf(documents).medicalReview.sources[0].url = 'javascript:alert(1)'
    })
    expect(problems).toEqual([
      `dataset.ndjson:${treatmentLine()} treatment-mesotherapy-cellulite medicalReview.sources[_key=="clinic"].url: Source URL "javascript:alert(1)" is not an absolute http(s) address. [domain]`,
    ])
  })

  it('requires web addresses for a source’s versions in other languages, and a language for each', () => {
    const problems = problemsAfter((documents) => {
      treatmentOf(documents).medicalReview.sources[0].versions = [
        {_type: 'sourceVersion', _key: 'it', language: 'it', title: 'Articolo', url: 'data:text/html,x'},
        {_type: 'sourceVersion', _key: 'de', language: 'de', title: 'Artikel', url: 'https://clinic.example/de'},
        {_type: 'sourceVersion', _key: 'x', title: 'Article'},
      ]
    })
    expect(problems).toEqual([
      `dataset.ndjson:${treatmentLine()} treatment-mesotherapy-cellulite medicalReview.sources[_key=="clinic"].versions[_key=="x"].language: Missing required field “language”. [missing-required]`,
      `dataset.ndjson:${treatmentLine()} treatment-mesotherapy-cellulite medicalReview.sources[_key=="clinic"].versions[_key=="it"].url: Source URL "data:text/html,x" is not an absolute http(s) address. [domain]`,
    ])
  })

  it('refuses links that a browser would run', () => {
    const problems = problemsAfter((documents) => {
      const body = treatmentOf(documents).body.find((item: any) => item.language === 'en').value
      const block = body.find((candidate: any) => candidate.markDefs?.length)
      block.markDefs[0].href = 'javascript:alert(1)'
    })
    expect(problems).toHaveLength(1)
    expect(problems[0]).toMatch(/body\[_key=="en"\]\.value\[_key=="[^"]+"\]\.markDefs\[_key=="[^"]+"\]\.href: Link "javascript:alert\(1\)" is not an absolute http\(s\), mailto or tel URL\. \[domain\]$/)
  })

  it('reports wrong types and unknown fields', () => {
    const problems = problemsAfter((documents) => {
      const treatment = treatmentOf(documents)
      treatment.protocol.sessionsMax = '4'
      treatment.price = 100
    })
    expect(problems).toEqual([
      `dataset.ndjson:${treatmentLine()} treatment-mesotherapy-cellulite protocol.sessionsMax: Expected a number, got the string "4". [wrong-type]`,
      `dataset.ndjson:${treatmentLine()} treatment-mesotherapy-cellulite protocol.sessionsMax: Number of sessions must be a whole number of 1 or more (got "4"). [domain]`,
      `dataset.ndjson:${treatmentLine()} treatment-mesotherapy-cellulite price: Unknown field “price”: the Studio schema has no such field here. [unknown-field]`,
    ])
  })
  it('reports a translation with no visible character, naming the characters, and allows an empty one', () => {
    const line = seed.findIndex((document) => document._id === 'contraindication-pregnancy') + 1
    const problems = problemsAfter((documents) => {
      const text = documents.find((document) => document._id === 'contraindication-pregnancy')!.text
      text.find((item: any) => item.language === 'it').value = '\u200B\u200B'
      text.find((item: any) => item.language === 'de').value = ''
    })
    expect(problems).toEqual([
      `dataset.ndjson:${line} contraindication-pregnancy text[_key=="it"].value: The IT text has no visible character, only U+200B ZERO WIDTH SPACE: readers would see nothing here. Write the text, or clear the field (an empty translation shows the fallback language, marked as missing). [invisible-text]`,
    ])
  })

  it('reports a text with control characters, naming them, and allows line feeds and tabs', () => {
    const line = (id: string) => seed.findIndex((document) => document._id === id) + 1
    const problems = problemsAfter((documents) => {
      const swelling = documents.find((document) => document._id === 'side-effect-swelling')!
      swelling.whenToSeekHelp.find((item: any) => item.language === 'it').value = 'Gonfiore\rnormale\x07.'
      swelling.whenToSeekHelp.find((item: any) => item.language === 'en').value = 'Swelling is normal.\n\tIt goes away.'
      documents.find((document) => document._id === 'contraindication-pregnancy')!.text.find((item: any) => item.language === 'it').value = 'Gravidanza\u0085'
    })
    expect(problems).toEqual([
      `dataset.ndjson:${line('contraindication-pregnancy')} contraindication-pregnancy text[_key=="it"].value: The IT text holds a control character, U+0085 NEXT LINE: it is not text, and readers would see nothing or a box. Remove it. [control-character]`,
      `dataset.ndjson:${line('side-effect-swelling')} side-effect-swelling whenToSeekHelp[_key=="it"].value: The IT text holds control characters, U+000D CARRIAGE RETURN, U+0007 ALERT: they are not text, and readers would see nothing or a box. Remove them. [control-character]`,
    ].toSorted((a, b) => Number(/:(\d+) /.exec(a)![1]) - Number(/:(\d+) /.exec(b)![1])))
  })
})
