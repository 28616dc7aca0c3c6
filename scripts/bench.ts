/**
 * `pnpm bench [--quick] [--json] [--only NAME]`: every benchmark in one process.
 *
 * A benchmark is a module exporting `run(options)` that returns named metrics, each with the
 * goal it must reach; add one by adding a line to `benchmarks` below. Prints a table (or with
 * `--json` one JSON object `{metrics: {name: {value, unit, goal, met, peer?, ...}}}`) on stdout,
 * progress on stderr, and exits 1 when a goal is not met (`--no-fail` to always exit 0).
 */
import {parseArgs} from 'node:util'
import {describeParseError} from './lib/cli.ts'
import {formatGoal, meetsGoal, type BenchMetric, type BenchmarkModule, type BenchOptions} from '../packages/content/bench/benchmark.ts'

/** Benchmark modules, run in this order. */
const benchmarks: Array<[name: string, load: () => Promise<BenchmarkModule>]> = [
  ['render', () => import('../packages/content/bench/render.ts')],
  ['bundle-size', () => import('./bench/bundle-size.ts')],
  ['page-traffic', () => import('./bench/page-traffic.ts')],
  ['cold-static-build', () => import('./bench/cold-static-build.ts')],
  ['static-build', () => import('./bench/static-build.ts')],
  ['local-dataset-query', () => import('./bench/local-dataset-query.ts')],
  ['local-lake-query', () => import('./bench/local-lake-query.ts')],
  ['lake-query-worker', () => import('./bench/lake-query-worker.ts')],
  ['lake-listeners', () => import('./bench/lake-listeners.ts')],
  ['lake-load', () => import('./bench/lake-load.ts')],
  ['lake-scale', () => import('./bench/lake-scale.ts')],
  ['preview', () => import('./bench/preview.ts')],
]
/** Run only when named with --only: they start the Studio and Chromium (about a minute). */
const optIn = new Set(['preview'])
const names = benchmarks.map(([name]) => name)

const usage = [
  'Usage: pnpm bench [--quick] [--json] [--only NAME]...',
  '',
  'Measures the package against its peers; every metric has a goal. The static build is timed',
  'as one cold build per fresh process against the do-it-yourself peer, interleaved. Goals: a',
  'full run under 4 minutes on two cores, --quick under 1 minute (same metric names, smaller',
  'inputs, fewer rounds). Exits 1 when a goal is not met.',
  '',
  '  --quick           smaller inputs and fewer rounds',
  '  --json            print one JSON object {metrics: {...}} on stdout instead of a table',
  `  --only NAME       run only this benchmark (repeatable): ${names.join(', ')}; preview runs only when named`,
  '  --rounds N        interleaved measured rounds per micro-comparison (default 30, quick 8)',
  '  --no-fail         exit 0 even when a goal is not met',
  '  -h, --help        show this help',
].join('\n')

const cliOptions = {
  json: {type: 'boolean'},
  quick: {type: 'boolean'},
  only: {type: 'string', multiple: true},
  rounds: {type: 'string'},
  'no-fail': {type: 'boolean'},
  help: {type: 'boolean', short: 'h'},
} as const

let values: {json?: boolean; quick?: boolean; only?: string[]; rounds?: string; 'no-fail'?: boolean; help?: boolean}
try {
  values = parseArgs({options: cliOptions, strict: true}).values
} catch (error) {
  usageError(describeParseError(error, Object.keys(cliOptions)))
}

if (values.help) {
  console.log(usage)
  process.exit(0)
}

const unknown = (values.only ?? []).filter((name) => !names.includes(name))
if (unknown.length > 0) usageError(`unknown benchmark ${unknown.join(', ')}; known: ${names.join(', ')}`)

const quick = values.quick ?? false
const options: BenchOptions = {
  rounds: values.rounds === undefined ? (quick ? 8 : 30) : positiveInteger('rounds', values.rounds),
  warmupMs: quick ? 100 : 300,
  batchMs: quick ? 10 : 20,
  quick,
  progress: () => {},
}
const selected = values.only ? benchmarks.filter(([name]) => values.only!.includes(name)) : benchmarks.filter(([name]) => !optIn.has(name))

const started = performance.now()
const metrics: Record<string, BenchMetric> = {}
for (const [index, [name, load]] of selected.entries()) {
  const step = `[${index + 1}/${selected.length} ${name}]`
  const elapsed = () => `${Math.round((performance.now() - started) / 1000)} s`
  process.stderr.write(`${step} starting (${elapsed()} elapsed)\n`)
  const module = await load()
  const reported = await module.run({...options, progress: (message) => process.stderr.write(`${step} ${message}\n`)})
  for (const [metricName, metric] of Object.entries(reported)) {
    if (metricName in metrics) throw new Error(`Benchmark ${name} reports metric ${metricName} twice`)
    if (!metric.goal) throw new Error(`Benchmark ${name} reports metric ${metricName} without a goal`)
    metrics[metricName] = {...metric, met: meetsGoal(metric.value, metric.goal)}
  }
}
const wallSeconds = (performance.now() - started) / 1000
if (!values.only) {
  metrics.bench_wall_seconds = {
    value: Math.round(wallSeconds),
    unit: 's',
    goal: {atMost: quick ? 60 : 240},
    description: `wall time of this ${quick ? '--quick ' : ''}run on ${(await import('node:os')).availableParallelism()} cores`,
  }
  metrics.bench_wall_seconds.met = meetsGoal(metrics.bench_wall_seconds.value, metrics.bench_wall_seconds.goal)
}
process.stderr.write(`done in ${Math.round(wallSeconds)} s\n`)

const missed = Object.entries(metrics).filter(([, metric]) => !metric.met)
if (values.json) {
  console.log(JSON.stringify({metrics, missed: missed.map(([name]) => name), node: process.version, quick, rounds: options.rounds}, null, 2))
} else {
  const rows = Object.entries(metrics).map(([name, metric]) => [name, format(metric), formatGoal(metric.goal), metric.met ? 'yes' : 'NO', metric.peer ?? '', metric.description ?? ''])
  const header = ['metric', 'value', 'goal', 'met', 'peer', 'what']
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)))
  const line = (cells: string[]) => cells.map((cell, column) => (column < 4 ? cell.padEnd(widths[column]!) : cell)).join('  ').trimEnd()
  console.log(line(header))
  for (const row of rows) console.log(line(row.slice(0, 5)), row[5] ? `\n${' '.repeat(4)}${row[5]}` : '')
  console.log(missed.length === 0 ? '\nEvery goal met.' : `\nGoals not met: ${missed.map(([name]) => name).join(', ')}`)
}
if (missed.length > 0 && !values['no-fail']) process.exitCode = 1

function format(metric: BenchMetric): string {
  switch (metric.unit) {
    case 'x':
      return `${metric.value.toFixed(2)}x`
    case 'ms':
      return `${metric.value.toFixed(3)} ms`
    case 's':
      return `${metric.value} s`
    case 'bytes':
      return `${metric.value} B`
    case 'exponent':
      return `n^${metric.value.toFixed(2)}`
    case 'count':
      return String(metric.value)
    default:
      return `${Math.round(metric.value)} ops/s`
  }
}

function positiveInteger(name: string, value: string): number {
  const number = Number(value)
  if (!Number.isInteger(number) || number <= 0) usageError(`--${name} expects a positive integer, got ${JSON.stringify(value)}`)
  return number
}

function usageError(message: string): never {
  console.error(`pnpm bench: ${message} (see pnpm bench --help)`)
  process.exit(2)
}
