import {defineConfig} from 'vitest/config'

import base from './vitest.config.ts'

// The suites `pnpm mutation` runs against each mutant: those that run the mutated code in the
// test process. Chromium, packaging, consumer, edge-runtime and CLI suites run code in other
// processes (a mutant never reaches them) and take minutes each, so they are left out.
export default defineConfig({
  ...base,
  test: {
    ...base.test,
    reporters: ['default'],
    include: ['packages/*/src/**/*.test.ts', 'studio/**/*.test.ts', 'tests/contract/**/*.test.ts', 'tests/translations/**/*.test.ts', 'tests/seed-content.test.ts'],
    exclude: ['**/node_modules/**', '**/dist/**', '**/.stryker-tmp/**', 'tests/translations/*-command.test.ts'],
  },
})
