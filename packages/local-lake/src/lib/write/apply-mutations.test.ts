import type {DatasetDocument} from '@treatments/content/dataset'
import {describe, expect, it} from 'vitest'

import {ApiError} from '../api-error.ts'
import {applyMutations} from './apply-mutations.ts'
import {parseMutations} from './parse-mutations.ts'
import {MAX_DOCUMENT_DEPTH} from './storable-value.ts'

// Mutations applied in process to a small dataset: what each writes and reports, and the typed
// error (status, `items[0].index`, error type, details) for each way it can fail.

const now = '2026-12-06T12:00:00Z'
const earlier = '2026-01-01T00:00:00Z'
const dataset: DatasetDocument[] = [
  {_id: 'c1', _type: 'contraindication', _rev: 'r-c1', _createdAt: earlier, _updatedAt: earlier, text: 'Pregnancy'},
  {_id: 't1', _type: 'treatment', _rev: 'r-t1', _createdAt: earlier, _updatedAt: earlier, contraindications: [{_key: 'k', _ref: 'c1'}]},
]
const select = async (query: string) => {
  if (query === 'broken') throw new ApiError(400, 'queryParseError', 'expected an expression')
  if (query === 'crash') throw new TypeError('not an API error')
  return ['c1', 'missing']
}
const apply = (...mutations: unknown[]) =>
  applyMutations(dataset, new Map(dataset.map((document) => [document._id, document])), parseMutations(mutations), {transactionId: 'tx', now, select})

async function refused(promise: Promise<unknown>) {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  )
  expect(error).toBeInstanceOf(ApiError)
  const {statusCode, body} = error as ApiError
  expect(body.error.type).toBe('mutationError')
  return {status: statusCode, description: body.error.description, item: (body.error.items as unknown[])[0]}
}

describe('applyMutations', () => {
  it('reports what each mutation did, and each changed document with the mutations that changed it, once each', async () => {
    const outcome = await apply(
      {createIfNotExists: {_id: 'c1', _type: 'contraindication', text: 'ignored'}},
      {createOrReplace: {_id: 'c2', _type: 'contraindication', text: 'Diabetes'}},
      {patch: {id: 'c2', set: {text: 'Type 2 diabetes'}}},
      {createOrReplace: {_id: 'c1', _type: 'contraindication', text: 'Pregnancy or breastfeeding'}},
      {patch: {id: 'c2', set: {note: 'x'}}},
    )
    expect(outcome.results.map((result) => `${result.operation} ${result.id}`)).toEqual(['none c1', 'create c2', 'update c2', 'update c1', 'update c2'])
    expect(outcome.changes.map((change) => [change.id, change.mutationIndexes])).toEqual([
      ['c2', [1, 2, 4]],
      ['c1', [3]],
    ])
    // createOrReplace keeps the creation time of a document of the same type, not of another.
    expect(outcome.documents.find((document) => document._id === 'c1')).toMatchObject({_createdAt: earlier, _updatedAt: now, _rev: 'tx'})
    expect(outcome.documents.find((document) => document._id === 'c2')).toMatchObject({_createdAt: now})
    const retyped = await apply({createOrReplace: {_id: 'c1', _type: 'sideEffect', text: 'Bruising'}})
    expect(retyped.documents.find((document) => document._id === 'c1')!._createdAt).toBe(now)
    const given = await apply({createOrReplace: {_id: 'c3', _type: 'contraindication', _createdAt: earlier}})
    expect(given.documents.find((document) => document._id === 'c3')!._createdAt).toBe(earlier)
  })

  it('changes nothing for a document created and deleted again, or a delete of nothing', async () => {
    const outcome = await apply({create: {_id: 'c2', _type: 'contraindication'}}, {delete: {id: 'c2'}}, {delete: {id: 'missing'}})
    expect(outcome.changes).toEqual([])
    expect(outcome.results.map((result) => `${result.operation} ${result.id}`)).toEqual(['create c2', 'delete c2'])
  })

  it('refuses to delete a document still referenced, naming the mutation that deleted it, unless it is created again', async () => {
    const refusal = await refused(apply({patch: {id: 'c1', set: {text: 'x'}}}, {delete: {id: 'c1'}}))
    expect(refusal).toMatchObject({status: 409, item: {index: 1, error: {type: 'documentHasReferencesError', id: 'c1', referencedBy: ['t1']}}})
    const recreated = await apply({delete: {id: 'c1'}}, {create: {_id: 'c1', _type: 'contraindication', text: 'Back'}})
    expect(recreated.documents.find((document) => document._id === 'c1')!.text).toBe('Back')
    expect((await apply({delete: {id: 't1'}}, {delete: {id: 'c1'}})).documents).toEqual([])
  })

  it('refuses a reference to a missing document, naming the last mutation of the document', async () => {
    const refusal = await refused(apply({create: {_id: 't2', _type: 'treatment'}}, {patch: {id: 't2', set: {contraindications: [{_key: 'k', _ref: 'gone'}]}}}))
    expect(refusal).toMatchObject({status: 409, item: {index: 1, error: {type: 'documentReferenceIntegrityError', id: 't2', referenceId: 'gone'}}})
  })

  it('refuses a patch of a missing document or an old revision, with the facts', async () => {
    expect(await refused(apply({patch: {id: 'missing', set: {a: 1}}}))).toMatchObject({
      status: 409,
      item: {index: 0, error: {type: 'documentNotFoundError', id: 'missing', description: 'The document with the ID "missing" was not found'}},
    })
    expect(await refused(apply({create: {_id: 'n', _type: 'note'}}, {patch: {query: '*', set: {a: 1}}}))).toMatchObject({status: 409, item: {index: 1, error: {id: 'missing'}}})
    const stale = await refused(apply({patch: {id: 'c1', ifRevisionID: 'old', set: {a: 1}}}))
    expect(stale).toMatchObject({status: 409, item: {error: {type: 'documentRevisionIDDoesNotMatchError', currentRevisionID: 'r-c1', expectedRevisionID: 'old'}}})
    expect(stale.description).toBe('The mutation(s) failed: Document "c1" has unexpected revision ID ("r-c1"), expected "old"')
  })

  it('refuses a patch that cannot apply (400) or whose text no longer lands (409), and one that removes _type', async () => {
    expect(await refused(apply({patch: {id: 'c1', inc: {text: 1}}}))).toMatchObject({status: 400, item: {index: 0, error: {type: 'invalidPatchError', id: 'c1'}}})
    expect(await refused(apply({patch: {id: 'c1', diffMatchPatch: {text: '@@ -1,5 +1,5 @@\n-Other\n+Other\n'}}}))).toMatchObject({status: 409, item: {error: {type: 'conflictError', id: 'c1'}}})
    for (const patch of [{unset: ['_type']}, {set: {_type: ''}}, {set: {_type: 3}}]) {
      const refusal = await refused(apply({patch: {id: 'c1', ...patch}}))
      expect(refusal).toMatchObject({status: 400, item: {index: 0, error: {type: 'invalidPatchError', id: 'c1'}}})
      expect(refusal.description).toBe('The mutation(s) failed: Cannot patch document "c1": "_type" must stay a non-empty string')
    }
  })

  it('reports a selection query that fails as the mutation’s error, and passes other failures on', async () => {
    expect(await refused(apply({delete: {query: 'broken'}}))).toMatchObject({status: 400, item: {index: 0, error: {type: 'invalidQueryError', description: 'Mutation query failed: expected an expression'}}})
    await expect(apply({delete: {query: 'crash'}})).rejects.toThrow(TypeError)
  })

  it('names the first delete of a referenced document deleted, created and deleted again', async () => {
    const refusal = await refused(apply({delete: {id: 'c1'}}, {create: {_id: 'c1', _type: 'contraindication'}}, {delete: {id: 'c1'}}))
    expect(refusal).toMatchObject({status: 409, item: {index: 0, error: {type: 'documentHasReferencesError', id: 'c1'}}})
  })

  it('names the last of three mutations of a document that references a missing one', async () => {
    const refusal = await refused(
      apply({create: {_id: 't2', _type: 'treatment'}}, {patch: {id: 't2', set: {note: 'a'}}}, {patch: {id: 't2', set: {contraindications: [{_key: 'k', _ref: 'gone'}]}}}),
    )
    expect(refusal).toMatchObject({status: 409, item: {index: 2, error: {type: 'documentReferenceIntegrityError', id: 't2'}}})
  })

  it('lists a mutation once for a document its query selects twice', async () => {
    const twice = async () => ['c1', 'c1']
    const outcome = await applyMutations(dataset, new Map(dataset.map((document) => [document._id, document])), parseMutations([{patch: {query: '*', set: {note: 'x'}}}]), {transactionId: 'tx', now, select: twice})
    expect(outcome.changes.map((change) => [change.id, change.mutationIndexes])).toEqual([['c1', [0]]])
  })

  it('refuses a revision check on a document that has no revision, and a document nested too deep', async () => {
    const unrevised: DatasetDocument[] = [{_id: 'n', _type: 'note'} as DatasetDocument]
    const error = await refused(
      applyMutations(unrevised, new Map([['n', unrevised[0]!]]), parseMutations([{patch: {id: 'n', ifRevisionID: 'r1', set: {a: 1}}}]), {transactionId: 'tx', now, select}),
    )
    expect(error.description).toBe('The mutation(s) failed: Document "n" has unexpected revision ID (""), expected "r1"')
    let deep: Record<string, unknown> = {}
    for (let level = 0; level < MAX_DOCUMENT_DEPTH; level++) deep = {deeper: deep}
    const tooDeep = await applyMutations(dataset, new Map(dataset.map((document) => [document._id, document])), parseMutations([{patch: {id: 'c1', set: {nested: deep}}}]), {transactionId: 'tx', now, select}).catch((caught: unknown) => caught)
    expect(tooDeep).toBeInstanceOf(ApiError)
    expect((tooDeep as ApiError).statusCode).toBe(400)
    expect((tooDeep as ApiError).body.error.items).toEqual([{error: expect.objectContaining({id: 'c1', type: 'invalidDocumentError'})}])
  })

  it('passes on an error that is not a patch error as it is', async () => {
    const broken = {_id: 'b', _type: 'note', _rev: 'r'} as DatasetDocument
    Object.defineProperty(broken, 'text', {enumerable: true, get: () => {
      throw new RangeError('unreadable field')
    }})
    const outcome = applyMutations([broken], new Map([['b', broken]]), parseMutations([{patch: {id: 'b', set: {note: 'x'}}}]), {transactionId: 'tx', now, select})
    await expect(outcome).rejects.toThrow(new RangeError('unreadable field'))
  })
})
