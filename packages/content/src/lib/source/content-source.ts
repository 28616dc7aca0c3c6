/**
 * What the package needs from a data source: answer a GROQ query with parameters. A
 * `SanityClient` from `@sanity/client` is one; so is `localDataset()`.
 *
 * @public
 */
export interface ContentSource {
  /**
   * Answers `query` with `params`. `options.signal` aborts a request the package gave up on.
   * The package retries on its own: a source should not retry too (a `SanityClient` is
   * reconfigured with `maxRetries: 0` for the package's calls).
   */
  fetch<R = unknown>(query: string, params: Record<string, unknown>, options?: {signal?: AbortSignal}): Promise<R>
}

/**
 * Whether `value` can serve as a {@link ContentSource}.
 *
 * @public
 */
export function isContentSource(value: unknown): value is ContentSource {
  return typeof value === 'object' && value !== null && typeof (value as {fetch?: unknown}).fetch === 'function'
}
