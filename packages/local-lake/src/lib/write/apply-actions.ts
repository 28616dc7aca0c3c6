import {ApiError} from '../api-error.ts'
import {type TransactionContext, applyMutations} from './apply-mutations.ts'
import {describeJson, isRecord, type DatasetDocument} from '@treatments/content/dataset'
import {parseMutations} from './parse-mutations.ts'

/** How one document changed across the actions of a request. */
export interface ActionChange {
  id: string
  before: DatasetDocument | null
  after: DatasetDocument | null
  /** The mutations the actions came down to for this document, in Sanity's mutate form. */
  mutations: Record<string, unknown>[]
}

/** The outcome of a request's actions, applied all or nothing. */
export interface ActionsOutcome {
  documents: DatasetDocument[]
  changed: boolean
  changes: ActionChange[]
}

/** The action types the lake understands (those the Studio sends). */
export const ACTION_TYPES = [
  'sanity.action.document.create',
  'sanity.action.document.edit',
  'sanity.action.document.publish',
  'sanity.action.document.unpublish',
  'sanity.action.document.delete',
  'sanity.action.document.discard',
  'sanity.action.document.replaceDraft',
  'sanity.action.document.version.create',
  'sanity.action.document.version.discard',
  'sanity.action.document.version.replace',
] as const

/**
 * Applies Actions API actions in order, all or nothing. Each action comes down to plain
 * mutations (publish: write the published document from the draft, delete the draft; edit:
 * create the draft from the published document when there is none, then patch it; …), which
 * run through the same code as `/data/mutate`, so revisions, reference checks and patches
 * (including `diffMatchPatch`, through `@sanity/mutator`) behave the same.
 *
 * @throws ApiError 400 (`actionError`) for a malformed action, 409 when an action cannot apply
 *   to the current documents (missing draft, revision mismatch, existing document, references);
 *   `items` names the index of the failing action
 */
export async function applyActions(
  documents: readonly DatasetDocument[],
  byId: ReadonlyMap<string, DatasetDocument>,
  actions: unknown,
  context: TransactionContext,
): Promise<ActionsOutcome> {
  if (!Array.isArray(actions) || actions.length === 0) {
    throw new ApiError(400, 'actionError', `Request body must have "actions": a non-empty array of actions (got ${describeJson(actions)})`)
  }
  let current: readonly DatasetDocument[] = documents
  let currentById = byId
  let changed = false
  const changes = new Map<string, ActionChange>()
  for (const [index, action] of actions.entries()) {
    const raw = translate(action, currentById, index)
    if (raw.length === 0) continue
    let outcome
    try {
      outcome = await applyMutations(current, currentById, parseMutations(raw), context)
    } catch (error) {
      throw asActionError(error, index)
    }
    for (const change of outcome.changes) {
      const known = changes.get(change.id)
      const mutations = change.mutationIndexes.map((mutationIndex) => raw[mutationIndex]!)
      if (known === undefined) changes.set(change.id, {id: change.id, before: change.before, after: change.after, mutations})
      else Object.assign(known, {after: change.after, mutations: [...known.mutations, ...mutations]})
    }
    changed ||= outcome.changed
    current = outcome.documents
    currentById = new Map(current.map((document) => [document._id, document]))
  }
  // A document created and deleted again within the request did not change.
  const net = [...changes.values()].filter((change) => change.before !== null || change.after !== null)
  return {documents: [...current], changed, changes: net}
}

/** The mutations one action comes down to, given the documents as they are before it. */
function translate(action: unknown, byId: ReadonlyMap<string, DatasetDocument>, index: number): Record<string, unknown>[] {
  const bad = (problem: string): never => {
    throw new ApiError(400, 'actionError', `Malformed action at index ${index}: ${problem}`, {
      items: [{index, error: {type: 'invalidActionError', description: problem}}],
    })
  }
  const conflict = (type: string, problem: string): never => {
    throw new ApiError(409, 'actionError', `The action at index ${index} failed: ${problem}`, {
      items: [{index, error: {type, description: problem}}],
    })
  }
  if (!isRecord(action)) return bad(`expected an object with "actionType", got ${describeJson(action)}`)
  const type = action.actionType
  const id = (name: string): string => {
    const value = action[name]
    return typeof value === 'string' && value !== '' ? value : bad(`${String(type)} needs "${name}", a document id, got ${describeJson(value)}`)
  }
  const revisionCheck = (name: string, document: DatasetDocument | undefined, label: string) => {
    const expected = action[name]
    if (expected === undefined) return
    if (typeof expected !== 'string') bad(`"${name}" must be a revision id string, got ${describeJson(expected)}`)
    if (document?._rev !== expected) {
      conflict(
        'documentRevisionIDDoesNotMatchError',
        `${label} "${document?._id ?? '(missing)'}" has revision "${document?._rev ?? ''}", expected "${String(expected)}"`,
      )
    }
  }
  switch (type) {
    case 'sanity.action.document.create': {
      const publishedId = id('publishedId')
      if (!isRecord(action.attributes)) return bad(`create needs "attributes", the document, got ${describeJson(action.attributes)}`)
      const ifExists = action.ifExists ?? 'fail'
      if (ifExists !== 'fail' && ifExists !== 'ignore') return bad(`"ifExists" must be "fail" or "ignore", got ${describeJson(ifExists)}`)
      const document = {...action.attributes, _id: action.attributes._id ?? `drafts.${publishedId}`}
      if (byId.has(document._id as string)) {
        if (ifExists === 'ignore') return []
        return conflict('documentAlreadyExistsError', `Document "${String(document._id)}" already exists`)
      }
      return [{create: document}]
    }
    case 'sanity.action.document.replaceDraft': {
      const publishedId = id('publishedId')
      if (!isRecord(action.attributes)) return bad(`replaceDraft needs "attributes", the document, got ${describeJson(action.attributes)}`)
      return [{createOrReplace: {...action.attributes, _id: action.attributes._id ?? `drafts.${publishedId}`}}]
    }
    case 'sanity.action.document.edit': {
      const draftId = id('draftId')
      const publishedId = id('publishedId')
      if (!isRecord(action.patch)) return bad(`edit needs "patch", the patch operations, got ${describeJson(action.patch)}`)
      const mutations: Record<string, unknown>[] = []
      if (!byId.has(draftId)) {
        const published = byId.get(publishedId)
        if (published === undefined) {
          return conflict('documentNotFoundError', `Cannot edit "${publishedId}": it exists neither as a draft ("${draftId}") nor published`)
        }
        // The draft starts as a copy of the published document, as in Content Lake.
        const {_rev: _omitRev, _updatedAt: _omitUpdated, ...base} = published
        mutations.push({createIfNotExists: {...base, _id: draftId}})
      }
      const {id: _ignoredId, query: _ignoredQuery, ...operations} = action.patch
      mutations.push({patch: {...operations, id: draftId}})
      return mutations
    }
    case 'sanity.action.document.publish': {
      const draftId = id('draftId')
      const publishedId = id('publishedId')
      const draft = byId.get(draftId)
      if (draft === undefined) return conflict('documentNotFoundError', `Cannot publish "${publishedId}": there is no draft "${draftId}"`)
      revisionCheck('ifDraftRevisionId', draft, 'Draft')
      revisionCheck('ifPublishedRevisionId', byId.get(publishedId), 'Published document')
      const {_rev: _omitRev, _originalId: _omitOriginal, ...content} = draft
      return [{createOrReplace: {...strengthenReferences(content, byId), _id: publishedId}}, {delete: {id: draftId}}]
    }
    case 'sanity.action.document.unpublish': {
      const draftId = id('draftId')
      const publishedId = id('publishedId')
      const published = byId.get(publishedId)
      if (published === undefined) return conflict('documentNotFoundError', `Cannot unpublish "${publishedId}": it is not published`)
      const {_rev: _omitRev, ...content} = published
      return [...(byId.has(draftId) ? [] : [{createIfNotExists: {...content, _id: draftId}}]), {delete: {id: publishedId}}]
    }
    case 'sanity.action.document.delete': {
      const publishedId = id('publishedId')
      const drafts = action.includeDrafts ?? []
      if (!Array.isArray(drafts) || !drafts.every((draft) => typeof draft === 'string' && draft !== '')) {
        return bad(`"includeDrafts" must be an array of draft ids, got ${describeJson(drafts)}`)
      }
      const ids = [publishedId, ...(drafts as string[])].filter((documentId) => byId.has(documentId))
      if (ids.length === 0) return conflict('documentNotFoundError', `Cannot delete "${publishedId}": it does not exist`)
      return ids.map((documentId) => ({delete: {id: documentId}}))
    }
    case 'sanity.action.document.discard': {
      const draftId = id('draftId')
      if (!byId.has(draftId)) return conflict('documentNotFoundError', `Cannot discard "${draftId}": there is no such draft`)
      return [{delete: {id: draftId}}]
    }
    case 'sanity.action.document.version.create': {
      id('publishedId')
      if (isRecord(action.document)) {
        const versionId = action.document._id
        if (typeof versionId !== 'string' || !versionId.startsWith('versions.')) {
          return bad(`version.create "document._id" must be a version id (versions.<release>.<id>), got ${describeJson(versionId)}`)
        }
        if (byId.has(versionId)) return conflict('documentAlreadyExistsError', `Document "${versionId}" already exists`)
        return [{create: action.document}]
      }
      const baseId = id('baseId')
      const versionId = id('versionId')
      const base = byId.get(baseId)
      if (base === undefined) return conflict('documentNotFoundError', `Cannot create version "${versionId}": base document "${baseId}" does not exist`)
      revisionCheck('ifBaseRevisionId', base, 'Base document')
      if (byId.has(versionId)) return conflict('documentAlreadyExistsError', `Document "${versionId}" already exists`)
      const {_rev: _omitRev, ...content} = base
      return [{create: {...content, _id: versionId}}]
    }
    case 'sanity.action.document.version.discard': {
      const versionId = id('versionId')
      if (!byId.has(versionId)) return conflict('documentNotFoundError', `Cannot discard "${versionId}": there is no such version`)
      return [{delete: {id: versionId}}]
    }
    case 'sanity.action.document.version.replace': {
      if (!isRecord(action.document) || typeof action.document._id !== 'string' || !action.document._id.startsWith('versions.')) {
        return bad('version.replace needs "document" with a version id (versions.<release>.<id>)')
      }
      return [{createOrReplace: action.document}]
    }
    default:
      return bad(`unknown or unsupported "actionType" ${describeJson(type)}; the local lake supports ${ACTION_TYPES.join(', ')}`)
  }
}

/** A mutation failure inside an action, reported for the action (Sanity's `actionError` shape). */
function asActionError(error: unknown, index: number): unknown {
  if (!(error instanceof ApiError)) return error
  const inner = (error.body.error.items as Array<{error: {type: string; description: string}}> | undefined)?.[0]?.error
  const description = inner?.description ?? error.body.error.description
  return new ApiError(error.statusCode, 'actionError', `The action at index ${index} failed: ${description}`, {
    items: [{index, error: {type: inner?.type ?? error.body.error.type, description}}],
  })
}

/**
 * On publish, as in Content Lake: a reference the Studio made weak with `_strengthenOnPublish`
 * (its target had no published version yet) becomes strong when its target now exists, unless
 * the schema declares it weak (`_strengthenOnPublish.weak`, which only drops the marker, as the
 * Studio's own `strengthenOnPublish` does); one whose target is still missing stays as it is
 * (a page reading it gets no document, and refuses to render).
 */
function strengthenReferences<T>(value: T, byId: ReadonlyMap<string, unknown>): T {
  if (Array.isArray(value)) return value.map((item) => strengthenReferences(item, byId)) as T
  if (typeof value !== 'object' || value === null) return value
  const record = value as Record<string, unknown>
  if (typeof record._ref === 'string' && record._strengthenOnPublish !== undefined && byId.has(record._ref)) {
    const {_strengthenOnPublish: options, ...published} = record
    if (isRecord(options) && options.weak) return published as T
    const {_weak: _dropWeak, ...strong} = published
    return strong as T
  }
  const copy: Record<string, unknown> = {}
  for (const [key, child] of Object.entries(record)) copy[key] = strengthenReferences(child, byId)
  return copy as T
}
