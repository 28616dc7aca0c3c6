import {describeValue as describe} from '../describe-value.ts'

/**
 * Options shared by every renderer.
 *
 * @public
 */
export interface RenderOptions {
  /**
   * Put in front of every heading id, for example `body-` to give `body-side-effects`. Use it
   * when a page renders several documents, or to keep ids clear of names the page's scripts use.
   * Defaults to no prefix.
   */
  idPrefix?: string
}

/**
 * Checked, defaulted options.
 *
 * @internal
 */
export interface ResolvedRenderOptions {
  idPrefix: string
}

/**
 * Validate the `options` argument of a render call.
 *
 * @throws {TypeError} When `options` is not an object, or `idPrefix` is not a string.
 * @internal
 */
export function readRenderOptions(call: string, options: unknown): ResolvedRenderOptions {
  if (options === undefined || options === null) return {idPrefix: ''}
  if (typeof options !== 'object' || Array.isArray(options)) {
    throw new TypeError(`\`${call}\` expects an options object as its second argument, got ${describe(options)}`)
  }
  const {idPrefix} = options as RenderOptions
  if (idPrefix !== undefined && typeof idPrefix !== 'string') {
    throw new TypeError(`\`${call}\` expects \`idPrefix\` to be a string, got ${describe(idPrefix)}`)
  }
  return {idPrefix: idPrefix ?? ''}
}
