/**
 * Headers sent with every response: the example site's (`packages/example-site`), word for word
 * (tests/next-site checks they stay equal). The CSP allows no script at all, so Next.js's own
 * client runtime is not loaded either: every page is server-rendered HTML that needs none.
 */
export const securityHeaders: Readonly<Record<string, string>> = Object.freeze({
  'Content-Security-Policy': "default-src 'none'; style-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
})
