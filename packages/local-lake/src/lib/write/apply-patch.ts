import {Mutation as SanityMutation} from '@sanity/mutator'

import {isRecord} from '@treatments/content/dataset'
import type {PathStep} from './patch-path.ts'
import {reservedPathNameProblem} from './reserved-keys.ts'
import {textPatchConflict} from './text-patch-conflict.ts'

/** A path with the value to write there. */
export interface PathValue {
  /** The path as written in the mutation, for messages. */
  source: string
  steps: PathStep[]
  value: unknown
}

/** An array insert: where, relative to which elements, and what. */
export interface InsertOperation {
  position: 'before' | 'after' | 'replace'
  source: string
  steps: PathStep[]
  items: unknown[]
}

/** The operations of one patch, parsed, in the order they are applied. */
export interface PatchOperations {
  setIfMissing: PathValue[]
  set: PathValue[]
  unset: Array<{source: string; steps: PathStep[]}>
  /** `inc` amounts, then `dec` amounts negated. */
  inc: PathValue[]
  insert: InsertOperation | undefined
  /** Text patches (diff-match-patch format) for string values, applied last by `@sanity/mutator`. */
  diffMatchPatch: PathValue[]
}

/** A patch that cannot be applied to the document it targets (e.g. `inc` on a string). */
export class PatchError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'PatchError'
  }
}

/** A text patch made against text that has changed since, so it no longer lands (a 409, not a 400). */
export class PatchConflictError extends PatchError {
  constructor(message: string) {
    super(message)
    this.name = 'PatchConflictError'
  }
}

type Container = Record<string, unknown> | unknown[]
interface Slot {
  container: Container
  key: string | number
}

/**
 * Applies `operations` to a copy of `document` and returns the copy, in Sanity's order:
 * setIfMissing, set, unset, inc/dec, insert. Paths that match nothing are skipped; `set` and
 * `setIfMissing` create missing intermediate objects along attribute paths.
 *
 * Paths only ever see own properties (a name inherited from `Object.prototype`, such as
 * `toString`, counts as missing) and values are written as own data properties, so no path can
 * read or change an object prototype.
 *
 * @throws PatchError when `inc`/`dec` targets a value that is not a number, or a path has a
 *   `__proto__`, `constructor` or `prototype` step (parsed paths never do)
 */
export function applyPatch(
  document: Record<string, unknown>,
  operations: PatchOperations,
): Record<string, unknown> {
  for (const {source, steps} of [
    ...operations.setIfMissing,
    ...operations.set,
    ...operations.unset,
    ...operations.inc,
    ...operations.diffMatchPatch,
  ]) {
    refuseReservedSteps(source, steps)
  }
  if (operations.insert !== undefined) refuseReservedSteps(operations.insert.source, operations.insert.steps)
  const copy = structuredClone(document)
  for (const {steps, value} of operations.setIfMissing) {
    for (const slot of resolveSlots(copy, steps, true)) {
      if (read(slot) === undefined) write(slot, structuredClone(value))
    }
  }
  for (const {steps, value} of operations.set) {
    for (const slot of resolveSlots(copy, steps, true)) write(slot, structuredClone(value))
  }
  for (const {steps} of operations.unset) removeSlots(resolveSlots(copy, steps, false))
  for (const {source, steps, value} of operations.inc) {
    for (const slot of resolveSlots(copy, steps, false)) {
      const current = read(slot)
      if (current === undefined) continue
      if (typeof current !== 'number') {
        throw new PatchError(
          `cannot increment "${source}": its value is ${current === null ? 'null' : typeof current}, not a number`,
        )
      }
      const sum = current + (value as number)
      // Past the largest number JSON would store null: a count must never silently become nothing.
      if (!Number.isFinite(sum)) throw new PatchError(`cannot increment "${source}": ${current} + ${value as number} is beyond the largest number`)
      write(slot, sum)
    }
  }
  if (operations.insert !== undefined) applyInsert(copy, operations.insert)
  if (operations.diffMatchPatch.length > 0) return applyDiffMatchPatch(copy, operations.diffMatchPatch)
  return copy
}

/**
 * Applies text patches with Sanity's own patcher (`@sanity/mutator`), as the Studio produces
 * them while an editor types. Paths were checked (no reserved names) when parsed.
 *
 * @throws PatchError when the patch text is malformed; PatchConflictError when a hunk no longer
 *   matches the text it targets
 */
function applyDiffMatchPatch(document: Record<string, unknown>, patches: PathValue[]): Record<string, unknown> {
  const diffMatchPatch: Record<string, string> = Object.fromEntries(patches.map(({source, value}) => [source, value as string]))
  for (const {source, steps, value} of patches) {
    for (const slot of resolveSlots(document, steps, false)) {
      const text = read(slot)
      if (typeof text !== 'string') continue
      let conflict: string | undefined
      try {
        conflict = textPatchConflict(text, value as string)
      } catch (error) {
        throw new PatchError(`diffMatchPatch could not be applied: ${(error as Error).message}`)
      }
      if (conflict !== undefined) throw new PatchConflictError(`diffMatchPatch for "${source}" cannot be applied: ${conflict}`)
    }
  }
  try {
    const mutation = new SanityMutation({mutations: [{patch: {id: document._id as string, diffMatchPatch}}]})
    return mutation.apply(document as never) as Record<string, unknown>
  } catch (error) {
    throw new PatchError(`diffMatchPatch could not be applied: ${(error as Error).message}`)
  }
}

function refuseReservedSteps(source: string, steps: PathStep[]): void {
  for (const step of steps) {
    const name = step.kind === 'attribute' ? step.name : step.kind === 'match' ? step.attribute : undefined
    const problem = name === undefined ? undefined : reservedPathNameProblem(name, source)
    if (problem !== undefined) throw new PatchError(problem)
  }
}

/** The own value at `slot` (inherited properties read as `undefined`). */
function read(slot: Slot): unknown {
  const {container, key} = slot
  return Object.hasOwn(container, key) ? (container as Record<string | number, unknown>)[key] : undefined
}

/** Stores `value` at `slot` as an own data property, never through a setter such as `__proto__`. */
function write(slot: Slot, value: unknown): void {
  Object.defineProperty(slot.container, slot.key, {value, writable: true, enumerable: true, configurable: true})
}

function isContainer(value: unknown): value is Container {
  return typeof value === 'object' && value !== null
}

/** The slots `steps` point at, from `root`; with `create`, missing objects on the way are made. */
function resolveSlots(root: Container, steps: PathStep[], create: boolean): Slot[] {
  let containers: Container[] = [root]
  for (let index = 0; index < steps.length - 1; index++) {
    const step = steps[index] as PathStep
    const next: Container[] = []
    for (const container of containers) {
      for (const slot of slotsOf(container, step)) {
        const value = read(slot)
        if (isContainer(value)) {
          next.push(value)
        } else if (create && step.kind === 'attribute' && value === undefined) {
          const created = {}
          write(slot, created)
          next.push(created)
        }
      }
    }
    containers = next
  }
  const last = steps[steps.length - 1]
  if (last === undefined) return []
  return containers.flatMap((container) => slotsOf(container, last))
}

function slotsOf(container: Container, step: PathStep): Slot[] {
  if (step.kind === 'attribute') {
    return isRecord(container) ? [{container, key: step.name}] : []
  }
  if (!Array.isArray(container)) return []
  return indicesOf(container, step).map((key) => ({container, key}))
}

function indicesOf(array: unknown[], step: Exclude<PathStep, {kind: 'attribute'}>): number[] {
  const length = array.length
  if (step.kind === 'index') {
    const index = step.index < 0 ? length + step.index : step.index
    return index >= 0 && index < length ? [index] : []
  }
  if (step.kind === 'range') {
    const [start, end] = rangeBounds(length, step.start, step.end)
    const indices: number[] = []
    for (let index = start; index < end; index++) indices.push(index)
    return indices
  }
  const indices: number[] = []
  array.forEach((item, index) => {
    if (isRecord(item) && Object.hasOwn(item, step.attribute) && item[step.attribute] === step.value) indices.push(index)
  })
  return indices
}

function rangeBounds(length: number, start?: number, end?: number): [number, number] {
  const clamp = (value: number) => Math.min(Math.max(value < 0 ? length + value : value, 0), length)
  return [clamp(start ?? 0), clamp(end ?? length)]
}

function removeSlots(slots: Slot[]): void {
  const arrays = new Map<unknown[], number[]>()
  for (const slot of slots) {
    if (Array.isArray(slot.container)) {
      const indices = arrays.get(slot.container) ?? []
      indices.push(slot.key as number)
      arrays.set(slot.container, indices)
    } else {
      delete slot.container[slot.key as string]
    }
  }
  for (const [array, indices] of arrays) {
    for (const index of [...new Set(indices)].sort((a, b) => b - a)) array.splice(index, 1)
  }
}

function applyInsert(root: Record<string, unknown>, insert: InsertOperation): void {
  const last = insert.steps[insert.steps.length - 1]
  if (last === undefined || last.kind === 'attribute') {
    throw new PatchError(
      `insert path "${insert.source}" must end in an array selector such as [0], [-1] or [_key=="…"]`,
    )
  }
  const parentSteps = insert.steps.slice(0, -1)
  const arrays = parentSteps.length === 0 ? [] : resolveSlots(root, parentSteps, false).map(read)
  for (const array of arrays) {
    if (!Array.isArray(array)) continue
    const items = structuredClone(insert.items)
    const spot = insertSpot(array, last, insert.position)
    if (spot === undefined) continue
    array.splice(spot.at, spot.remove, ...items)
  }
}

/** Where to splice the items in, and how many elements to replace; `undefined` when nothing matched. */
function insertSpot(
  array: unknown[],
  step: Exclude<PathStep, {kind: 'attribute'}>,
  position: InsertOperation['position'],
): {at: number; remove: number} | undefined {
  const length = array.length
  if (step.kind === 'index') {
    const index = step.index < 0 ? length + step.index : step.index
    if (position === 'before') return {at: clampTo(index, 0, length), remove: 0}
    if (position === 'after') return {at: clampTo(index, -1, length - 1) + 1, remove: 0}
    const inBounds = index >= 0 && index < length
    return {at: clampTo(index, 0, length), remove: inBounds ? 1 : 0}
  }
  if (step.kind === 'range') {
    const [start, end] = rangeBounds(length, step.start, step.end)
    if (position === 'before') return {at: start, remove: 0}
    if (position === 'after') return {at: end, remove: 0}
    return {at: start, remove: Math.max(end - start, 0)}
  }
  const indices = indicesOf(array, step)
  const first = indices[0]
  const lastIndex = indices[indices.length - 1]
  if (first === undefined || lastIndex === undefined) return undefined
  if (position === 'before') return {at: first, remove: 0}
  if (position === 'after') return {at: lastIndex + 1, remove: 0}
  if (indices.length > 1) {
    for (const index of [...indices].reverse().slice(0, -1)) array.splice(index, 1)
  }
  return {at: first, remove: 1}
}

function clampTo(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), max)
}
