import type {ArbitraryTypedObject, PortableTextBlock, TypedObject} from '@portabletext/types'
import {describeValue as describe} from '../describe-value.ts'

/**
 * What the renderers accept: a Portable Text array as stored in Sanity (blocks and custom
 * objects), or `null`/`undefined` for a document with no body, which renders as empty output.
 * Entries of any other shape are reported, not thrown.
 *
 * @public
 */
export type RenderInput = readonly (PortableTextBlock | ArbitraryTypedObject | TypedObject)[] | null | undefined

/**
 * Validate the `blocks` argument of a render call: `null` and `undefined` become `[]`.
 *
 * @throws {TypeError} When `blocks` is anything else that is not an array.
 * @internal
 */
export function readBlocks(call: string, blocks: unknown): readonly unknown[] {
  if (blocks === undefined || blocks === null) return []
  if (!Array.isArray(blocks)) {
    throw new TypeError(`\`${call}\` expects an array of Portable Text blocks, got ${describe(blocks)}`)
  }
  return blocks
}
