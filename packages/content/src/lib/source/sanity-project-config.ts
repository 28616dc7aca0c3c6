/**
 * A Sanity project to read from.
 *
 * @public
 */
export interface SanityProjectConfig {
  projectId: string
  dataset: string
  /** Sanity API version, a `YYYY-MM-DD` date. Default: {@link defaultApiVersion}. */
  apiVersion?: string
  /** A read token. Needed for private datasets and drafts; server-only. */
  token?: string
  /** Use Sanity's CDN. Default: `true` without a token, `false` with one. */
  useCdn?: boolean
  /** Default `published`. `drafts` needs a token. */
  perspective?: 'published' | 'drafts' | 'raw'
  /**
   * Another host that speaks Sanity's HTTP API, such as the local lake
   * (`http://127.0.0.1:3334`). The project id is then not put into the host name.
   */
  apiHost?: string
}

/**
 * The Sanity API version the package's queries are written for.
 *
 * @public
 */
export const defaultApiVersion = '2025-02-19'
