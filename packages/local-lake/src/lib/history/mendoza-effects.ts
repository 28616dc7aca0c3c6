import {isDeepStrictEqual} from 'node:util'

/** Mendoza opcodes used here (see github.com/sanity-io/mendoza, `internal-patcher.ts`). */
const VALUE = 0
const OBJECT_SET_FIELD_VALUE = 17
const OBJECT_DELETE_FIELD = 19

/** A document change in mendoza form, as listen events carry it in `effects`. */
export interface MendozaEffects {
  /** Turns the previous document into the new one. */
  apply: unknown[]
  /** Turns the new document back into the previous one. */
  revert: unknown[]
}

/**
 * The mendoza patches between two versions of a document (`null`: no document). Fields are
 * compared at the top level: unchanged fields are kept by reference, changed ones are sent
 * whole, removed ones deleted. That is a valid (if not minimal) mendoza patch, which the
 * Studio and the `mendoza` package apply like one from Content Lake.
 */
export function mendozaEffects(before: Record<string, unknown> | null, after: Record<string, unknown> | null): MendozaEffects {
  return {apply: mendozaPatch(before, after), revert: mendozaPatch(after, before)}
}

function mendozaPatch(from: Record<string, unknown> | null, to: Record<string, unknown> | null): unknown[] {
  if (from === null || to === null) return [VALUE, to]
  const patch: unknown[] = []
  // Field indexes refer to the input object's keys, sorted (as the patcher reads them).
  const fromKeys = Object.keys(from).sort()
  fromKeys.forEach((key, index) => {
    if (!Object.hasOwn(to, key)) patch.push(OBJECT_DELETE_FIELD, index)
  })
  for (const [key, value] of Object.entries(to)) {
    if (Object.hasOwn(from, key) && isDeepStrictEqual(from[key], value)) continue
    patch.push(OBJECT_SET_FIELD_VALUE, value, key)
  }
  return patch
}
