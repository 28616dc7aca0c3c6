import {createRequire} from 'node:module'
import {setTimeout as sleep} from 'node:timers/promises'
import {pathToFileURL} from 'node:url'

import {type SanityClient, createClient} from '@sanity/client'
import fc from 'fast-check'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import {type LakeFixture, startLakeFixture} from '../../packages/local-lake/src/test-support/lake-fixture.ts'

// Several simulated Studio editors typing in the same string field of one document, against a
// real lake on loopback. Each editor is the Studio's own document store (`checkoutPair` from the
// `sanity` package the Studio is built with: its listener, event sequencing, @sanity/mutator
// buffered document and Actions API commits), fed by the real @sanity/client listen() stream.
// Every editor inserts characters where it sees fit in the text it currently sees, as a person
// does, with random pauses, and commits on a random throttle as the Studio's autosave does.
//
// The property: once everyone is idle, every editor shows exactly the lake's text, and every
// character of every edit the lake acknowledged is in it (and no original character is lost).
// A second property adds another person who publishes or discards the draft mid-typing: nobody's
// store breaks, and every acknowledged character is published or in the new draft unless a
// discard took it (with one typist and only publishes: every character typed).

/** The parts of the Studio's document pair used here (`sanity`'s internal `checkoutPair`). */
interface BufferedDocument {
  events: {
    subscribe(observer: {
      next: (event: {type: string; document?: {text?: string} | null}) => void
      error?: (error: unknown) => void
    }): {unsubscribe(): void}
  }
  consistency$: {subscribe(next: (consistent: boolean) => void): {unsubscribe(): void}}
  patch(patches: unknown[]): unknown[]
  createIfNotExists(document: Record<string, unknown>): unknown
  mutate(mutations: unknown[]): void
  commit(): void
}
type CheckoutPair = (client: SanityClient, idPair: {publishedId: string; draftId: string}) => {draft: BufferedDocument; published: BufferedDocument}

const SESSIONS_PER_RUN = 10
const RUNS = 20
/** Publish and discard sessions are fewer: each finds a lost keystroke within its first run without the fix. */
const PUBLISH_RUNS = 10
const ORIGINAL = 'Allattamento'

let fixture: LakeFixture
let checkoutPair: CheckoutPair
let sessionCount = 0
/** Characters nobody else uses, so each insertion can be traced. */
let nextCodePoint = 0x4e00

beforeAll(async () => {
  // The Studio's own store code, from the `sanity` the Studio package depends on.
  const studioRequire = createRequire(new URL('../../studio/package.json', import.meta.url))
  const sanityPath = studioRequire.resolve('sanity')
  ;({checkoutPair} = (await import(pathToFileURL(sanityPath).href)) as {checkoutPair: CheckoutPair})
  // The Studio drops the promise of each commit; when the lake refuses one (409), the Studio
  // drops its unsaved edits and shows the saved text, and the browser logs the rejection. Here
  // that rejection would fail the run, so it is marked as seen (nothing else changes).
  const mutatorPath = createRequire(sanityPath).resolve('@sanity/mutator')
  const {BufferedDocument} = (await import(pathToFileURL(mutatorPath).href)) as {BufferedDocument: {prototype: {commit(): Promise<void>}}}
  const commit = BufferedDocument.prototype.commit
  BufferedDocument.prototype.commit = function (this: unknown) {
    const done = commit.call(this)
    done.catch(() => undefined)
    return done
  }
  fixture = await startLakeFixture({inMemory: true}, {contents: ''})
}, 120_000)

afterAll(async () => {
  await fixture?.close()
})

const newClient = (): SanityClient =>
  createClient({
    apiHost: fixture.lake.url,
    useProjectHostname: false,
    projectId: 'local',
    dataset: 'production',
    apiVersion: '2025-02-19',
    useCdn: false,
    token: fixture.lake.token,
  })

interface EditorPlan {
  /** Milliseconds the Studio waits between commits (its autosave throttle, shortened). */
  commitEvery: number
  /** Each insertion: a pause before it, and where in the editor's current text (0–1). */
  edits: Array<{pause: number; at: number}>
}

/** One simulated Studio tab: the draft it shows, and typing into it as the Studio's patch operation does. */
function openEditor(id: string, plan: EditorPlan) {
  const pair = checkoutPair(newClient(), {publishedId: id, draftId: `drafts.${id}`})
  let draft: {text?: string} | null | undefined
  let published: Record<string, unknown> | null | undefined
  let consistent = true
  let timer: NodeJS.Timeout | undefined
  let lastCommit = 0
  /** What broke the tab's document store (in the Studio: "The structure tool crashed"). */
  const errors: unknown[] = []
  const subscriptions = [
    pair.draft.events.subscribe({
      next: (event) => {
        if (event.type === 'snapshot') draft = event.document
      },
      error: (error) => errors.push(error),
    }),
    pair.published.events.subscribe({
      next: (event) => {
        if (event.type === 'snapshot') published = event.document as Record<string, unknown> | null
      },
      error: (error) => errors.push(error),
    }),
    pair.draft.consistency$.subscribe((value) => {
      consistent = value
    }),
  ]
  const commit = () => {
    lastCommit = Date.now()
    pair.draft.commit()
  }
  return {
    get ready() {
      return draft !== undefined && published !== undefined
    },
    get idle() {
      return consistent && timer === undefined
    },
    get text(): string {
      return (draft ?? (published as {text?: string} | null))?.text ?? ''
    },
    errors,
    type(text: string) {
      // As the Studio's `patch` operation: a draft it shows is patched (behind a guard unset),
      // a missing one is first created from the published document and committed.
      if (draft) {
        pair.draft.mutate(pair.draft.patch([{unset: ['_empty_action_guard_pseudo_field_']}, {set: {text}}]))
      } else {
        pair.draft.mutate([pair.draft.createIfNotExists({...published, _id: `drafts.${id}`, _type: 'note'})])
        pair.draft.commit()
        pair.draft.mutate(pair.draft.patch([{set: {text}}]))
      }
      // The Studio's autosave: throttled, leading and trailing.
      const since = Date.now() - lastCommit
      if (timer !== undefined) return
      if (since >= plan.commitEvery) commit()
      else {
        timer = setTimeout(() => {
          timer = undefined
          commit()
        }, plan.commitEvery - since)
      }
    },
    close() {
      clearTimeout(timer)
      for (const subscription of subscriptions) subscription.unsubscribe()
    },
  }
}

/** The characters inserted by the text patches of one listen event (each insertion is unique). */
function insertedBy(mutations: Array<{patch?: {diffMatchPatch?: Record<string, string>}}>): string[] {
  const inserted: string[] = []
  for (const mutation of mutations) {
    for (const patch of Object.values(mutation.patch?.diffMatchPatch ?? {})) {
      for (const line of patch.split('\n')) if (line.startsWith('+')) inserted.push(...decodeURI(line.slice(1)))
    }
  }
  return inserted
}

async function runSession(plans: EditorPlan[]): Promise<void> {
  const id = `note-${++sessionCount}`
  await newClient().create({_id: id, _type: 'note', text: ORIGINAL})
  // Everything the lake acknowledged for the draft, from its own listen stream.
  const acknowledged: string[] = []
  const observer = newClient()
    .listen('*[_id == $id]', {id: `drafts.${id}`}, {includeResult: false, visibility: 'query'})
    .subscribe((event) => {
      if (event.type === 'mutation') acknowledged.push(...insertedBy((event.mutations ?? []) as never))
    })
  const editors = plans.map((plan) => openEditor(id, plan))
  try {
    while (!editors.every((editor) => editor.ready)) await sleep(5)
    await Promise.all(
      editors.map(async (editor, index) => {
        for (const edit of plans[index]!.edits) {
          await sleep(edit.pause)
          const text = editor.text
          const at = Math.floor(edit.at * (text.length + 1))
          editor.type(text.slice(0, at) + String.fromCodePoint(nextCodePoint++) + text.slice(at))
        }
      }),
    )
    // Idle: nothing left to commit, and every editor shows what the lake holds.
    const client = newClient()
    let stored = ''
    const deadline = Date.now() + 15_000
    for (;;) {
      stored = ((await client.getDocument<{text: string}>(`drafts.${id}`))?.text ?? '') as string
      if ((editors.every((editor) => editor.idle && editor.text === stored) && (await sleep(50), true)) || Date.now() > deadline) break
      await sleep(25)
    }
    stored = ((await client.getDocument<{text: string}>(`drafts.${id}`))?.text ?? '') as string
    expect(editors.map((editor) => editor.text)).toEqual(editors.map(() => stored))
    expect(acknowledged.filter((character) => !stored.includes(character))).toEqual([])
    expect([...ORIGINAL].every((character) => stored.includes(character))).toBe(true)
  } finally {
    observer.unsubscribe()
    for (const editor of editors) editor.close()
  }
}

const editorPlan = fc.record({
  commitEvery: fc.integer({min: 20, max: 150}),
  edits: fc.array(fc.record({pause: fc.integer({min: 0, max: 60}), at: fc.double({min: 0, max: 1, noNaN: true})}), {minLength: 1, maxLength: 8}),
})

describe('concurrent editors of one string field, through the Studio’s document store', () => {
  it(`converge on the lake’s text and keep every acknowledged edit (${SESSIONS_PER_RUN * RUNS} random sessions)`, async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(editorPlan, {minLength: 2, maxLength: 3}), {minLength: SESSIONS_PER_RUN, maxLength: SESSIONS_PER_RUN}), async (sessions) => {
        // Sessions of one run share the lake, each on its own document, as a busy team would.
        await Promise.all(sessions.map((plans) => runSession(plans)))
      }),
      {numRuns: RUNS, endOnFailure: true},
    )
  }, 300_000)
})

interface PublisherPlan {
  /** Each action of the other person: a pause before it, and publish or discard. */
  actions: Array<{pause: number; kind: 'publish' | 'discard'}>
}

/**
 * One session where editors type while another person publishes or discards the draft under
 * them, as the Studio's publish and discard operations do (Actions API, the publish guarded by
 * the published revision the publisher saw).
 */
async function runPublishSession(plans: EditorPlan[], publisher: PublisherPlan): Promise<void> {
  const id = `note-${++sessionCount}`
  const draftId = `drafts.${id}`
  await newClient().create({_id: id, _type: 'note', text: ORIGINAL})
  // The draft's events as the lake sent them, in commit order: what was acknowledged, and when
  // a discard removed it (those characters are meant to go).
  const events: Array<{transactionId: string; inserted: string[]; disappeared: boolean}> = []
  const observer = newClient()
    .listen('*[_id == $id]', {id: draftId}, {includeResult: false, visibility: 'query'})
    .subscribe((event) => {
      if (event.type !== 'mutation') return
      events.push({transactionId: event.transactionId, inserted: insertedBy((event.mutations ?? []) as never), disappeared: event.transition === 'disappear'})
    })
  const discards = new Set<string>()
  const typed: string[] = []
  const editors = plans.map((plan) => openEditor(id, plan))
  try {
    while (!editors.every((editor) => editor.ready)) await sleep(5)
    const client = newClient()
    await Promise.all([
      ...editors.map(async (editor, index) => {
        for (const edit of plans[index]!.edits) {
          await sleep(edit.pause)
          const text = editor.text
          const at = Math.floor(edit.at * (text.length + 1))
          const character = String.fromCodePoint(nextCodePoint++)
          typed.push(character)
          editor.type(text.slice(0, at) + character + text.slice(at))
        }
      }),
      (async () => {
        for (const action of publisher.actions) {
          await sleep(action.pause)
          const published = await client.getDocument(id)
          try {
            const result = await client.action(
              action.kind === 'publish'
                ? {actionType: 'sanity.action.document.publish', draftId, publishedId: id, ifPublishedRevisionId: published?._rev}
                : {actionType: 'sanity.action.document.discard', draftId},
            )
            if (action.kind === 'discard') discards.add(result.transactionId)
          } catch (error) {
            // No draft at that moment (nothing to publish or discard): the Studio disables the button.
            if ((error as {statusCode?: number}).statusCode !== 409) throw error
          }
        }
      })(),
    ])
    const lakeText = async () => {
      const [draft, published] = await Promise.all([client.getDocument<{text: string}>(draftId), client.getDocument<{text: string}>(id)])
      return {shown: (draft ?? published)?.text ?? '', all: `${published?.text ?? ''}${draft?.text ?? ''}`}
    }
    let stored = await lakeText()
    const deadline = Date.now() + 15_000
    for (;;) {
      stored = await lakeText()
      if ((editors.every((editor) => editor.idle && editor.text === stored.shown) && (await sleep(50), true)) || Date.now() > deadline) break
      await sleep(25)
    }
    stored = await lakeText()
    expect(editors.flatMap((editor) => editor.errors.map(String))).toEqual([])
    expect(editors.map((editor) => editor.text)).toEqual(editors.map(() => stored.shown))
    // Every character the lake acknowledged is published or in the new draft, unless a discard took it.
    const kept: string[] = []
    for (const event of events) {
      if (event.disappeared && discards.has(event.transactionId)) kept.length = 0
      else kept.push(...event.inserted)
    }
    expect(kept.filter((character) => !stored.all.includes(character))).toEqual([])
    // With one typist and no discard, nothing typed is lost: keystrokes in flight across a publish
    // land in the new draft.
    if (plans.length === 1 && publisher.actions.every((action) => action.kind === 'publish')) {
      expect(typed.filter((character) => !stored.all.includes(character))).toEqual([])
    }
  } finally {
    observer.unsubscribe()
    for (const editor of editors) editor.close()
  }
}

const publisherPlan = fc.record({
  actions: fc.array(fc.record({pause: fc.integer({min: 0, max: 120}), kind: fc.constantFrom('publish' as const, 'discard' as const)}), {minLength: 1, maxLength: 3}),
})

const typistPlan = fc.record({
  commitEvery: fc.integer({min: 20, max: 150}),
  edits: fc.array(fc.record({pause: fc.integer({min: 0, max: 60}), at: fc.double({min: 0, max: 1, noNaN: true})}), {minLength: 3, maxLength: 10}),
})

describe('editors typing while another person publishes or discards the draft, through the Studio’s document store', () => {
  it(`keep every acknowledged edit, converge on the lake and never break the store (${SESSIONS_PER_RUN * PUBLISH_RUNS} random sessions)`, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.array(typistPlan, {minLength: 1, maxLength: 2}), publisherPlan), {minLength: SESSIONS_PER_RUN, maxLength: SESSIONS_PER_RUN}),
        async (sessions) => {
          await Promise.all(sessions.map(([plans, publisher]) => runPublishSession(plans, publisher)))
        },
      ),
      {numRuns: PUBLISH_RUNS, endOnFailure: true},
    )
  }, 300_000)
})
