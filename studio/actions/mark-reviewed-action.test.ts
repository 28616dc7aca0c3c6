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
  user: {id: 'u1', name: 'Dr. Rossi', email: 'rossi@example.org'} as {id: string; name?: string; email?: string} | null,
  patchDisabled: false as false | string,
}))

vi.mock('sanity', () => ({
  useCurrentUser: () => hooks.user,
  useDocumentOperation: () => ({patch: {disabled: hooks.patchDisabled, execute: (patches: unknown) => hooks.execute(patches)}}),
}))
vi.mock('../components/translations/use-translation-status.ts', () => ({useTranslationStatus: () => hooks.fields}))
vi.mock('../components/reviews/use-review-changes.ts', () => ({useReviewChanges: () => ({reviews: hooks.reviews, resolve: hooks.resolve})}))

const {createMarkReviewedAction} = await import('./mark-reviewed-action.ts')

let seed: DatasetDocument[]
beforeAll(async () => {
  seed = parseNdjson(await readFile(new URL('../../content/dataset.ndjson', import.meta.url), 'utf8'))
})

/** The action on `document` as the Studio shows it, with the hooks' answers for it. */
async function describeAction(document: Record<string, unknown>, locale: string, versions: Partial<Record<'draft' | 'version', unknown>> = {}) {
  const byId = new Map(seed.map((item) => [item._id, item as Record<string, unknown>]))
  hooks.resolve = (id) => byId.get(id)
  hooks.fields = await documentTranslationStatus(document as never)
  hooks.reviews = document._type === 'treatment' ? reviewChanges(document, hooks.resolve) : []
  const written: unknown[] = []
  hooks.execute = (patches) => written.push(patches)
  const completed = {done: false}
  const props = {id: String(document._id), type: String(document._type), published: document, draft: null, ...versions, onComplete: () => (completed.done = true)}
  return {action: () => createMarkReviewedAction(locale)(props as unknown as DocumentActionProps)!, written, completed}
}

/** Runs "Mark <locale> reviewed" on `document` as the Studio would, returning what it wrote. */
async function markReviewed(document: Record<string, unknown>, locale: string): Promise<unknown[]> {
  const {action, written, completed} = await describeAction(document, locale)
  expect(action()).toMatchObject({label: `Mark ${({it: 'Italian', de: 'German'} as Record<string, string>)[locale]} reviewed`, disabled: false})
  action().onHandle!()
  expect(completed.done).toBe(true)
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

  it('names the reviewer by name, else e-mail, else user id', async () => {
    const contraindication = seed.find((document) => document._type === 'contraindication')! as Record<string, unknown>
    const reviewedBy = async () => ((await markReviewed(contraindication, 'it'))[0] as Array<{set: Record<string, unknown>}>)[0]!.set['translations[_key=="it"].reviewedBy']
    try {
      hooks.user = {id: 'u1', email: 'rossi@example.org'}
      expect(await reviewedBy()).toBe('rossi@example.org')
      hooks.user = {id: 'u1', name: '', email: ''}
      expect(await reviewedBy()).toBe('u1')
    } finally {
      hooks.user = {id: 'u1', name: 'Dr. Rossi', email: 'rossi@example.org'}
    }
  })

  it('is disabled, saying why, without a signed-in user, while the document cannot be patched, or while a treatment’s reviews load', async () => {
    const treatment = seed.find((document) => document._type === 'treatment')! as Record<string, unknown>
    const enabled = await describeAction(treatment, 'it')
    const title = enabled.action().title
    expect(title).toMatch(/^Record that you reviewed the Italian translation/)
    try {
      hooks.user = null
      expect(enabled.action()).toMatchObject({disabled: true, title: 'Sign in to record a review.'})
      hooks.user = {id: '', name: '', email: ''}
      expect(enabled.action()).toMatchObject({disabled: true, title: 'Sign in to record a review.'})
      hooks.user = {id: 'u1', name: 'Dr. Rossi'}
      hooks.patchDisabled = 'NOT_READY'
      expect(enabled.action()).toMatchObject({disabled: true, title})
      hooks.patchDisabled = false
      hooks.reviews = undefined
      expect(enabled.action()).toMatchObject({disabled: true, title})
    } finally {
      hooks.user = {id: 'u1', name: 'Dr. Rossi', email: 'rossi@example.org'}
      hooks.patchDisabled = false
    }
    // Another document type has no reviews to wait for.
    const contraindication = await describeAction(seed.find((document) => document._type === 'contraindication')! as Record<string, unknown>, 'it')
    hooks.reviews = undefined
    expect(contraindication.action().disabled).toBe(false)
  })

  it('is disabled with the availability’s reason when nothing awaits review', async () => {
    const contraindication = seed.find((document) => document._type === 'contraindication')! as Record<string, unknown>
    const {action} = await describeAction({...contraindication, translations: []}, 'it')
    expect(action()).toMatchObject({disabled: true, title: 'Nothing has been translated into Italian yet: every field is missing.'})
  })

  it('reviews the version being edited (draft over published), and writes nothing when there is none', async () => {
    const contraindication = seed.find((document) => document._type === 'contraindication')! as Record<string, unknown>
    const draft = {...contraindication, _id: `drafts.${String(contraindication._id)}`, translations: []}
    const fromDraft = await describeAction(contraindication, 'it', {draft})
    expect(fromDraft.action()).toMatchObject({disabled: true, title: 'Nothing has been translated into Italian yet: every field is missing.'})
    const none = await describeAction(contraindication, 'it', {})
    const action = createMarkReviewedAction('it')({id: 'x', type: 'contraindication', published: null, draft: null, onComplete: () => (none.completed.done = true)} as unknown as DocumentActionProps)!
    expect(action).toMatchObject({disabled: true, title: 'Checking the translation…'})
    action.onHandle!()
    expect(none.written).toEqual([])
    expect(none.completed.done).toBe(false)
  })
})
