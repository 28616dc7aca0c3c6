// @ts-check
/**
 * Mutation testing of the safety-critical modules (`pnpm mutation`, see README "Mutation
 * testing"). Each module is a group of files whose tests must kill their mutants;
 * scripts/mutation.ts runs one or more of them and reports the score per module.
 */

/** The safety-critical modules, by name: the files Stryker mutates for each. */
export const modules = {
  localize: ['packages/content/src/lib/locale/localize.ts'],
  'check-response': ['packages/content/src/lib/reader/check-response.ts'],
  'review-coverage': [
    'packages/content/src/lib/dataset/source-hash.ts',
    'packages/content/src/lib/locale/digest-source-hash.ts',
    'packages/content/src/lib/dataset/review-coverage.ts',
    'packages/content/src/lib/reader/medical-review-status.ts',
  ],
  'safe-html': ['packages/content/src/lib/html/compile-safe-html.ts', 'packages/content/src/lib/render/safe-link-url.ts'],
  xliff: ['packages/translations/src/lib/plan-xliff-import.ts', 'packages/translations/src/lib/import-xliff.ts'],
  'lake-access': [
    'packages/local-lake/src/lib/http/lake-access.ts',
    'packages/local-lake/src/lib/http/cors-policy.ts',
    'packages/local-lake/src/lib/http/host-check.ts',
  ],
  'lake-writes': ['packages/local-lake/src/lib/write/apply-mutations.ts', 'packages/local-lake/src/lib/write/apply-actions.ts'],
  'studio-rules': [
    'studio/schemaTypes/rules/*.ts',
    'studio/actions/mark-reviewed-action.ts',
    'packages/translations/src/lib/mark-reviewed.ts',
    'packages/translations/src/lib/mark-medically-reviewed.ts',
  ],
}

/**
 * Surviving mutants that cannot change behaviour, each with why. `file:line:mutator` as in
 * the report; scripts/mutation.ts counts them as ignored, not survived.
 * @type {Array<{file: string, line: number, mutator: string, reason: string}>}
 */
export const equivalentMutants = []

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  plugins: ['@stryker-mutator/vitest-runner'],
  vitest: {configFile: 'vitest.mutation.config.ts', related: true},
  coverageAnalysis: 'perTest',
  mutate: Object.values(modules).flat(),
  // Mutants of top-level constants run every test again with a fresh module graph: far too
  // slow on two cores. They are reported as ignored.
  ignoreStatic: true,
  concurrency: 2,
  timeoutMS: 10_000,
  timeoutFactor: 2.5,
  dryRunTimeoutMinutes: 30,
  reporters: ['progress-append-only', 'html', 'json', 'clear-text'],
  htmlReporter: {fileName: 'reports/mutation/mutation.html'},
  jsonReporter: {fileName: 'reports/mutation/mutation.json'},
  clearTextReporter: {allowColor: false, logTests: false, reportScoreTable: true, reportMutants: false},
  incrementalFile: 'reports/mutation/stryker-incremental.json',
  tempDirName: '.stryker-tmp',
  ignorePatterns: ['reports', 'studio/dist', '.sanity', 'coverage', 'test-results', '.tmp'],
  cleanTempDir: true,
}
