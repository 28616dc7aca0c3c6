import {readFileSync} from 'node:fs'
import {dirname, join} from 'node:path'
import {fileURLToPath} from 'node:url'

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

/**
 * Workspace packages by name, resolved to the source files beside this config. Stryker runs the
 * tests in a copy of the repository whose node_modules links to the original one, where
 * `@treatments/content` leads back to the original, unmutated source: a test importing a package
 * by name would never meet a mutant. These aliases keep every import inside the copy.
 */
function workspaceAliases() {
  const root = dirname(fileURLToPath(import.meta.url))
  const aliases: Array<{find: RegExp; replacement: string}> = []
  for (const directory of ['packages/content', 'packages/local-lake', 'packages/translations', 'packages/example-site', 'studio']) {
    const manifest = JSON.parse(readFileSync(join(root, directory, 'package.json'), 'utf8')) as {name: string; exports?: Record<string, unknown>}
    for (const [subpath, target] of Object.entries(manifest.exports ?? {})) {
      const source = typeof target === 'object' && target !== null ? (target as Record<string, unknown>)['@treatments/source'] : undefined
      if (typeof source !== 'string') continue
      const specifier = `${manifest.name}${subpath.slice(1)}`.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')
      aliases.push({find: new RegExp(`^${specifier}$`), replacement: join(root, directory, source)})
    }
  }
  return aliases
}

// The suites `pnpm mutation` runs against each mutant: those that run the mutated code in the
// test process. Chromium, packaging, consumer, edge-runtime and CLI suites run code in other
// processes (a mutant never reaches them) and take minutes each, so they are left out.
export default defineConfig({
  ...base,
  resolve: {...base.resolve, alias: workspaceAliases()},
  test: {
    ...base.test,
    reporters: ['default'],
    // fast-check properties run 20 random cases per mutant instead of hundreds (propertyRuns in
    // packages/content/src/test-support): with hundreds, safe-html's run took hours.
    env: {...base.test?.env, TREATMENTS_PROPERTY_RUNS: '20'},
    sequence: {sequencer: FastFirstSequencer},
    include: ['packages/*/src/**/*.test.ts', 'studio/**/*.test.ts', 'tests/contract/**/*.test.ts', 'tests/translations/**/*.test.ts', 'tests/seed-content.test.ts'],
    exclude: ['**/node_modules/**', '**/dist/**', '**/.stryker-tmp/**', 'tests/translations/*-command.test.ts'],
  },
})
