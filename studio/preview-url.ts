/**
 * Where the Presentation tool finds the site's preview. On the local lake, `pnpm studio` starts
 * the example site in preview mode on the port after the Studio's (`previewSitePort`), on
 * loopback over http (Chromium treats loopback as secure: no mixed content, `Secure` cookies
 * kept). With a hosted project, the deployed site's URL from `SANITY_STUDIO_PREVIEW_URL`.
 */

/** The port of the preview site `pnpm studio` starts, next to the Studio's. */
export function previewSitePort(studioPort: number): number {
  return studioPort + 1
}

/** The preview site's origin, from the Studio's own (`location.origin`), or `undefined` when there is none. */
export function previewSiteOrigin(studioOrigin: string, configured = process.env.SANITY_STUDIO_PREVIEW_URL?.trim(), local = true): string | undefined {
  if (configured) return new URL(configured).origin
  if (!local) return undefined
  const url = new URL(studioOrigin)
  const port = Number(url.port || (url.protocol === 'https:' ? 443 : 80))
  return `http://127.0.0.1:${previewSitePort(port)}`
}
