/**
 * Headers sent with every response. The CSP allows nothing but the site's own stylesheet and
 * images: no scripts at all (the JSON-LD `<script type="application/ld+json">` is a data block,
 * which CSP does not govern and browsers never execute), no inline styles, no frames, no forms.
 */
export const securityHeaders: Readonly<Record<string, string>> = Object.freeze({
  'Content-Security-Policy': "default-src 'none'; style-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
})
