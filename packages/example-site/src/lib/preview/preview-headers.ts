import {securityHeaders} from '../security-headers.ts'

/**
 * Headers of every response under `/preview`: never stored by any cache, never indexed, and
 * framed only by the Studio. The public pages keep {@link securityHeaders} as they are.
 */
export function previewHeaders(frameAncestors: string): Readonly<Record<string, string>> {
  const {'X-Frame-Options': _deny, ...rest} = securityHeaders
  return Object.freeze({
    ...rest,
    // The preview's own script (overlays) and its event stream; still no inline script. The
    // overlays' styled-components add an empty <style> (the hash) and fill it through the CSSOM.
    'Content-Security-Policy': `default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'self' 'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors ${frameAncestors}`,
    'Cache-Control': 'no-store',
    'X-Robots-Tag': 'noindex',
    'Referrer-Policy': 'no-referrer',
  })
}
