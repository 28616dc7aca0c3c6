/**
 * What the package needs from a data source: answer a GROQ query with parameters. A
 * `SanityClient` from `@sanity/client` is one; so is `localDataset()`.
 *
 * @public
 */
export interface ContentSource {
  /**
   * Answers `query` with `params`. `options.signal` aborts a request the package gave up on;
   * `options.perspective` and `options.token`, when set, are the read's (a source that cannot
   * serve drafts must refuse a `drafts` read rather than answer with published content).
   * The package retries on its own: a source should not retry too (a `SanityClient` is
   * reconfigured with `maxRetries: 0` for the package's calls).
   */
  fetch<R = unknown>(query: string, params: Record<string, unknown>, options?: SourceFetchOptions): Promise<R>
}

/**
 * Per-request options the package passes to {@link ContentSource.fetch}, named as
 * `@sanity/client`'s `fetch` names them, so a `SanityClient` honours them as they are.
 *
 * @public
 */
export interface SourceFetchOptions {
  /** Aborts a request the package gave up on. */
  signal?: AbortSignal
  /** Set when a read asks for a perspective: `drafts` overlays drafts on published documents. */
  perspective?: 'published' | 'drafts'
  /** Set when a read carries its own token (or the reader's). */
  token?: string
}

/**
 * Whether `value` can serve as a {@link ContentSource}.
 *
 * @public
 */
export function isContentSource(value: unknown): value is ContentSource {
  return typeof value === 'object' && value !== null && typeof (value as {fetch?: unknown}).fetch === 'function'
}
