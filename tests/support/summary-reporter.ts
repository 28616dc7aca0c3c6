import {relative} from 'node:path'
import type {Reporter, TestModule, Vitest} from 'vitest/node'

/**
 * Prints one plain closing line, `Tests: N passed, N failed, N skipped`, that CI log readers
 * understand without knowing vitest's own summary format, preceded by why tests were skipped:
 * one line per reason (the note given to `ctx.skip(note)`), with how many tests it skipped;
 * and, for a run of many files, the slowest ones (tests and hooks), where to look when
 * `pnpm test` grows toward its 15-minute guide.
 */
/** A run of at least this many files lists its slowest ones. */
const slowestFromFiles = 40

export default class SummaryReporter implements Reporter {
  /** Whether a name filter (`-t`) ran part of the suite: tests it left out are skipped without a note. */
  private filtered = false

  onInit(vitest: Vitest): void {
    this.filtered = vitest.config.testNamePattern !== undefined
  }

  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<unknown>): void {
    const counts = {passed: 0, failed: 0, skipped: 0}
    const reasons = new Map<string, number>()
    for (const module of testModules) {
      for (const test of module.children.allTests()) {
        const result = test.result()
        if (result.state === 'passed') counts.passed++
        else if (result.state === 'failed') counts.failed++
        else {
          counts.skipped++
          if (module.state() === 'failed') continue
          const note = result.state === 'skipped' ? result.note : undefined
          const reason = note ?? (this.filtered ? 'not selected by the test name filter (-t)' : `no reason given (${relative(process.cwd(), module.moduleId)})`)
          reasons.set(reason, (reasons.get(reason) ?? 0) + 1)
        }
      }
    }
    // A file whose hook or collection failed has its tests skipped, not failed: count it as a failure.
    const brokenFiles = testModules.filter((module) => module.state() === 'failed' && ![...module.children.allTests()].some((test) => test.result().state === 'failed'))
    const failed = counts.failed + brokenFiles.length + unhandledErrors.length
    const lines = ['']
    if (testModules.length >= slowestFromFiles) {
      const slowest = testModules
        .map((module) => ({file: relative(process.cwd(), module.moduleId), seconds: module.diagnostic().duration / 1000}))
        .sort((a, b) => b.seconds - a.seconds)
        .slice(0, 10)
      lines.push('Slowest files (tests and hooks):')
      for (const {file, seconds} of slowest) lines.push(`  ${seconds.toFixed(0).padStart(4)} s  ${file}`)
    }
    if (reasons.size > 0) {
      lines.push('Skipped:')
      for (const [reason, count] of [...reasons].sort((a, b) => b[1] - a[1])) lines.push(`  ${count} × ${reason}`)
    }
    for (const module of brokenFiles) lines.push(`Failed outside a test (a hook or the file itself): ${relative(process.cwd(), module.moduleId)}`)
    lines.push(`Tests: ${counts.passed} passed, ${failed} failed, ${counts.skipped} skipped`, '')
    process.stdout.write(lines.join('\n'))
  }
}
