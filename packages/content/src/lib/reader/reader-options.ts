// Option checks of `createTreatmentContent`, run once when a reader is created (as
// @sanity/client's config.ts does): each message names the option, the form and the value.
import type {TreatmentContentOptions} from '../types.ts'
import {isContentSource, type ContentSource} from '../source/content-source.ts'
import type {SanityProjectConfig} from '../source/sanity-project-config.ts'

/**
 * How an entry point turns `source` into what it reads from: a Sanity project's settings into a
 * source (`@sanity/client` in the main entry, plain `fetch` in the browser entry), and a
 * caller's own source into the one used (the main entry makes a `SanityClient` not retry on its
 * own).
 *
 * @internal
 */
export interface SourceFactory {
  project: (config: SanityProjectConfig) => ContentSource
  client: (source: ContentSource) => ContentSource
}

/**
 * Checks `options.source` once, at creation, and turns it into the source the reader asks.
 *
 * @throws TypeError naming the option, the expected form and what was received
 * @internal
 */
export function resolveSource(options: TreatmentContentOptions, sources: SourceFactory): ContentSource {
  if (!options || typeof options !== 'object') {
    throw new TypeError('`createTreatmentContent` expects an options object with a `source`')
  }
  const {source} = options
  if (isContentSource(source)) {
    const token = (source as {config?: () => {token?: unknown}}).config?.().token
    if (token && isBrowser() && !options.allowBrowserToken) throw browserTokenError('a client configured with a token')
    return sources.client(source)
  }
  if (!source || typeof source !== 'object') {
    throw new TypeError(
      '`createTreatmentContent` option `source` must be a Sanity project `{projectId, dataset}`, a client with `fetch(query, params)`, or `localDataset(...)`; ' +
        `got ${source === null ? 'null' : typeof source}`,
    )
  }
  const config = source as SanityProjectConfig
  for (const name of ['projectId', 'dataset'] as const) {
    if (typeof config[name] !== 'string' || config[name].trim() === '') {
      throw new TypeError(`\`createTreatmentContent\` option \`source.${name}\` must be a non-empty string, got ${JSON.stringify(config[name])}; set it to your Sanity project's ${name}`)
    }
  }
  if (config.apiVersion !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(config.apiVersion)) {
    throw new TypeError(`\`createTreatmentContent\` option \`source.apiVersion\` must be a date like "2025-02-19", got ${JSON.stringify(config.apiVersion)}`)
  }
  // Without its scheme (`localhost:3334`) a host failed only at the first read, as a bare `fetch failed`.
  if (config.apiHost !== undefined && !/^https?:\/\/[^/?#\s]/i.test(config.apiHost)) {
    throw new TypeError(`\`createTreatmentContent\` option \`source.apiHost\` must be an http or https URL such as "http://127.0.0.1:3334", got ${JSON.stringify(config.apiHost)}`)
  }
  if (config.perspective === 'drafts' && !config.token && !options.token) {
    throw new TypeError('`createTreatmentContent` option `source.perspective: "drafts"` needs `source.token`: drafts are private')
  }
  if (config.token && isBrowser() && !options.allowBrowserToken) throw browserTokenError('`source.token`')
  return sources.project(config)
}

/** A read's perspective and token, as the reader resolved them from the call and its own options. */
export interface ReadAccess {
  /** Set only when the call or the reader asked for one; `previewDrafts` is sent as `drafts`. */
  perspective?: 'published' | 'drafts'
  token?: string
}

/**
 * Checks a perspective and token given to `createTreatmentContent` (`where`) or to one call, and
 * merges the call's over the reader's. A `drafts` read needs a token somewhere: the call's, the
 * reader's, or the source's own (`sourceHasToken`).
 *
 * @throws TypeError naming the option and what was received
 * @internal
 */
export function readAccess(
  given: {perspective?: unknown; token?: unknown},
  where: string,
  reader: ReadAccess,
  allowBrowserToken: boolean | undefined,
  sourceHasToken: boolean,
): ReadAccess {
  const {perspective, token} = given
  if (perspective !== undefined && perspective !== 'published' && perspective !== 'drafts' && perspective !== 'previewDrafts') {
    throw new TypeError(`${where} option \`perspective\` must be "published", "drafts" or "previewDrafts", got ${JSON.stringify(perspective)}`)
  }
  if (token !== undefined && (typeof token !== 'string' || token.trim() === '')) {
    throw new TypeError(`${where} option \`token\` must be a non-empty string, got ${typeof token === 'string' ? 'an empty string' : typeof token}`)
  }
  if (token !== undefined && isBrowser() && !allowBrowserToken) throw browserTokenError('`token`')
  const merged: ReadAccess = {...reader}
  if (perspective !== undefined) merged.perspective = perspective === 'previewDrafts' ? 'drafts' : perspective
  if (token !== undefined) merged.token = token
  if (merged.perspective === 'drafts' && merged.token === undefined && !sourceHasToken) {
    throw new TypeError(`${where} option \`perspective: "drafts"\` needs a \`token\` (of the call, the reader or the source): drafts are private`)
  }
  return merged
}

/** Whether a source carries a token of its own: a project config's `token`, or a `SanityClient` configured with one. */
export function sourceHasToken(source: TreatmentContentOptions['source']): boolean {
  if (isContentSource(source)) return Boolean((source as {config?: () => {token?: unknown}}).config?.().token)
  return Boolean((source as SanityProjectConfig | null)?.token)
}

function browserTokenError(what: string): TypeError {
  return new TypeError(
    `\`createTreatmentContent\` got ${what} in a browser: a token in a browser bundle is readable by every visitor. ` +
      'Read with a token on the server only, or set `allowBrowserToken: true` for a token that can read public content only.',
  )
}

/** A page or a worker (dedicated, shared or service worker): code whose bundle visitors can read. */
function isBrowser(): boolean {
  const scope = globalThis as {window?: unknown; document?: unknown; WorkerGlobalScope?: unknown; importScripts?: unknown}
  const page = typeof scope.window === 'object' && typeof scope.document === 'object'
  const worker = typeof scope.WorkerGlobalScope === 'function' && typeof scope.importScripts === 'function'
  return page || worker
}

/** The longest delay `setTimeout` keeps: longer ones fire at once. */
export const maxTimeoutMs = 2 ** 31 - 1

/** Checks a whole-number option of `createTreatmentContent`; `fallback` when absent. @internal */
export function positiveInteger(value: unknown, name: string, fallback: number): number {
  const checked = positiveNumber(value, name, fallback)
  if (!Number.isInteger(checked)) throw new TypeError(`\`createTreatmentContent\` option \`${name}\` must be a whole number, got ${JSON.stringify(value)}`)
  return checked
}

/** Checks a number option of `createTreatmentContent`; `fallback` when absent. @internal */
export function positiveNumber(value: unknown, name: string, fallback: number, allowZero = false): number {
  if (value === undefined) return fallback
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || (!allowZero && value === 0)) {
    throw new TypeError(`\`createTreatmentContent\` option \`${name}\` must be a ${allowZero ? 'non-negative' : 'positive'} number, got ${JSON.stringify(value)}`)
  }
  return value
}
