/**
 * The audit trail end to end: edits through a real local lake (with @sanity/client), read back
 * through the History API and `pnpm history`, and a doctor's review bound to the text it read.
 */
import {copyFile, mkdtemp, rm} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

import {createClient, type SanityClient} from '@sanity/client'
import {createTreatmentContent} from '@treatments/content'
import {readNdjson, recordCoveredTexts} from '@treatments/content/dataset'
import {localDataset} from '@treatments/content/local-dataset'
import {type LocalLake, startLocalLake} from '@treatments/local-lake'
import {afterEach, beforeEach, describe, expect, it} from 'vitest'

import {defaultDatasetPath} from '../../scripts/lib/paths.ts'
import {runScript} from '../translations/support/run-script.ts'

const TREATMENT = 'treatment-mesotherapy-cellulite'
const CONTRAINDICATION = 'contraindication-pregnancy'

let directory: string
let file: string
let lake: LocalLake
let client: SanityClient
beforeEach(async () => {
  directory = await mkdtemp(join(tmpdir(), 'audit-'))
  file = join(directory, 'dataset.ndjson')
  await copyFile(defaultDatasetPath, file)
  lake = await startLocalLake({datasets: {production: file}, author: 'Dr. Rossi', lock: {command: 'a test lake', server: true}})
  client = createClient({...lake.clientConfig, token: lake.token})
})
afterEach(async () => {
  await lake.close()
  await rm(directory, {recursive: true, force: true})
})

/** Marks the treatment's medical review and its Italian review done over the texts as they are now. */
async function markReviewed(reviewer: string, date: string) {
  const documents = await client.fetch<Array<Record<string, unknown> & {_id: string}>>('*[!(_id in path("drafts.**"))]')
  const byId = new Map(documents.map((document) => [document._id, document]))
  const treatment = byId.get(TREATMENT)!
  const itKey = (treatment.translations as Array<{_key: string; language: string}>).find((state) => state.language === 'it')!._key
  await client
    .patch(TREATMENT)
    .set({
      'medicalReview.status': 'reviewed',
      'medicalReview.reviewer': reviewer,
      'medicalReview.lastReviewed': date,
      'medicalReview.coveredTexts': recordCoveredTexts(treatment, (id) => byId.get(id), 'en'),
      [`translations[_key=="${itKey}"].status`]: 'reviewed',
      [`translations[_key=="${itKey}"].reviewedBy`]: reviewer,
      [`translations[_key=="${itKey}"].reviewedAt`]: `${date}T10:00:00Z`,
      [`translations[_key=="${itKey}"].coveredTexts`]: recordCoveredTexts(treatment, (id) => byId.get(id), 'it'),
    })
    .commit()
}

const setEnglish = (value: string) => client.patch(CONTRAINDICATION).set({'text[_key=="en"].value': value}).commit()

async function page(locale: string) {
  return createTreatmentContent({source: localDataset(await readNdjson(file))}).getTreatment('mesotherapy-cellulite', {locale})
}

describe('the audit trail', () => {
  it('after two edits to a contraindication, pnpm history shows both with author and time, and the History API returns the first version', async () => {
    const first = await setEnglish('Pregnancy or breastfeeding')
    const second = await setEnglish('Pregnancy, or breastfeeding in the last 6 months')
    const atFirst = await client.request<{documents: Array<Record<string, unknown>>}>({url: `/data/history/production/documents/${CONTRAINDICATION}?revision=${first._rev}`})
    expect(atFirst.documents).toEqual([first])
    const result = await runScript('history.ts', [CONTRAINDICATION, '--file', file])
    expect(result).toMatchObject({code: 0, stderr: ''})
    expect(result.stdout).toContain(`History of ${CONTRAINDICATION} `)
    expect(result.stdout).toContain(`${first._updatedAt}  Dr. Rossi  updated ${CONTRAINDICATION}  (transaction ${first._rev})\n  text[en]: Pregnancy {+or breastfeeding+}`)
    expect(result.stdout).toContain(`${second._updatedAt}  Dr. Rossi  updated ${CONTRAINDICATION}  (transaction ${second._rev})\n  text[en]: Pregnancy{+, +}or breastfeeding {+in the last 6 months+}`)
    const json = JSON.parse((await runScript('history.ts', [CONTRAINDICATION, '--file', file, '--json', '--field', 'text[en]'])).stdout) as {changes: Array<Record<string, unknown>>}
    expect(json.changes.map((change) => [change.transactionId, change.author, change.fields])).toEqual([
      [first._rev, 'Dr. Rossi', [{path: 'text[en]', before: 'Pregnancy', after: 'Pregnancy or breastfeeding', diff: 'Pregnancy {+or breastfeeding+}'}]],
      [second._rev, 'Dr. Rossi', [expect.objectContaining({path: 'text[en]', after: 'Pregnancy, or breastfeeding in the last 6 months'})]],
    ])
    const later = await runScript('history.ts', [CONTRAINDICATION, '--file', file, '--since', new Date(Date.now() + 60_000).toISOString()])
    expect(later.stdout).toMatch(/: 0 changes\n/)
    expect((await runScript('history.ts', [CONTRAINDICATION, '--file', file, '--field', 'kind'])).stdout).toMatch(/: 0 changes\n/)
  })

  it('an English edit to a reviewed contraindication takes the review away from the English and Italian pages, naming the text, until the review is renewed', async () => {
    await markReviewed('Dr. A. Rossi', '2026-11-30')
    expect((await page('en')).review.status).toBe('reviewed')
    expect((await page('it')).review.status).toBe('reviewed')
    await setEnglish('Pregnancy or breastfeeding')
    const changed = [{field: `contraindications[${CONTRAINDICATION}].text`, change: 'changed', review: 'medical'}]
    expect((await page('en')).review).toEqual({status: 'changed-since-review', changedSinceReview: changed})
    expect((await page('it')).review).toEqual({status: 'changed-since-review', changedSinceReview: changed})
    const status = await runScript('translations.ts', ['status', '--locale', 'it'], {CONTENT_DATASET: file})
    expect(status.code).toBe(0)
    expect(status.stdout).toContain(`Reviews:\n  ${TREATMENT}: medical review by Dr. A. Rossi: changed since review: contraindications[${CONTRAINDICATION}].text (changed)\n  ${TREATMENT}: it review by Dr. A. Rossi: current`)
    let history = (await runScript('history.ts', [CONTRAINDICATION, '--file', file])).stdout
    // The Italian text is still the one the Italian review read; the English one no doctor read.
    expect(history).toContain('  review: no medical review covers this version (its English text was not reviewed by a doctor)')
    expect(history).toContain(`  review: covered by the it translation review of ${TREATMENT} by Dr. A. Rossi (2026-11-30T10:00:00Z): contraindications[${CONTRAINDICATION}].text`)
    await markReviewed('Dr. B. Bianchi', '2026-12-01')
    expect((await page('en')).review.status).toBe('reviewed')
    expect((await page('it')).review.status).toBe('reviewed')
    history = (await runScript('history.ts', [CONTRAINDICATION, '--file', file])).stdout
    // The edited version is the one Dr. Bianchi's review covered.
    expect(history).toContain(`  review: covered by the medical review of ${TREATMENT} by Dr. B. Bianchi (2026-12-01): contraindications[${CONTRAINDICATION}].text`)
    const treatmentHistory = (await runScript('history.ts', ['mesotherapy-cellulite', '--file', file, '--field', 'medicalReview.reviewer'])).stdout
    expect(treatmentHistory).toContain('medicalReview.reviewer: (none) → "Dr. A. Rossi"')
    expect(treatmentHistory).toContain('medicalReview.reviewer: Dr. [-A-]{+B+}. [-Rossi-]{+Bianchi+}')
  })

  it('prints its labels in the --locale language (as pnpm print does) and finds a treatment by any locale’s slug or a former one', async () => {
    await markReviewed('Dr. A. Rossi', '2026-11-30')
    await setEnglish('Pregnancy or breastfeeding')
    const history = (...args: string[]) => runScript('history.ts', ['--file', file, ...args])
    const italian = await history(CONTRAINDICATION, '--locale', 'it')
    expect([italian.code, italian.stderr]).toEqual([0, ''])
    expect(italian.stdout).toMatch(new RegExp(`^Cronologia di ${CONTRAINDICATION} \\(.*\\): 1 modifica\n`))
    expect(italian.stdout).toMatch(new RegExp(`  Dr\\. Rossi  modificato ${CONTRAINDICATION}  \\(transazione [^)]+\\)\n`))
    expect(italian.stdout).toContain('  revisione: nessuna revisione medica copre questa versione (il suo testo inglese non è stato rivisto da un medico)')
    expect(italian.stdout).toContain(`  revisione: coperta dalla revisione della traduzione (italiano) di ${TREATMENT} da parte di Dr. A. Rossi (2026-11-30T10:00:00Z): contraindications[${CONTRAINDICATION}].text`)
    // A regional tag gets its language; found by its German slug.
    const german = await history('mesotherapie-cellulite', '--locale', 'de-AT', '--field', 'medicalReview.reviewer')
    expect(german.stdout).toMatch(new RegExp(`^Verlauf von ${TREATMENT} \\(.*\\): 1 Änderung\n`))
    expect(german.stdout).toContain('medicalReview.reviewer: (keiner) → "Dr. A. Rossi"')
    // A locale the site does not have: English, said on stderr in one line.
    const french = await history(CONTRAINDICATION, '--locale', 'fr')
    expect([french.code, french.stderr]).toEqual([0, 'pnpm history: no supported locale matches "fr" (supported: en, it, de); showing en\n'])
    expect(french.stdout).toMatch(new RegExp(`^History of ${CONTRAINDICATION} \\(.*\\): 1 change\n`))
    expect((await history(CONTRAINDICATION, '--locale', 'not a tag')).code).toBe(2)
    // After a slug change, the old slug still finds the treatment.
    await client
      .patch(TREATMENT)
      .set({'slug.current': 'mesotherapy-for-cellulite', formerSlugs: [{_key: 'en-mesotherapy-cellulite', _type: 'formerSlug', language: 'en', slug: 'mesotherapy-cellulite'}]})
      .commit()
    expect((await history('mesotherapy-cellulite', '--field', 'slug')).stdout).toMatch(new RegExp(`^History of ${TREATMENT} \\(.*\\): 1 change\n[^]*slug\\.current: mesotherapy-{\\+for-\\+}cellulite`))
  })

  it('explains a mistake in one line', async () => {
    expect(await runScript('history.ts', [])).toEqual({code: 2, stdout: '', stderr: 'pnpm history: name one document id or treatment slug; run "pnpm history --help" for the usage\n'})
    const unknown = await runScript('history.ts', ['no-such-document', '--file', file])
    expect(unknown.code).toBe(1)
    expect(unknown.stderr).toMatch(/^pnpm history: no document with the id or treatment slug "no-such-document" in .*\n$/)
    expect((await runScript('history.ts', [CONTRAINDICATION, '--since', 'yesterday'])).code).toBe(2)
  })
})
