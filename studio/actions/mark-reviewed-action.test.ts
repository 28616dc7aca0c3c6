import {readFile} from 'node:fs/promises'

import {parseNdjson, recordCoveredTexts, type DatasetDocument} from '@treatments/content/dataset'
import {documentTranslationStatus, markReviewedPatch, reviewChanges, type FieldStatus} from '@treatments/translations'
import type {DocumentActionProps} from 'sanity'
import {beforeAll, describe, expect, it, vi} from 'vitest'

// The action's own code, run in Node: only the Studio's hooks (which need a running Studio) are
// replaced, each by the computation it wraps, over the seed dataset.

const hooks = vi.hoisted(() => ({
  fields: undefined as FieldStatus[] | undefined,
  resolve: (_id: string): Record<string, unknown> | undefined => undefined,
  reviews: undefined as unknown[] | undefined,
  execute: (_patches: unknown) => {},
}))

vi.mock('sanity', () => ({
  useCurrentUser: () => ({id: 'u1', name: 'Dr. Rossi', email: 'rossi@example.org'}),
  useDocumentOperation: () => ({patch: {disabled: false, execute: (patches: unknown) => hooks.execute(patches)}}),
}))
vi.mock('../components/translations/use-translation-status.ts', () => ({useTranslationStatus: () => hooks.fields}))
vi.mock('../components/reviews/use-review-changes.ts', () => ({useReviewChanges: () => ({reviews: hooks.reviews, resolve: hooks.resolve})}))

const {createMarkReviewedAction} = await import('./mark-reviewed-action.ts')

let seed: DatasetDocument[]
beforeAll(async () => {
  seed = parseNdjson(await readFile(new URL('../../content/dataset.ndjson', import.meta.url), 'utf8'))
})

/** Runs "Mark <locale> reviewed" on `document` as the Studio would, returning what it wrote. */
async function markReviewed(document: Record<string, unknown>, locale: string): Promise<unknown[]> {
  const byId = new Map(seed.map((item) => [item._id, item as Record<string, unknown>]))
  hooks.resolve = (id) => byId.get(id)
  hooks.fields = await documentTranslationStatus(document as never)
  hooks.reviews = document._type === 'treatment' ? reviewChanges(document, hooks.resolve) : []
  const written: unknown[] = []
  hooks.execute = (patches) => written.push(patches)
  let completed = false
  const props = {id: String(document._id), type: String(document._type), published: document, draft: null, onComplete: () => (completed = true)}
  const action = createMarkReviewedAction(locale)(props as unknown as DocumentActionProps)
  expect(action).toMatchObject({label: `Mark ${({it: 'Italian', de: 'German'} as Record<string, string>)[locale]} reviewed`, disabled: false})
  action!.onHandle!()
  expect(completed).toBe(true)
  return written
}

describe('Mark <language> reviewed', () => {
  it('on a treatment records the locale’s text of every safety text it reviewed (coveredTexts)', async () => {
    const treatment = seed.find((document) => document._type === 'treatment')! as Record<string, unknown>
    const written = await markReviewed(treatment, 'it')
    const covered = recordCoveredTexts(treatment, (id) => seed.find((document) => document._id === id), 'it')
    expect(covered.length).toBeGreaterThan(10)
    expect(covered.map((entry) => entry.field)).toEqual(expect.arrayContaining([expect.stringMatching(/^contraindications\[/), expect.stringMatching(/^sideEffects\[/), 'disclaimer']))
    expect(written).toHaveLength(1)
    const [patch] = written[0] as Array<{set: Record<string, unknown>}>
    const at = 'translations[_key=="it"]'
    expect(patch!.set[`${at}.coveredTexts`]).toEqual(covered)
    expect(written[0]).toEqual(markReviewedPatch(treatment, 'it', {reviewer: 'Dr. Rossi', now: patch!.set[`${at}.reviewedAt`] as string, coveredTexts: covered}))
  })

  it('on another translated document records the review without coveredTexts', async () => {
    const contraindication = seed.find((document) => document._type === 'contraindication')! as Record<string, unknown>
    const written = await markReviewed(contraindication, 'it')
    const [patch] = written[0] as Array<{set: Record<string, unknown>}>
    expect(patch!.set).toMatchObject({'translations[_key=="it"].status': 'reviewed', 'translations[_key=="it"].reviewedBy': 'Dr. Rossi'})
    expect(Object.keys(patch!.set).filter((path) => path.endsWith('coveredTexts'))).toEqual([])
  })
})
