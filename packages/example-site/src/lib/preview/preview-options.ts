import type {SanityClient} from '@sanity/client'

/** Options of the site's draft mode (the Studio's Presentation tool). */
export interface PreviewOptions {
  /**
   * A `@sanity/client` of the project with a read token (server-side only): it checks the
   * secret the Studio wrote (`@sanity/preview-url-secret`), and its token reads drafts.
   */
  client: SanityClient
  /** Origins that may show preview pages in a frame: the Studio's (`http://localhost:3333`). */
  studioOrigins: readonly string[]
  /** How long draft mode lasts after the Studio enabled it. Default one hour, the secret's own lifetime. */
  sessionTtlMs?: number
}

/** The preview options, checked once; the read token taken from the client. */
export interface CheckedPreview {
  client: SanityClient
  token: string
  frameAncestors: string
  /** The Studio's origins, each once: the only senders the preview's script listens to. */
  studioOrigins: readonly string[]
  /** The first Studio origin, for the `data-sanity` attributes' Studio URL. */
  studioUrl: string
  sessionTtlMs: number
}

/** @throws TypeError naming what is wrong */
export function checkPreviewOptions(options: PreviewOptions): CheckedPreview {
  const token = options?.client?.config?.().token
  if (typeof token !== 'string' || token === '') {
    throw new TypeError('`createSite` option `preview.client` must be a `@sanity/client` configured with a read `token`: draft mode checks the Studio\'s secret and reads drafts with it')
  }
  if (!Array.isArray(options.studioOrigins) || options.studioOrigins.length === 0) {
    throw new TypeError('`createSite` option `preview.studioOrigins` must list the Studio\'s origin(s), e.g. ["http://localhost:3333"]')
  }
  const origins = options.studioOrigins.map((value) => {
    let origin: string
    try {
      origin = new URL(value).origin
    } catch {
      origin = 'null'
    }
    if (origin === 'null') throw new TypeError(`\`createSite\` option \`preview.studioOrigins\` expects http(s) origins, got ${JSON.stringify(value)}`)
    return origin
  })
  const sessionTtlMs = options.sessionTtlMs ?? 60 * 60 * 1000
  if (!Number.isInteger(sessionTtlMs) || sessionTtlMs < 1000) throw new TypeError(`\`createSite\` option \`preview.sessionTtlMs\` must be a whole number of milliseconds ≥ 1000, got ${JSON.stringify(options.sessionTtlMs)}`)
  const studioOrigins = Object.freeze([...new Set(origins)])
  return {client: options.client, token, frameAncestors: studioOrigins.join(' '), studioOrigins, studioUrl: origins[0]!, sessionTtlMs}
}
