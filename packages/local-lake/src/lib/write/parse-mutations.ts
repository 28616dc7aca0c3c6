import {ApiError} from '../api-error.ts'
import type {InsertOperation, PatchOperations, PathValue} from './apply-patch.ts'
import {documentIdProblem} from './document-id.ts'
import {describeJson, isRecord} from '@treatments/content/dataset'
import {type PathStep, parsePatchPath} from './patch-path.ts'
import {findProtoKey} from './reserved-keys.ts'

/** Which documents a `patch` or `delete` applies to. */
export type Selection =
  | {kind: 'ids'; ids: string[]}
  | {kind: 'query'; query: string; params: Record<string, unknown>}

/** A validated mutation, ready to apply. */
export type Mutation =
  | {kind: 'create'; document: Record<string, unknown>}
  | {kind: 'createOrReplace'; document: Record<string, unknown>}
  | {kind: 'createIfNotExists'; document: Record<string, unknown>}
  | {kind: 'delete'; selection: Selection}
  | {
      kind: 'patch'
      selection: Selection
      operations: PatchOperations
      ifRevisionID: string | undefined
    }

const MUTATION_TYPES = ['create', 'createOrReplace', 'createIfNotExists', 'patch', 'delete']
const PATCH_KEYS = new Set([
  'id',
  'query',
  'params',
  'set',
  'setIfMissing',
  'unset',
  'inc',
  'dec',
  'insert',
  'diffMatchPatch',
  'ifRevisionID',
])

/**
 * Validates the `mutations` of a mutate request body and turns them into {@link Mutation}s.
 * Nothing is applied here, so a malformed mutation anywhere rejects the whole transaction.
 *
 * @throws ApiError 400 (`mutationError`) whose description names the index of the first
 *   malformed mutation and what is wrong with it
 */
export function parseMutations(value: unknown): Mutation[] {
  if (!Array.isArray(value) || value.length === 0) {
    throw new ApiError(
      400,
      'mutationError',
      `Request body must have "mutations": a non-empty array of mutations (got ${describeJson(value)})`,
    )
  }
  return value.map((mutation, index) => {
    try {
      return parseMutation(mutation)
    } catch (error) {
      if (!(error instanceof MalformedMutation)) throw error
      const description = `Malformed mutation at index ${index}: ${error.message}`
      throw new ApiError(400, 'mutationError', description, {
        items: [{index, error: {type: 'invalidMutationError', description: error.message}}],
      })
    }
  })
}

class MalformedMutation extends Error {}

function fail(message: string): never {
  throw new MalformedMutation(message)
}

function parseMutation(mutation: unknown): Mutation {
  if (!isRecord(mutation)) fail(`expected an object such as {"create": {...}}, got ${describeJson(mutation)}`)
  const keys = Object.keys(mutation)
  const known = keys.filter((key) => MUTATION_TYPES.includes(key))
  if (known.length === 0) {
    const found = keys.length === 0 ? 'an empty object' : `unknown mutation type "${keys[0]}"`
    fail(`${found}; expected one of ${MUTATION_TYPES.join(', ')}`)
  }
  if (keys.length > 1) {
    fail(`has ${keys.length} keys (${keys.join(', ')}); a mutation must have exactly one of ${MUTATION_TYPES.join(', ')}`)
  }
  const kind = known[0] as string
  const body = mutation[kind]
  switch (kind) {
    case 'create':
    case 'createOrReplace':
    case 'createIfNotExists':
      return {kind, document: parseDocument(kind, body)}
    case 'delete':
      if (!isRecord(body)) fail(`delete must be an object with "id" or "query", got ${describeJson(body)}`)
      for (const key of Object.keys(body)) {
        if (key !== 'id' && key !== 'query' && key !== 'params') fail(`delete has unknown key "${key}"`)
      }
      return {kind, selection: parseSelection('delete', body)}
    default:
      return parsePatch(body)
  }
}

function parseDocument(kind: string, document: unknown): Record<string, unknown> {
  if (!isRecord(document)) fail(`${kind} must be a document object, got ${describeJson(document)}`)
  const id = document._id
  if (id === undefined) {
    if (kind !== 'create') fail(`${kind} requires the document to have an "_id"`)
  } else if (typeof id !== 'string') {
    fail(`${kind} document "_id" must be a string, got ${describeJson(id)}`)
  } else {
    const checked = kind === 'create' && id.endsWith('.') ? `${id}x` : id
    const problem = documentIdProblem(checked)
    if (problem !== undefined) fail(`${kind} document "_id" "${id}" ${problem}`)
  }
  if (typeof document._type !== 'string' || document._type === '') {
    fail(`${kind} document${typeof id === 'string' ? ` "${id}"` : ''} must have a non-empty string "_type", got ${describeJson(document._type)}`)
  }
  const protoKey = findProtoKey(document, '')
  if (protoKey !== undefined) {
    fail(`${kind} document${typeof id === 'string' ? ` "${id}"` : ''} ${protoKeyProblem(protoKey)}`)
  }
  return document
}

function parseSelection(kind: string, body: Record<string, unknown>): Selection {
  if (body.id !== undefined) {
    if (body.query !== undefined) fail(`${kind} must have either "id" or "query", not both`)
    const ids = typeof body.id === 'string' ? [body.id] : body.id
    if (!Array.isArray(ids) || ids.length === 0 || !ids.every((id) => typeof id === 'string' && id !== '')) {
      fail(`${kind} "id" must be a document id or a non-empty array of them, got ${describeJson(body.id)}`)
    }
    return {kind: 'ids', ids: ids as string[]}
  }
  if (body.query !== undefined) {
    if (typeof body.query !== 'string' || body.query.trim() === '') {
      fail(`${kind} "query" must be a GROQ query string, got ${describeJson(body.query)}`)
    }
    if (body.params !== undefined && !isRecord(body.params)) {
      fail(`${kind} "params" must be an object, got ${describeJson(body.params)}`)
    }
    return {kind: 'query', query: body.query, params: (body.params as Record<string, unknown>) ?? {}}
  }
  fail(`${kind} is missing "id" (or "query") saying which documents to ${kind === 'patch' ? 'patch' : 'delete'}`)
}

function parsePatch(body: unknown): Mutation {
  if (!isRecord(body)) fail(`patch must be an object with "id" and operations, got ${describeJson(body)}`)
  for (const key of Object.keys(body)) {
    if (!PATCH_KEYS.has(key)) fail(`unknown patch operation "${key}"`)
  }
  const selection = parseSelection('patch', body)
  if (body.ifRevisionID !== undefined && typeof body.ifRevisionID !== 'string') {
    fail(`patch "ifRevisionID" must be a string, got ${describeJson(body.ifRevisionID)}`)
  }
  const inc = pathValues('inc', body.inc, true)
  const dec = pathValues('dec', body.dec, true).map((entry) => ({...entry, value: -(entry.value as number)}))
  const operations: PatchOperations = {
    setIfMissing: pathValues('setIfMissing', body.setIfMissing, false),
    set: pathValues('set', body.set, false),
    unset: parseUnset(body.unset),
    inc: [...inc, ...dec],
    insert: parseInsert(body.insert),
    diffMatchPatch: parseDiffMatchPatch(body.diffMatchPatch),
  }
  return {kind: 'patch', selection, operations, ifRevisionID: body.ifRevisionID as string | undefined}
}

function parsePath(operation: string, source: string): PathStep[] {
  let steps: PathStep[]
  try {
    steps = parsePatchPath(source)
  } catch (error) {
    fail(`patch ${operation}: ${(error as Error).message}`)
  }
  const first = steps[0]
  if (first?.kind === 'attribute' && first.name === '_id') fail(`patch ${operation} may not change "_id"`)
  return steps
}

function pathValues(operation: string, value: unknown, numeric: boolean): PathValue[] {
  if (value === undefined) return []
  if (!isRecord(value)) fail(`patch "${operation}" must be an object of path: value, got ${describeJson(value)}`)
  return Object.entries(value).map(([source, entry]) => {
    if (numeric && (typeof entry !== 'number' || !Number.isFinite(entry))) {
      fail(`patch ${operation} "${source}" must be a number, got ${describeJson(entry)}`)
    }
    if (entry === undefined) fail(`patch ${operation} "${source}" has no value`)
    const steps = parsePath(operation, source)
    const protoKey = findProtoKey(entry, source)
    if (protoKey !== undefined) fail(`patch ${operation} "${source}": the value ${protoKeyProblem(protoKey)}`)
    return {source, steps, value: entry}
  })
}

function parseUnset(value: unknown): PatchOperations['unset'] {
  if (value === undefined) return []
  if (!Array.isArray(value) || !value.every((path) => typeof path === 'string')) {
    fail(`patch "unset" must be an array of paths, got ${describeJson(value)}`)
  }
  return (value as string[]).map((source) => ({source, steps: parsePath('unset', source)}))
}

function parseInsert(value: unknown): InsertOperation | undefined {
  if (value === undefined) return undefined
  if (!isRecord(value)) fail(`patch "insert" must be an object, got ${describeJson(value)}`)
  const positions = (['before', 'after', 'replace'] as const).filter((key) => value[key] !== undefined)
  const position = positions[0]
  if (positions.length !== 1 || position === undefined) {
    fail('patch "insert" must have exactly one of "before", "after" or "replace"')
  }
  const source = value[position]
  if (typeof source !== 'string') fail(`patch insert "${position}" must be a path string, got ${describeJson(source)}`)
  if (!Array.isArray(value.items)) fail(`patch insert "items" must be an array, got ${describeJson(value.items)}`)
  const steps = parsePath('insert', source)
  const last = steps[steps.length - 1]
  if (last === undefined || last.kind === 'attribute' || steps.length < 2) {
    fail(`patch insert path "${source}" must end in an array selector such as [0], [-1] or [_key=="…"]`)
  }
  const protoKey = findProtoKey(value.items, 'items')
  if (protoKey !== undefined) fail(`patch insert "${source}": the items ${protoKeyProblem(protoKey, 'have')}`)
  return {position, source, steps, items: value.items}
}

function parseDiffMatchPatch(value: unknown): PatchOperations['diffMatchPatch'] {
  if (value === undefined) return []
  if (!isRecord(value)) fail(`patch "diffMatchPatch" must be an object of path: patch text, got ${describeJson(value)}`)
  return Object.entries(value).map(([source, patch]) => {
    if (typeof patch !== 'string') fail(`patch diffMatchPatch "${source}" must be a patch text (as diff-match-patch writes it), got ${describeJson(patch)}`)
    return {source, steps: parsePath('diffMatchPatch', source), value: patch}
  })
}

function protoKeyProblem(path: string, verb = 'has'): string {
  return `${verb} a key named "__proto__" (at "${path}"), which is not allowed`
}
