import {defineConfig} from 'vitest/config'

// Workspace packages resolve to their TypeScript source through this export condition,
// so tests never depend on a stale build.
const conditions = ['@treatments/source', 'module', 'node', 'import', 'default']

// Type tests (`*.test-d.ts`) are checked by `pnpm typecheck` (tsc), which fails on a wrong type.
export default defineConfig({
  resolve: {conditions},
  ssr: {resolve: {conditions, externalConditions: ['@treatments/source']}},
  test: {
    reporters: ['default', './tests/support/summary-reporter.ts'],
    include: ['packages/*/src/**/*.test.ts', 'studio/**/*.test.ts', 'tests/**/*.test.ts', 'scripts/**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/dist/**'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
})
