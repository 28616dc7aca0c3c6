import {describe, expect, it} from 'vitest'
import {lakeNodeFlags} from '../../scripts/bench/lake-node-flags.ts'
import {runScript} from '../translations/support/run-script.ts'

// The benchmark runner itself, not its figures (those are targets, never test assertions).
describe('pnpm bench', () => {
  it('speaks of `pnpm bench` in its help, with --quick', async () => {
    const {code, stdout} = await runScript('bench.ts', ['--help'])
    expect(code).toBe(0)
    expect(stdout).toMatch(/^Usage: pnpm bench \[--quick\]/)
    expect(stdout).toContain('--quick')
  })

  it.each([
    [['--nope'], "pnpm bench: unknown option --nope (see pnpm bench --help)\n"],
    [['--only', 'nope'], 'pnpm bench: unknown benchmark nope; known: render, bundle-size, page-traffic, cold-static-build, static-build, local-dataset-query, local-lake-query, lake-query-worker, lake-listeners, lake-load, lake-scale, preview (see pnpm bench --help)\n'],
    [['--rounds', '0'], 'pnpm bench: --rounds expects a positive integer, got "0" (see pnpm bench --help)\n'],
  ])('answers the mistake %j with one line and exit 2', async (args, message) => {
    expect(await runScript('bench.ts', args)).toEqual({code: 2, stdout: '', stderr: message})
  })

  it('reports every metric with its goal and whether it is met, and progress on stderr', async () => {
    const {code, stdout, stderr} = await runScript('bench.ts', ['--quick', '--only', 'bundle-size', '--json', '--no-fail'])
    expect(code).toBe(0)
    const report = JSON.parse(stdout) as {metrics: Record<string, {value: number; goal: {atLeast?: number; atMost?: number}; met: boolean}>; quick: boolean}
    expect(report.quick).toBe(true)
    expect(Object.keys(report.metrics)).toContain('browser_fetch_localize_gzip_bytes')
    for (const [name, metric] of Object.entries(report.metrics)) {
      expect(metric.goal, name).toSatisfy((goal: object) => 'atLeast' in goal || 'atMost' in goal)
      expect(metric.met, name).toBe(metric.goal.atMost === undefined ? metric.value >= metric.goal.atLeast! : metric.value <= metric.goal.atMost)
    }
    expect(stderr).toMatch(/^\[1\/1 bundle-size\] starting/)
    expect(stderr).toContain('[1/1 bundle-size] bundling')
  })

  it('starts its lakes with the flags `pnpm lake` runs with, a young generation serving does not overflow included', () => {
    expect(lakeNodeFlags()).toEqual(['--expose-gc', '--min-semi-space-size=16', '--max-semi-space-size=32', '--conditions=@treatments/source'])
  })

  it('exits after the table when a benchmark started lakes (page-traffic)', async () => {
    // The bench used to stay alive after printing: page-traffic left its lake's query workers running.
    const {code, stdout} = await runScript('bench.ts', ['--quick', '--only', 'page-traffic', '--json', '--no-fail'])
    expect(code).toBe(0)
    expect(Object.keys((JSON.parse(stdout) as {metrics: object}).metrics)).toContain('bytes_per_page_vs_full_docs')
  }, 45_000)
})
