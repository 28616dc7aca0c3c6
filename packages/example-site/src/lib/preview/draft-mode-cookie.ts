import {createHmac, randomBytes, timingSafeEqual} from 'node:crypto'

import {previewPathPrefix} from '../site-paths.ts'

export {previewPathPrefix}

/** The cookie that marks a browser as in draft mode: its name; it is sent for {@link previewPathPrefix} only. */
export const draftModeCookieName = '__treatments_draft_mode'

/** Issues and checks the draft-mode cookie of one running site. */
export interface DraftModeCookie {
  /** A `Set-Cookie` value that puts the browser in draft mode for `ttlMs`. */
  issue(): string
  /** A `Set-Cookie` value that ends draft mode. */
  clear(): string
  /** Whether a request's `Cookie` header holds a cookie this site issued that has not expired. */
  isValid(cookieHeader: string | undefined): boolean
}

/**
 * The draft-mode cookie: `{expiry}.{HMAC-SHA256(expiry)}` with a key made at start, so it cannot
 * be forged or extended, and a restart ends every preview session. `HttpOnly` (no script reads
 * it), `Secure` (Chromium keeps it over plain http on `localhost` and `127.0.0.1`, which are
 * potentially trustworthy origins), `SameSite=None; Partitioned` (the preview runs in the
 * Studio's frame: the cookie is partitioned under the Studio's site, so a top-level visit to the
 * site carries it only when both share a site, as studio.example.com and www.example.com do;
 * the preview script trusts the Studio's messages alone either way), `Path=/preview` (public pages never
 * receive it).
 */
export function createDraftModeCookie(ttlMs: number, now: () => number = Date.now): DraftModeCookie {
  const key = randomBytes(32)
  const sign = (expiry: string) => createHmac('sha256', key).update(expiry).digest('base64url')
  const attributes = `Path=${previewPathPrefix}; HttpOnly; Secure; SameSite=None; Partitioned`
  return {
    issue() {
      const expiry = String(now() + ttlMs)
      return `${draftModeCookieName}=${expiry}.${sign(expiry)}; ${attributes}; Max-Age=${Math.floor(ttlMs / 1000)}`
    },
    clear: () => `${draftModeCookieName}=; ${attributes}; Max-Age=0`,
    isValid(cookieHeader) {
      for (const value of cookieValues(cookieHeader, draftModeCookieName)) {
        const match = /^(\d{1,16})\.([A-Za-z0-9_-]{43})$/.exec(value)
        if (match === null || Number(match[1]) <= now()) continue
        const expected = Buffer.from(sign(match[1]!))
        const given = Buffer.from(match[2]!)
        if (timingSafeEqual(expected, given)) return true
      }
      return false
    },
  }
}

/** Every value of the cookie `name` in a `Cookie` header (a browser may send two of one name). */
function cookieValues(header: string | undefined, name: string): string[] {
  if (!header) return []
  return header.split(';').flatMap((pair) => {
    const index = pair.indexOf('=')
    return index !== -1 && pair.slice(0, index).trim() === name ? [pair.slice(index + 1).trim()] : []
  })
}
