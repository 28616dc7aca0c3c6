import {sourceHash} from '@treatments/content/dataset'

/**
 * The hash of a translation's text, recorded in `reviewedTargetHashes` when a locale is reviewed
 * or imported, so that a later edit of the text shows. The same function as the source hashes
 * (`sourceHash()` of `@treatments/content`), synchronous, so the Studio's "Mark reviewed"
 * action can build its patch without waiting.
 */
export function targetHash(value: unknown): string {
  return sourceHash(value)
}
