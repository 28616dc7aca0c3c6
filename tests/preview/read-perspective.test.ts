import {createClient} from '@sanity/client'
import {createTreatmentContent} from '@treatments/content'
import {localDataset} from '@treatments/content/local-dataset'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import {defaultDatasetPath} from '../../scripts/lib/paths.ts'
import {startTempLake, type TempLake} from '../translations/support/temp-lake.ts'

// The package's `perspective` and `token` options, against the real lake: a draft is read only
// with a token, and never reaches a published read through the cache or a shared request.
const slug = 'mesotherapy-cellulite'
const draftText = 'Gravidanza (bozza non pubblicata)'

let fixture: TempLake
let source: {projectId: string; dataset: string; apiHost: string}
beforeAll(async () => {
  fixture = await startTempLake()
  source = {projectId: 'local', dataset: 'production', apiHost: fixture.lake.url}
  const published = await fixture.client.getDocument('contraindication-pregnancy')
  const text = (published!.text as Array<{language: string; value: string}>).map((item) => (item.language === 'it' ? {...item, value: draftText} : item))
  await fixture.client.create({...published!, _id: 'drafts.contraindication-pregnancy', text})
})
afterAll(() => fixture?.close())

const contraindications = (result: {treatment: {contraindications?: Array<{text?: string | null} | null> | null}}) =>
  (result.treatment.contraindications ?? []).map((item) => item?.text)

describe('reading drafts through the package', {timeout: 30_000}, () => {
  it('a published reader shows the published text; a call with `perspective: "drafts"` and the token shows the draft', async () => {
    const content = createTreatmentContent({source, cache: {ttlMs: 60_000}})
    const before = await content.getTreatment(slug, {locale: 'it'})
    expect(contraindications(before)).toContain('Gravidanza')
    expect(contraindications(before)).not.toContain(draftText)

    const draft = await content.getTreatment(slug, {locale: 'it', perspective: 'drafts', token: fixture.lake.token})
    expect(contraindications(draft)).toContain(draftText)
    // The same query with the same parameters, read again published: the cache kept no draft.
    const after = await content.getTreatment(slug, {locale: 'it'})
    expect(contraindications(after)).not.toContain(draftText)
  })

  it('a draft read first, and in parallel with published reads, never fills the cache a published read hits', async () => {
    const content = createTreatmentContent({source, cache: {ttlMs: 60_000}})
    const [draft, published] = await Promise.all([
      content.getTreatment(slug, {locale: 'it', perspective: 'previewDrafts', token: fixture.lake.token}),
      content.getTreatment(slug, {locale: 'it'}),
    ])
    expect(contraindications(draft)).toContain(draftText)
    expect(contraindications(published)).not.toContain(draftText)
    const list = await content.getAllTreatments({locale: 'it'})
    expect(JSON.stringify(list)).not.toContain(draftText)
  })

  it('a reader made with `perspective: "drafts"` and `token` reads drafts on every call; a call can ask for published', async () => {
    const content = createTreatmentContent({source, perspective: 'drafts', token: fixture.lake.token, cache: {ttlMs: 60_000}})
    expect(contraindications(await content.getTreatment(slug, {locale: 'it'}))).toContain(draftText)
    expect(contraindications(await content.getTreatment(slug, {locale: 'it', perspective: 'published'}))).not.toContain(draftText)
    expect(JSON.stringify(await content.getAllTreatments({locale: 'it'}))).toContain(draftText)
  })

  it('a draft read without a token is refused: by the package before any request, and by the lake', async () => {
    const content = createTreatmentContent({source})
    await expect(content.getTreatment(slug, {locale: 'it', perspective: 'drafts'})).rejects.toThrow(/perspective: "drafts".* needs a `token`/)
    expect(() => createTreatmentContent({source, perspective: 'drafts'})).toThrow(/needs a `token`/)
    expect(() => createTreatmentContent({source, perspective: 'draft' as 'drafts'})).toThrow(/must be "published", "drafts" or "previewDrafts", got "draft"/)

    // The lake itself: a client without the token that asks for drafts gets 401, not published text.
    const anonymous = createClient({apiHost: fixture.lake.url, useProjectHostname: false, projectId: 'local', dataset: 'production', apiVersion: '2025-02-19', useCdn: false})
    await expect(anonymous.fetch('*[_id == $id][0]', {id: 'contraindication-pregnancy'}, {perspective: 'drafts'})).rejects.toMatchObject({statusCode: 401})
    // A wrong token is refused too.
    await expect(content.getTreatment(slug, {locale: 'it', perspective: 'drafts', token: 'not-the-token'})).rejects.toMatchObject({code: 'SOURCE_FAILED', statusCode: 401})
  })

  it('`localDataset` refuses a draft read instead of answering with published text', async () => {
    const content = createTreatmentContent({source: localDataset(defaultDatasetPath), token: 'unused'})
    await expect(content.getTreatment(slug, {locale: 'it', perspective: 'drafts'})).rejects.toThrow(/serves published documents only/)
  })
})
