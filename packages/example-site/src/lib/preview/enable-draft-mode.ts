import {validatePreviewUrl} from '@sanity/preview-url-secret'
import {previewPathPrefix} from './draft-mode-cookie.ts'

// A redirect target must be one of the site's own preview paths (letters, digits, hyphens), so
// `//evil.com` or `/\evil.com` never becomes a Location.
const ownPreviewPath = /^\/preview(\/[A-Za-z0-9-]+)*$/

/** What `/preview/enable` answers: refused, or draft mode on and where to go. */
export type EnableResult = {enabled: false} | {enabled: true; location: string}

/**
 * Checks a `/preview/enable?sanity-preview-secret=…&sanity-preview-pathname=…` request with
 * `validatePreviewUrl`: the secret must be one the Studio wrote less than an hour ago (a
 * `sanity.previewUrlSecret` document, read with the token). The target path is put under
 * `/preview` when it is a public path, and replaced by `fallbackPath` when it is not the site's.
 */
export async function enableDraftMode(client: Parameters<typeof validatePreviewUrl>[0], requestUrl: string, fallbackPath: string): Promise<EnableResult> {
  let result: Awaited<ReturnType<typeof validatePreviewUrl>>
  try {
    result = await validatePreviewUrl(client, requestUrl)
  } catch {
    // The lake or Content Lake could not answer: refuse, never enable.
    return {enabled: false}
  }
  if (!result.isValid) return {enabled: false}
  const target = (result.redirectTo ?? '').split(/[?#]/)[0] ?? ''
  const path = target.startsWith(`${previewPathPrefix}/`) || target === previewPathPrefix ? target : `${previewPathPrefix}${target}`
  return {enabled: true, location: ownPreviewPath.test(path) && path !== previewPathPrefix ? path : fallbackPath}
}
