import {writeFile} from 'node:fs/promises'

import {ClientError, ServerError} from '@sanity/client'
import {afterEach, describe, expect, it} from 'vitest'

import {type LakeFixture, startLakeFixture} from '../../test-support/lake-fixture.ts'
import {writeFileAtomically} from '@treatments/content/dataset'

let fixture: LakeFixture
afterEach(async () => {
  await fixture.close()
})

async function start(options: Parameters<typeof startLakeFixture>[0] = {}) {
  fixture = await startLakeFixture(options)
  return fixture
}

function idsOf(documents: Array<{_id: string}>): string[] {
  return documents.map((document) => document._id)
}

async function postMutations(body: unknown): Promise<{status: number; body: unknown}> {
  return postJsonText(JSON.stringify(body))
}

/** Posts a mutate body as given, so it can hold keys such as "__proto__" that object literals cannot. */
async function postJsonText(text: string): Promise<{status: number; body: unknown}> {
  const response = await fetch(`${fixture.lake.url}/v2025-02-19/data/mutate/production?returnIds=true`, {
    method: 'POST',
    headers: {'Content-Type': 'application/json', ...fixture.auth},
    body: text,
  })
  return {status: response.status, body: await response.json()}
}

/** The 400 a malformed mutation gets, in Sanity's shape. */
function malformed(index: number, problem: string) {
  return {
    status: 400,
    body: {
      error: {
        type: 'mutationError',
        description: `Malformed mutation at index ${index}: ${problem}`,
        items: [{index, error: {type: 'invalidMutationError', description: problem}}],
      },
    },
  }
}

describe('mutations through @sanity/client', () => {
  it('create stores a new document with system fields, appends it to the file and returns it', async () => {
    const {client, readDocuments} = await start()
    const before = await readDocuments()
    const created = await client.create({_id: 'treatment-laser', _type: 'treatment', title: {en: 'Laser'}})
    expect(created).toMatchObject({_id: 'treatment-laser', _type: 'treatment', title: {en: 'Laser'}})
    expect(created._rev).toEqual(expect.any(String))
    expect(Date.parse(created._createdAt)).not.toBeNaN()
    expect(created._updatedAt).toBe(created._createdAt)

    const after = await readDocuments()
    expect(idsOf(after)).toEqual([...idsOf(before), 'treatment-laser'])
    expect(after.at(-1)).toEqual(created)
    expect(await client.getDocument('treatment-laser')).toEqual(created)
  })

  it('create without _id generates one, and an _id ending in "." is used as a prefix', async () => {
    const {client} = await start()
    const generated = await client.create({_type: 'clinic', name: 'Hamburg'})
    expect(generated._id).toMatch(/^[A-Za-z0-9]{22}$/)
    const draft = await client.create({_id: 'drafts.', _type: 'clinic', name: 'Munich'})
    expect(draft._id).toMatch(/^drafts\.[A-Za-z0-9]{22}$/)
  })

  it('create of an existing id fails with 409 and changes nothing', async () => {
    const {client, readText} = await start()
    const bytes = await readText()
    const error = await client.create({_id: 'clinic-berlin', _type: 'clinic'}).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(ClientError)
    expect(error).toMatchObject({statusCode: 409})
    expect((error as Error).message).toContain('Document by ID "clinic-berlin" already exists')
    expect(await readText()).toBe(bytes)
  })

  it('createOrReplace replaces an existing document in place, keeping its _createdAt', async () => {
    const {client, readDocuments} = await start()
    const before = await readDocuments()
    const replaced = await client.createOrReplace({_id: 'clinic-berlin', _type: 'clinic', name: 'Berlin West'})
    expect(replaced).toMatchObject({_id: 'clinic-berlin', name: 'Berlin West', _createdAt: '2025-01-01T09:00:00Z'})
    expect(replaced).not.toHaveProperty('visits')
    const after = await readDocuments()
    expect(idsOf(after)).toEqual(idsOf(before))
    expect(after.find((document) => document._id === 'clinic-berlin')).toEqual(replaced)
  })

  it('createIfNotExists creates a missing document and leaves an existing one alone', async () => {
    const {client, readDocuments} = await start()
    await client.createIfNotExists({_id: 'clinic-berlin', _type: 'clinic', name: 'ignored'})
    await client.createIfNotExists({_id: 'clinic-hamburg', _type: 'clinic', name: 'Hamburg'})
    const after = await readDocuments()
    expect(after.find((document) => document._id === 'clinic-berlin')).toMatchObject({name: 'Berlin Mitte', _rev: 'rev-clinic-1'})
    expect(after.at(-1)).toMatchObject({_id: 'clinic-hamburg', name: 'Hamburg'})
  })

  it('patch set, unset and inc change the document on disk and bump _rev and _updatedAt', async () => {
    const {client, readDocuments} = await start()
    const patched = await client
      .patch('treatment-botox')
      .set({'title.fr': 'Botox', priceFrom: 260})
      .unset(['tags[_key=="t1"]', 'slug'])
      .inc({priceFrom: 15})
      .commit()
    expect(patched).toMatchObject({title: {en: 'Botox', de: 'Botox', fr: 'Botox'}, priceFrom: 275, tags: [{_key: 't2', label: 'forehead'}]})
    expect(patched).not.toHaveProperty('slug')
    expect(patched._rev).not.toBe('rev-botox-1')
    expect(patched._updatedAt).not.toBe('2025-01-10T09:00:00Z')
    expect(patched._createdAt).toBe('2025-01-10T09:00:00Z')
    const onDisk = (await readDocuments()).find((document) => document._id === 'treatment-botox')
    expect(onDisk).toEqual(patched)
  })

  it('patch append and setIfMissing work together, as the client builds them', async () => {
    const {client} = await start()
    const patched = await client
      .patch('clinic-berlin')
      .setIfMissing({rooms: []})
      .append('rooms', [{_key: 'r1', name: 'Room 1'}])
      .commit()
    expect(patched.rooms).toEqual([{_key: 'r1', name: 'Room 1'}])
  })

  it('patch with ifRevisionID fails with 409 when the revision moved on', async () => {
    const {client} = await start()
    const error = await client.patch('clinic-berlin').ifRevisionId('stale').set({name: 'x'}).commit().catch((caught: unknown) => caught)
    expect(error).toMatchObject({statusCode: 409})
    expect((error as Error).message).toContain('Document "clinic-berlin" has unexpected revision ID ("rev-clinic-1"), expected "stale"')
    await expect(client.patch('clinic-berlin').ifRevisionId('rev-clinic-1').set({name: 'y'}).commit()).resolves.toMatchObject({name: 'y'})
  })

  it('delete removes the document from memory and disk', async () => {
    const {client, readDocuments} = await start()
    const result = await client.delete('treatment-fillers')
    expect(result).toMatchObject({results: [{id: 'treatment-fillers', operation: 'delete'}]})
    expect(await client.getDocument('treatment-fillers')).toBeUndefined()
    expect(idsOf(await readDocuments())).not.toContain('treatment-fillers')
  })

  it('delete and patch by GROQ query affect every matching document', async () => {
    const {client, readDocuments} = await start()
    await client.patch({query: '*[_type == "treatment"]'}).set({reviewed: true}).commit()
    await client.delete({query: '*[_id in path("drafts.**")]'})
    const after = await readDocuments()
    expect(idsOf(after)).toEqual(['treatment-botox', 'treatment-fillers', 'clinic-berlin'])
    expect(after.filter((document) => document.reviewed === true).map((document) => document._id)).toEqual(['treatment-botox', 'treatment-fillers'])
  })

  it('a transaction answers with the transaction id and one result per mutation', async () => {
    const {client} = await start()
    const result = await client
      .transaction()
      .create({_id: 'a', _type: 'x'})
      .patch('a', (patch) => patch.set({n: 1}))
      .createIfNotExists({_id: 'clinic-berlin', _type: 'clinic'})
      .delete('a')
      .commit()
    expect(result.transactionId).toEqual(expect.any(String))
    expect(result.results).toEqual([
      {id: 'a', operation: 'create'},
      {id: 'a', operation: 'update'},
      {id: 'clinic-berlin', operation: 'none'},
      {id: 'a', operation: 'delete'},
    ])
  })

  it('dryRun answers as if applied but changes nothing', async () => {
    const {lake, client, readText} = await start()
    const bytes = await readText()
    const response = await fetch(`${lake.url}/vX/data/mutate/production?dryRun=true&returnDocuments=true`, {
      method: 'POST',
      headers: {'Content-Type': 'application/json', Authorization: `Bearer ${lake.token}`},
      body: JSON.stringify({mutations: [{create: {_id: 'dry', _type: 'x'}}]}),
    })
    expect(await response.json()).toMatchObject({results: [{id: 'dry', operation: 'create', document: {_id: 'dry'}}]})
    expect(await client.getDocument('dry')).toBeUndefined()
    expect(await readText()).toBe(bytes)
  })
})

describe('transactions are all or nothing', () => {
  it('when the 2nd mutation creates an existing id, the 1st is not applied: 409, same file bytes, no partial change', async () => {
    const {client, readText} = await start()
    const bytes = await readText()
    const error = await client
      .transaction()
      .create({_id: 'treatment-new', _type: 'treatment'})
      .create({_id: 'treatment-botox', _type: 'treatment'})
      .commit()
      .catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(ClientError)
    expect(error).toMatchObject({statusCode: 409, details: {type: 'mutationError', items: [{index: 1, error: {type: 'documentAlreadyExistsError', id: 'treatment-botox'}}]}})
    expect(await readText()).toBe(bytes)
    expect(await client.getDocument('treatment-new')).toBeUndefined()
    expect(await client.fetch('count(*[_id == "treatment-new"])', {}, {perspective: 'raw'})).toBe(0)
  })

  it('when the 2nd mutation patches a missing document, the 1st patch is not applied', async () => {
    const {client, readText} = await start()
    const bytes = await readText()
    const error = await client
      .transaction()
      .patch('clinic-berlin', (patch) => patch.inc({visits: 5}))
      .patch('no-such-clinic', (patch) => patch.set({name: 'x'}))
      .commit()
      .catch((caught: unknown) => caught)
    expect(error).toMatchObject({statusCode: 409})
    expect((error as Error).message).toContain('The document with the ID "no-such-clinic" was not found')
    expect(await readText()).toBe(bytes)
    expect(await client.fetch('*[_id == "clinic-berlin"][0].visits')).toBe(0)
  })

  it('a malformed mutation anywhere rejects the transaction with 400 naming its index', async () => {
    const {readText} = await start()
    const bytes = await readText()
    const response = await postMutations({mutations: [{create: {_id: 'ok', _type: 'x'}}, {patch: {set: {a: 1}}}]})
    expect(response.status).toBe(400)
    expect(response.body).toEqual({
      error: {
        type: 'mutationError',
        description: 'Malformed mutation at index 1: patch is missing "id" (or "query") saying which documents to patch',
        items: [{index: 1, error: {type: 'invalidMutationError', description: 'patch is missing "id" (or "query") saying which documents to patch'}}],
      },
    })
    expect(await readText()).toBe(bytes)
  })

  it('an unknown mutation type is a 400 the client reports with the index and the problem', async () => {
    const {client} = await start()
    const error = await client.mutate([{bogus: {}} as never]).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(ClientError)
    expect(error).toMatchObject({statusCode: 400})
    expect((error as Error).message).toContain(
      'Malformed mutation at index 0: unknown mutation type "bogus"; expected one of create, createOrReplace, createIfNotExists, patch, delete',
    )
  })

  it('rejects other malformed bodies with descriptive 400s', async () => {
    await start()
    expect(await postMutations({})).toMatchObject({status: 400, body: {error: {description: 'Request body must have "mutations": a non-empty array of mutations (got nothing)'}}})
    expect(await postMutations({mutations: [{create: {_id: 'x'}}]})).toMatchObject({
      status: 400,
      body: {error: {description: 'Malformed mutation at index 0: create document "x" must have a non-empty string "_type", got nothing'}},
    })
    expect(await postMutations({mutations: [{createOrReplace: {_type: 'x'}}]})).toMatchObject({
      status: 400,
      body: {error: {description: 'Malformed mutation at index 0: createOrReplace requires the document to have an "_id"'}},
    })
    expect(await postMutations({mutations: [{patch: {id: 'clinic-berlin', inc: {visits: 'one'}}}]})).toMatchObject({
      status: 400,
      body: {error: {description: 'Malformed mutation at index 0: patch inc "visits" must be a number, got the string "one"'}},
    })
    expect(await postMutations({mutations: [{patch: {id: 'clinic-berlin', set: {_id: 'other'}}}]})).toMatchObject({
      status: 400,
      body: {error: {description: 'Malformed mutation at index 0: patch set may not change "_id"'}},
    })
    const notJson = await fetch(`${fixture.lake.url}/vX/data/mutate/production`, {
      method: 'POST',
      headers: {'Content-Type': 'application/json', ...fixture.auth},
      body: '{mutations',
    })
    expect(notJson.status).toBe(400)
    expect(await notJson.json()).toMatchObject({error: {type: 'httpBadRequest', description: expect.stringMatching(/^Request body is not valid JSON/)}})
  })

  it('an inc on a non-number is a 400 and changes nothing', async () => {
    const {client, readText} = await start()
    const bytes = await readText()
    const error = await client.patch('clinic-berlin').inc({name: 1}).commit().catch((caught: unknown) => caught)
    expect(error).toMatchObject({statusCode: 400})
    expect((error as Error).message).toContain('cannot increment "name": its value is string, not a number')
    expect(await readText()).toBe(bytes)
  })
})

describe('persistence', () => {
  it('when writing the file fails, the client gets a 500, the file is byte-identical and memory is unchanged', async () => {
    let failNext = true
    const {client, file, readText} = await start({
      writeFile: async (target, contents) => {
        if (failNext) {
          failNext = false
          await writeFile(`${target}.partial`, contents.slice(0, 20)) // a torn write that never reaches the file
          throw Object.assign(new Error('ENOSPC: no space left on device, write'), {code: 'ENOSPC'})
        }
        await writeFileAtomically(target, contents)
      },
    })
    const bytes = await readText()
    const error = await client.patch('clinic-berlin').set({name: 'Lost'}).commit().catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(ServerError)
    expect(error).toMatchObject({statusCode: 500})
    expect((error as Error).message).toBe(
      `Could not write dataset "production" to ${file}: ENOSPC: no space left on device, write; no changes were applied`,
    )
    expect(await readText()).toBe(bytes)
    expect(await client.fetch('*[_id == "clinic-berlin"][0].name')).toBe('Berlin Mitte')

    // The lake keeps working once the disk recovers.
    await client.patch('clinic-berlin').set({name: 'Saved'}).commit()
    expect(await readText()).toContain('"name":"Saved"')
  })

  it('serializes concurrent mutations: 20 parallel inc patches count to 20, on disk too', async () => {
    let writing = 0
    let mostAtOnce = 0
    const {client, readDocuments} = await start({
      writeFile: async (target, contents) => {
        writing++
        mostAtOnce = Math.max(mostAtOnce, writing)
        await new Promise((resolve) => setTimeout(resolve, 2))
        await writeFileAtomically(target, contents)
        writing--
      },
    })
    await Promise.all(Array.from({length: 20}, () => client.patch('clinic-berlin').inc({visits: 1}).commit()))
    expect(mostAtOnce).toBe(1)
    expect(await client.fetch('*[_id == "clinic-berlin"][0].visits')).toBe(20)
    expect((await readDocuments()).find((document) => document._id === 'clinic-berlin')?.visits).toBe(20)
  })

  it('inMemory applies mutations without ever writing the file', async () => {
    const {client, readText} = await start({inMemory: true})
    const bytes = await readText()
    await client.create({_id: 'memory-only', _type: 'x'})
    expect(await client.getDocument('memory-only')).toMatchObject({_id: 'memory-only'})
    expect(await readText()).toBe(bytes)
  })

  it('readOnly rejects mutations with 403 and keeps answering queries', async () => {
    const {client, readText} = await start({readOnly: true})
    const bytes = await readText()
    const error = await client.create({_id: 'nope', _type: 'x'}).catch((caught: unknown) => caught)
    expect(error).toMatchObject({statusCode: 403})
    expect((error as Error).message).toContain('Dataset "production" is read-only')
    expect(await client.fetch('count(*)')).toBe(3)
    expect(await readText()).toBe(bytes)
  })
})

describe('patch paths and document keys cannot reach object prototypes', () => {
  afterEach(() => {
    // Undo a pollution a failing run may have caused, so it cannot leak into other tests.
    delete (Object.prototype as Record<string, unknown>).polluted
  })

  const reserved = (path: string, name: string) =>
    `path "${path}" may not contain "${name}" (__proto__, constructor and prototype are reserved)`

  it('refuses set {"__proto__.polluted": "yes"} with 400 naming the index and path; nothing is polluted or written', async () => {
    const {client, readText} = await start()
    const bytes = await readText()
    const response = await postMutations({
      mutations: [{patch: {id: 'clinic-berlin', set: {name: 'Changed'}}}, {patch: {id: 'clinic-berlin', set: {'__proto__.polluted': 'yes'}}}],
    })
    expect(response).toEqual(malformed(1, `patch set: ${reserved('__proto__.polluted', '__proto__')}`))
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(await readText()).toBe(bytes)
    expect(await client.fetch('*[_id == "clinic-berlin"][0].name')).toBe('Berlin Mitte')
  })

  it('refuses reserved path segments in every patch operation', async () => {
    const {readText} = await start()
    const bytes = await readText()
    const patch = (operations: Record<string, unknown>) => postMutations({mutations: [{patch: {id: 'clinic-berlin', ...operations}}]})
    expect(await patch({set: {'constructor.prototype.polluted': 'yes'}})).toEqual(
      malformed(0, `patch set: ${reserved('constructor.prototype.polluted', 'constructor')}`),
    )
    expect(await patch({setIfMissing: {'__proto__.polluted': 'yes'}})).toEqual(
      malformed(0, `patch setIfMissing: ${reserved('__proto__.polluted', '__proto__')}`),
    )
    expect(await patch({unset: ['prototype']})).toEqual(malformed(0, `patch unset: ${reserved('prototype', 'prototype')}`))
    expect(await patch({inc: {'__proto__.visits': 1}})).toEqual(malformed(0, `patch inc: ${reserved('__proto__.visits', '__proto__')}`))
    expect(await patch({dec: {'constructor.visits': 1}})).toEqual(malformed(0, `patch dec: ${reserved('constructor.visits', 'constructor')}`))
    expect(await patch({insert: {after: '__proto__.rooms[-1]', items: [1]}})).toEqual(
      malformed(0, `patch insert: ${reserved('__proto__.rooms[-1]', '__proto__')}`),
    )
    expect(await patch({set: {'rooms[constructor=="x"].name': 'y'}})).toEqual(
      malformed(0, `patch set: ${reserved('rooms[constructor=="x"].name', 'constructor')}`),
    )
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(await readText()).toBe(bytes)
  })

  it('refuses "__proto__" keys inside documents and patch values, at any depth', async () => {
    const {client, readText} = await start()
    const bytes = await readText()
    expect(await postJsonText('{"mutations":[{"create":{"_id":"evil","_type":"x","__proto__":{"polluted":"yes"}}}]}')).toEqual(
      malformed(0, 'create document "evil" has a key named "__proto__" (at "__proto__"), which is not allowed'),
    )
    expect(
      await postJsonText('{"mutations":[{"createOrReplace":{"_id":"clinic-berlin","_type":"clinic","rooms":[{"__proto__":{"polluted":"yes"}}]}}]}'),
    ).toEqual(malformed(0, 'createOrReplace document "clinic-berlin" has a key named "__proto__" (at "rooms[0].__proto__"), which is not allowed'))
    expect(await postJsonText('{"mutations":[{"patch":{"id":"clinic-berlin","set":{"meta":{"a":{"__proto__":{"polluted":"yes"}}}}}}]}')).toEqual(
      malformed(0, 'patch set "meta": the value has a key named "__proto__" (at "meta.a.__proto__"), which is not allowed'),
    )
    expect(
      await postJsonText('{"mutations":[{"patch":{"id":"clinic-berlin","insert":{"after":"rooms[-1]","items":[{"__proto__":{}}]}}}]}'),
    ).toEqual(malformed(0, 'patch insert "rooms[-1]": the items have a key named "__proto__" (at "items[0].__proto__"), which is not allowed'))
    expect(await readText()).toBe(bytes)
    expect(await client.getDocument('evil')).toBeUndefined()
    // Other names that exist on Object.prototype are ordinary fields.
    const created = await client.create({_id: 'plain', _type: 'x', constructor: 'c', prototype: {toString: 's'}})
    expect(created).toMatchObject({constructor: 'c', prototype: {toString: 's'}})
  })
})

const REFERENCES_DATASET = [
  {_id: 'contraindication-pregnancy', _type: 'contraindication', title: 'Pregnancy'},
  {_id: 'contraindication-allergy', _type: 'contraindication', title: 'Allergy'},
  {
    _id: 'treatment-botox',
    _type: 'treatment',
    contraindications: [{_key: 'c1', _type: 'reference', _ref: 'contraindication-pregnancy'}],
    related: {_type: 'reference', _ref: 'contraindication-allergy', _weak: true},
  },
]
  .map((document) => `${JSON.stringify(document)}\n`)
  .join('')

describe('strong references keep their targets alive', () => {
  it('delete of a document another document strongly references fails with 409 and writes nothing', async () => {
    fixture = await startLakeFixture({}, {contents: REFERENCES_DATASET})
    const {client, readText} = fixture
    const bytes = await readText()
    const error = await client.delete('contraindication-pregnancy').catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(ClientError)
    const description = 'Document "contraindication-pregnancy" cannot be deleted as there are references to it from "treatment-botox"'
    expect(error).toMatchObject({
      statusCode: 409,
      details: {
        type: 'mutationError',
        description: `The mutation(s) failed: ${description}`,
        items: [
          {
            index: 0,
            error: {type: 'documentHasReferencesError', description, id: 'contraindication-pregnancy', referencedBy: ['treatment-botox']},
          },
        ],
      },
    })
    expect(await readText()).toBe(bytes)
    expect(await client.getDocument('contraindication-pregnancy')).toMatchObject({title: 'Pregnancy'})
  })

  it('a blocked delete anywhere in a transaction rolls back the mutations before it, also when deleting by query', async () => {
    fixture = await startLakeFixture({}, {contents: REFERENCES_DATASET})
    const {client, readText} = fixture
    const bytes = await readText()
    const error = await client
      .mutate([{patch: {id: 'treatment-botox', set: {title: 'changed'}}}, {delete: {query: '*[_type == "contraindication"]'}}])
      .catch((caught: unknown) => caught)
    expect(error).toMatchObject({statusCode: 409, details: {items: [{index: 1, error: {id: 'contraindication-pregnancy'}}]}})
    expect(await readText()).toBe(bytes)
  })

  it('deleting the referring and the referenced document in one transaction succeeds', async () => {
    fixture = await startLakeFixture({}, {contents: REFERENCES_DATASET})
    const {client, readDocuments} = fixture
    const result = await client.transaction().delete('contraindication-pregnancy').delete('treatment-botox').commit()
    expect(result.results).toEqual([
      {id: 'contraindication-pregnancy', operation: 'delete'},
      {id: 'treatment-botox', operation: 'delete'},
    ])
    expect(idsOf(await readDocuments())).toEqual(['contraindication-allergy'])
  })

  it('a weak reference (_weak: true) does not block the delete', async () => {
    fixture = await startLakeFixture({}, {contents: REFERENCES_DATASET})
    const {client, readDocuments} = fixture
    await client.delete('contraindication-allergy')
    expect(idsOf(await readDocuments())).toEqual(['contraindication-pregnancy', 'treatment-botox'])
  })

  it('a strong reference to a document that does not exist fails with 409 and writes nothing; a weak one is allowed', async () => {
    fixture = await startLakeFixture({}, {contents: REFERENCES_DATASET})
    const {client, readText} = fixture
    const bytes = await readText()
    const error = await client
      .patch('treatment-botox')
      .append('contraindications', [{_key: 'c2', _type: 'reference', _ref: 'contraindication-nowhere'}])
      .commit()
      .catch((caught: unknown) => caught)
    const description = 'Document "treatment-botox" references non-existent document "contraindication-nowhere"'
    expect(error).toMatchObject({
      statusCode: 409,
      details: {
        type: 'mutationError',
        items: [{index: 0, error: {type: 'documentReferenceIntegrityError', description, id: 'treatment-botox', referenceId: 'contraindication-nowhere'}}],
      },
    })
    expect(await readText()).toBe(bytes)
    // Created in the same transaction, the target exists when the transaction ends: allowed.
    await client
      .transaction()
      .create({_id: 'contraindication-new', _type: 'contraindication', title: 'New'})
      .patch('treatment-botox', (patch) => patch.append('contraindications', [{_key: 'c3', _type: 'reference', _ref: 'contraindication-new'}]))
      .commit()
    await client.create({_id: 'drafts.treatment-x', _type: 'treatment', contraindications: [{_key: 'c', _type: 'reference', _ref: 'contraindication-unpublished', _weak: true, _strengthenOnPublish: {type: 'contraindication'}}]})
  })

  it('removing the reference first, then deleting, succeeds', async () => {
    fixture = await startLakeFixture({}, {contents: REFERENCES_DATASET})
    const {client} = fixture
    await client.patch('treatment-botox').unset(['contraindications[_key=="c1"]']).commit()
    await expect(client.delete('contraindication-pregnancy')).resolves.toMatchObject({
      results: [{id: 'contraindication-pregnancy', operation: 'delete'}],
    })
  })
})
