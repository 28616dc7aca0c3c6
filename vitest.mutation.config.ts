import {defineConfig} from 'vitest/config'
import {BaseSequencer, type TestSpecification} from 'vitest/node'

import base from './vitest.config.ts'

/**
 * Fastest test files first: Stryker stops a mutant's run at the first failure, so a mutant that
 * a unit test kills never waits for a suite that starts a lake or loads the Sanity schema.
 * (Vitest's own order is slowest first, which suits a full run, not this one.)
 */
class FastFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    return (await super.sort(files)).reverse()
  }
}

// The suites `pnpm mutation` runs against each mutant: those that run the mutated code in the
// test process. Chromium, packaging, consumer, edge-runtime and CLI suites run code in other
// processes (a mutant never reaches them) and take minutes each, so they are left out.
export default defineConfig({
  ...base,
  test: {
    ...base.test,
    reporters: ['default'],
    sequence: {sequencer: FastFirstSequencer},
    include: ['packages/*/src/**/*.test.ts', 'studio/**/*.test.ts', 'tests/contract/**/*.test.ts', 'tests/translations/**/*.test.ts', 'tests/seed-content.test.ts'],
    exclude: ['**/node_modules/**', '**/dist/**', '**/.stryker-tmp/**', 'tests/translations/*-command.test.ts'],
  },
})
