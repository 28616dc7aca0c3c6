import type {DatasetDocument} from '@treatments/content/dataset'
import {describe, expect, it} from 'vitest'

import {ApiError} from '../api-error.ts'
import {ACTION_TYPES, applyActions} from './apply-actions.ts'

// Each action against a small dataset, in process: what it writes, and the typed error (status,
// `items[0].index`, error type) for each way it can be malformed or not apply.

const now = '2026-12-06T12:00:00Z'
const context = {transactionId: 'tx', now, select: async () => []}
const dataset: DatasetDocument[] = [
  {_id: 'c1', _type: 'contraindication', _rev: 'r-c1', _createdAt: now, _updatedAt: now, text: 'Pregnancy'},
  {_id: 'drafts.c1', _type: 'contraindication', _rev: 'r-d1', _createdAt: now, _updatedAt: now, text: 'Pregnancy or breastfeeding'},
  {_id: 'c2', _type: 'contraindication', _rev: 'r-c2', _createdAt: now, _updatedAt: now, text: 'Diabetes'},
  {_id: 'versions.r1.c2', _type: 'contraindication', _rev: 'r-v2', _createdAt: now, _updatedAt: now, text: 'Diabetes (r1)'},
]
const apply = (...actions: unknown[]) => applyActions(dataset, new Map(dataset.map((document) => [document._id, document])), actions, context)
const ids = async (...actions: unknown[]) => (await apply(...actions)).documents.map((document) => document._id).sort()

async function refused(promise: Promise<unknown>): Promise<{status: number; index: unknown; type: unknown; message: string}> {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  )
  expect(error).toBeInstanceOf(ApiError)
  const {statusCode, body, message} = error as ApiError
  expect(body.error.type).toBe('actionError')
  const item = (body.error.items as Array<{index: number; error: {type: string}}> | undefined)?.[0]
  return {status: statusCode, index: item?.index, type: item?.error.type, message}
}

describe('applyActions', () => {
  it('refuses a body without actions', async () => {
    for (const actions of [undefined, [], {actionType: 'sanity.action.document.discard'}]) {
      expect(await refused(applyActions(dataset, new Map(), actions, context))).toMatchObject({status: 400, message: expect.stringMatching(/^Request body must have "actions": a non-empty array/)})
    }
  })

  // An action that applies, before the one refused: the error names the second.
  const first = {actionType: 'sanity.action.document.create', publishedId: 'z', attributes: {_type: 'contraindication', text: 'Z'}}
  const create = {actionType: 'sanity.action.document.create', publishedId: 'c3', attributes: {_type: 'contraindication', text: 'Asthma'}}
  const malformed: Array<[string, unknown, RegExp]> = [
    ['an action that is no object', 'publish', /expected an object with "actionType", got the string "publish"/],
    ['an unknown action type', {actionType: 'sanity.action.document.frobnicate'}, /unknown or unsupported "actionType" .*sanity\.action\.document\.create, sanity\.action\.document\.edit/],
    ['create without publishedId', {...create, publishedId: ''}, /sanity\.action\.document\.create needs "publishedId", a document id/],
    ['create without attributes', {...create, attributes: 'x'}, /create needs "attributes"/],
    ['create with an unknown ifExists', {...create, ifExists: 'replace'}, /"ifExists" must be "fail" or "ignore"/],
    ['replaceDraft without attributes', {actionType: 'sanity.action.document.replaceDraft', publishedId: 'c1'}, /replaceDraft needs "attributes"/],
    ['edit without a patch', {actionType: 'sanity.action.document.edit', draftId: 'drafts.c1', publishedId: 'c1', patch: null}, /edit needs "patch"/],
    ['edit without draftId', {actionType: 'sanity.action.document.edit', publishedId: 'c1', patch: {}}, /needs "draftId"/],
    ['publish with a revision that is no string', {actionType: 'sanity.action.document.publish', draftId: 'drafts.c1', publishedId: 'c1', ifDraftRevisionId: 3}, /"ifDraftRevisionId" must be a revision id string/],
    ['delete with draft ids that are not strings', {actionType: 'sanity.action.document.delete', publishedId: 'c1', includeDrafts: [3]}, /"includeDrafts" must be an array of draft ids/],
    ['delete with empty draft ids', {actionType: 'sanity.action.document.delete', publishedId: 'c1', includeDrafts: ['']}, /"includeDrafts" must be an array of draft ids/],
    ['version.create of a document that is no version', {actionType: 'sanity.action.document.version.create', publishedId: 'c1', document: {_id: 'drafts.c1'}}, /must be a version id/],
    ['version.replace of a document that is no version', {actionType: 'sanity.action.document.version.replace', document: {_id: 'c1'}}, /version\.replace needs "document" with a version id/],
    ['version.replace without a document', {actionType: 'sanity.action.document.version.replace'}, /version\.replace needs "document"/],
  ]
  it.each(malformed)('refuses %s with 400, naming the action', async (_, action, message) => {
    const result = await refused(apply(first, action))
    expect(result).toMatchObject({status: 400, index: 1, type: 'invalidActionError'})
    expect(result.message).toMatch(/^Malformed action at index 1: /)
    expect(result.message).toMatch(message)
  })

  const conflicts: Array<[string, unknown, string, RegExp]> = [
    ['create of a draft that exists', {...create, publishedId: 'c1'}, 'documentAlreadyExistsError', /Document "drafts\.c1" already exists/],
    ['edit of a document that exists nowhere', {actionType: 'sanity.action.document.edit', draftId: 'drafts.x', publishedId: 'x', patch: {set: {text: 'X'}}}, 'documentNotFoundError', /it exists neither as a draft/],
    ['publish without a draft', {actionType: 'sanity.action.document.publish', draftId: 'drafts.c2', publishedId: 'c2'}, 'documentNotFoundError', /there is no draft "drafts\.c2"/],
    ['publish of a draft changed meanwhile', {actionType: 'sanity.action.document.publish', draftId: 'drafts.c1', publishedId: 'c1', ifDraftRevisionId: 'old'}, 'documentRevisionIDDoesNotMatchError', /Draft "drafts\.c1" has revision "r-d1", expected "old"/],
    ['publish over a published document that changed', {actionType: 'sanity.action.document.publish', draftId: 'drafts.c1', publishedId: 'c1', ifPublishedRevisionId: 'old'}, 'documentRevisionIDDoesNotMatchError', /Published document "c1" has revision "r-c1"/],
    ['unpublish of what is not published', {actionType: 'sanity.action.document.unpublish', draftId: 'drafts.x', publishedId: 'x'}, 'documentNotFoundError', /it is not published/],
    ['delete of what does not exist', {actionType: 'sanity.action.document.delete', publishedId: 'x', includeDrafts: ['drafts.x']}, 'documentNotFoundError', /Cannot delete "x": it does not exist/],
    ['discard of no draft', {actionType: 'sanity.action.document.discard', draftId: 'drafts.c2'}, 'documentNotFoundError', /no such draft/],
    ['version.create of a version that exists', {actionType: 'sanity.action.document.version.create', publishedId: 'c2', document: {_id: 'versions.r1.c2', _type: 'contraindication'}}, 'documentAlreadyExistsError', /"versions\.r1\.c2" already exists/],
    ['version.create from a base that does not exist', {actionType: 'sanity.action.document.version.create', publishedId: 'x', baseId: 'x', versionId: 'versions.r1.x'}, 'documentNotFoundError', /base document "x" does not exist/],
    ['version.create from a base changed meanwhile', {actionType: 'sanity.action.document.version.create', publishedId: 'c1', baseId: 'c1', versionId: 'versions.r1.c1', ifBaseRevisionId: 'old'}, 'documentRevisionIDDoesNotMatchError', /Base document "c1" has revision "r-c1", expected "old"/],
    ['version.create over a version that exists', {actionType: 'sanity.action.document.version.create', publishedId: 'c2', baseId: 'c2', versionId: 'versions.r1.c2'}, 'documentAlreadyExistsError', /already exists/],
    ['version.discard of no version', {actionType: 'sanity.action.document.version.discard', versionId: 'versions.r1.c1'}, 'documentNotFoundError', /no such version/],
    ['edit whose patch fails', {actionType: 'sanity.action.document.edit', draftId: 'drafts.c1', publishedId: 'c1', patch: {ifRevisionID: 'old', set: {text: 'X'}}}, 'documentRevisionIDDoesNotMatchError', /unexpected revision ID/],
  ]
  it.each(conflicts)('refuses %s with 409, naming the action and the error type', async (_, action, type, message) => {
    const result = await refused(apply(first, action))
    expect(result).toMatchObject({status: 409, index: 1, type})
    expect(result.message).toMatch(/^The action at index 1 failed: /)
    expect(result.message).toMatch(message)
  })

  it('refuses to publish a draft that references a missing document strongly', async () => {
    const documents = [{_id: 'drafts.t', _type: 'treatment', _rev: 'r', _createdAt: now, _updatedAt: now, contraindications: [{_key: 'k', _ref: 'gone'}]}]
    const result = await refused(applyActions(documents, new Map(documents.map((document) => [document._id, document])), [{actionType: 'sanity.action.document.publish', draftId: 'drafts.t', publishedId: 't'}], context))
    expect(result).toMatchObject({status: 409, index: 0, type: 'documentReferenceIntegrityError'})
    expect(result.message).toBe('The action at index 0 failed: Document "t" references non-existent document "gone"')
  })

  it('creates a draft (ignoring one that exists when asked), replaces a draft, and reports each change', async () => {
    const outcome = await apply(create, {...create, publishedId: 'c1', ifExists: 'ignore'}, {actionType: 'sanity.action.document.replaceDraft', publishedId: 'c2', attributes: {_type: 'contraindication', text: 'Type 1 diabetes'}})
    expect(outcome.changed).toBe(true)
    expect(outcome.changes.map((change) => [change.id, change.before?._rev ?? null, change.after?.text])).toEqual([
      ['drafts.c3', null, 'Asthma'],
      ['drafts.c2', null, 'Type 1 diabetes'],
    ])
    expect(outcome.documents.find((document) => document._id === 'drafts.c1')!.text).toBe('Pregnancy or breastfeeding')
  })

  it('edits a published-only document in a new draft copied from it, ignoring a patch’s own id', async () => {
    const outcome = await apply({actionType: 'sanity.action.document.edit', draftId: 'drafts.c2', publishedId: 'c2', patch: {id: 'c1', query: '*', set: {text: 'Diabetes type 2'}}})
    expect(outcome.documents.find((document) => document._id === 'drafts.c2')).toMatchObject({_type: 'contraindication', text: 'Diabetes type 2', _rev: 'tx'})
    expect(outcome.documents.find((document) => document._id === 'c1')!.text).toBe('Pregnancy')
    expect(outcome.changes).toEqual([expect.objectContaining({id: 'drafts.c2', before: null, mutations: [expect.objectContaining({createIfNotExists: expect.anything()}), expect.objectContaining({patch: expect.anything()})]})])
  })

  it('publishes the draft (revisions checked) and deletes it; unpublishes into a draft kept or made', async () => {
    const published = await apply({actionType: 'sanity.action.document.publish', draftId: 'drafts.c1', publishedId: 'c1', ifDraftRevisionId: 'r-d1', ifPublishedRevisionId: 'r-c1'})
    expect(published.documents.find((document) => document._id === 'c1')).toMatchObject({text: 'Pregnancy or breastfeeding', _rev: 'tx'})
    expect(published.documents.some((document) => document._id === 'drafts.c1')).toBe(false)
    expect(await ids({actionType: 'sanity.action.document.unpublish', draftId: 'drafts.c2', publishedId: 'c2'})).toEqual(['c1', 'drafts.c1', 'drafts.c2', 'versions.r1.c2'])
    const kept = await apply({actionType: 'sanity.action.document.unpublish', draftId: 'drafts.c1', publishedId: 'c1'})
    expect(kept.documents.find((document) => document._id === 'drafts.c1')!.text).toBe('Pregnancy or breastfeeding')
    expect(kept.documents.some((document) => document._id === 'c1')).toBe(false)
  })

  it('publishing makes a reference to a document now published strong, or drops only the marker when the schema keeps it weak', async () => {
    const reference = (weak: boolean) => ({_key: 'k', _ref: 'c2', _weak: true, _strengthenOnPublish: {type: 'contraindication', ...(weak ? {weak: true} : {})}})
    const draft = {_id: 'drafts.t', _type: 'treatment', _rev: 'r', _createdAt: now, _updatedAt: now, contraindications: [reference(false), reference(true), {_key: 'm', _ref: 'later', _weak: true, _strengthenOnPublish: {type: 'contraindication'}}]}
    const documents = [...dataset, draft]
    const outcome = await applyActions(documents, new Map(documents.map((document) => [document._id, document])), [{actionType: 'sanity.action.document.publish', draftId: 'drafts.t', publishedId: 't'}], context)
    expect(outcome.documents.find((document) => document._id === 't')!.contraindications).toEqual([
      {_key: 'k', _ref: 'c2'},
      {_key: 'k', _ref: 'c2', _weak: true},
      {_key: 'm', _ref: 'later', _weak: true, _strengthenOnPublish: {type: 'contraindication'}},
    ])
  })

  it('deletes the published document with the drafts named, discards drafts and versions, creates and replaces versions', async () => {
    expect(await ids({actionType: 'sanity.action.document.delete', publishedId: 'c1', includeDrafts: ['drafts.c1', 'drafts.none']})).toEqual(['c2', 'versions.r1.c2'])
    expect(await ids({actionType: 'sanity.action.document.delete', publishedId: 'c2'})).toEqual(['c1', 'drafts.c1', 'versions.r1.c2'])
    expect(await ids({actionType: 'sanity.action.document.discard', draftId: 'drafts.c1'})).toEqual(['c1', 'c2', 'versions.r1.c2'])
    expect(await ids({actionType: 'sanity.action.document.version.discard', versionId: 'versions.r1.c2'})).toEqual(['c1', 'c2', 'drafts.c1'])
    const fromBase = await apply({actionType: 'sanity.action.document.version.create', publishedId: 'c1', baseId: 'c1', versionId: 'versions.r1.c1', ifBaseRevisionId: 'r-c1'})
    expect(fromBase.documents.find((document) => document._id === 'versions.r1.c1')).toMatchObject({text: 'Pregnancy', _rev: 'tx'})
    const given = await apply({actionType: 'sanity.action.document.version.create', publishedId: 'c1', document: {_id: 'versions.r2.c1', _type: 'contraindication', text: 'Given'}})
    expect(given.documents.find((document) => document._id === 'versions.r2.c1')!.text).toBe('Given')
    const replaced = await apply({actionType: 'sanity.action.document.version.replace', document: {_id: 'versions.r1.c2', _type: 'contraindication', text: 'Replaced'}})
    expect(replaced.documents.find((document) => document._id === 'versions.r1.c2')!.text).toBe('Replaced')
  })

  it('reports no change for a draft created and discarded in one request, and nothing changed when every action is ignored', async () => {
    const outcome = await apply(create, {actionType: 'sanity.action.document.discard', draftId: 'drafts.c3'})
    expect(outcome.changes).toEqual([])
    const ignored = await apply({...create, publishedId: 'c1', ifExists: 'ignore'})
    expect(ignored).toEqual({documents: dataset, changed: false, changes: []})
  })

  it('lists each change once, with every mutation of the request that made it', async () => {
    const edit = (text: string) => ({actionType: 'sanity.action.document.edit', draftId: 'drafts.c1', publishedId: 'c1', patch: {set: {text}}})
    const outcome = await apply(edit('One'), edit('Two'))
    expect(outcome.changes).toEqual([{id: 'drafts.c1', before: dataset[1], after: expect.objectContaining({text: 'Two'}), mutations: [{patch: {set: {text: 'One'}, id: 'drafts.c1'}}, {patch: {set: {text: 'Two'}, id: 'drafts.c1'}}]}])
    expect(ACTION_TYPES).toContain('sanity.action.document.version.replace')
  })

  it('refuses a published revision check when nothing is published, naming the missing document', async () => {
    const result = await refused(apply(create, {actionType: 'sanity.action.document.publish', draftId: 'drafts.c3', publishedId: 'c3', ifPublishedRevisionId: 'r-x'}))
    expect(result).toMatchObject({status: 409, index: 1, type: 'documentRevisionIDDoesNotMatchError'})
    expect(result.message).toBe('The action at index 1 failed: Published document "(missing)" has revision "", expected "r-x"')
  })

  it('edits a draft that was never published', async () => {
    const outcome = await apply(create, {actionType: 'sanity.action.document.edit', draftId: 'drafts.c3', publishedId: 'c3', patch: {set: {text: 'Asthma, severe'}}})
    expect(outcome.documents.find((document) => document._id === 'drafts.c3')!.text).toBe('Asthma, severe')
  })

  it('refuses a version id that is no string with 400, and a version that exists with its own message', async () => {
    const versionCreate = await refused(apply({actionType: 'sanity.action.document.version.create', publishedId: 'c1', document: {_id: 5}}))
    expect(versionCreate).toMatchObject({status: 400, message: 'Malformed action at index 0: version.create "document._id" must be a version id (versions.<release>.<id>), got number 5'})
    expect(await refused(apply({actionType: 'sanity.action.document.version.replace', document: {_id: 5}}))).toMatchObject({status: 400, type: 'invalidActionError'})
    for (const action of [
      {actionType: 'sanity.action.document.version.create', publishedId: 'c2', document: {_id: 'versions.r1.c2', _type: 'contraindication'}},
      {actionType: 'sanity.action.document.version.create', publishedId: 'c2', baseId: 'c2', versionId: 'versions.r1.c2'},
    ]) {
      expect((await refused(apply(action))).message).toBe('The action at index 0 failed: Document "versions.r1.c2" already exists')
    }
  })

  it('reports an edit whose patch is malformed as the action’s error, with the mutation error’s type', async () => {
    const result = await refused(apply({actionType: 'sanity.action.document.edit', draftId: 'drafts.c1', publishedId: 'c1', patch: {set: 'text'}}))
    expect(result).toMatchObject({status: 400, index: 0})
    expect(result.message).toMatch(/^The action at index 0 failed: /)
    expect(result.type).toEqual(expect.any(String))
  })

  it('passes on an error that is no API error as it is', async () => {
    const broken = {_id: 'drafts.b', _type: 'note', _rev: 'r', _createdAt: now, _updatedAt: now} as DatasetDocument
    Object.defineProperty(broken, 'text', {enumerable: true, get: () => {
      throw new RangeError('unreadable field')
    }})
    const outcome = applyActions([broken], new Map([['drafts.b', broken]]), [{actionType: 'sanity.action.document.edit', draftId: 'drafts.b', publishedId: 'b', patch: {set: {note: 'x'}}}], context)
    await expect(outcome).rejects.toThrow(new RangeError('unreadable field'))
  })

  it('publishes null values as they are, and keeps a reference weak that carries no marker', async () => {
    const draft = {_id: 'drafts.t', _type: 'treatment', _rev: 'r', _createdAt: now, _updatedAt: now, note: null, contraindications: [{_key: 'w', _ref: 'c2', _weak: true}]}
    const documents = [...dataset, draft]
    const outcome = await applyActions(documents, new Map(documents.map((document) => [document._id, document])), [{actionType: 'sanity.action.document.publish', draftId: 'drafts.t', publishedId: 't'}], context)
    expect(outcome.documents.find((document) => document._id === 't')).toMatchObject({note: null, contraindications: [{_key: 'w', _ref: 'c2', _weak: true}]})
  })
})
