import type {TreatmentContent, TreatmentContentOptions} from '../types.ts'
import {createContentReader} from './create-content-reader.ts'
import {sanitySource, withoutOwnRetries} from '../source/sanity-source.ts'

/**
 * Creates localized treatment content over a source. Options are checked here, once. A Sanity
 * project's settings are read with `@sanity/client`; in a browser bundle, the same function from
 * `@treatments/content/browser` reads them with plain `fetch` instead.
 *
 * @public
 */
export function createTreatmentContent(options: TreatmentContentOptions): TreatmentContent {
  return createContentReader(options, {project: sanitySource, client: withoutOwnRetries})
}
