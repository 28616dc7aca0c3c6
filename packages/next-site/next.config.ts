import {fileURLToPath} from 'node:url'
import type {NextConfig} from 'next'
import {securityHeaders} from './lib/security-headers.ts'

const repoRoot = fileURLToPath(new URL('../../', import.meta.url))

const config: NextConfig = {
  // Tests build into their own directory so that they never overwrite a developer's `.next`.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  poweredByHeader: false,
  // The tests' build skips Next.js's own type check: `pnpm typecheck` has run tsc on the site.
  typescript: {ignoreBuildErrors: process.env.NEXT_SKIP_TYPECHECK === '1'},
  // proxy.ts answers trailing slashes with one 301 to the final URL (Next.js's own redirect is a
  // 308, and a `redirects()` entry would run before the proxy: two hops to a moved slug).
  skipTrailingSlashRedirect: true,
  // The workspace: `@treatments/content` is a symlink to packages/content (its built dist).
  turbopack: {root: repoRoot},
  outputFileTracingRoot: repoRoot,
  async headers() {
    return [{source: '/:path*', headers: Object.entries(securityHeaders).map(([key, value]) => ({key, value}))}]
  },
}

export default config
