/**
 * Benchmarks, in one process: `node --conditions=@treatments/source scripts/bench.ts [--json]`.
 *
 * Each benchmark is a module exporting `run(options)` that returns named metrics; add one by
 * adding an entry to `benchmarks` below. Prints a table, or with `--json` one JSON object
 * `{metrics: {name: {value, unit, peer?, ...}}}` on stdout.
 */
import {parseArgs} from 'node:util'
import type {BenchMetric, BenchmarkModule, BenchOptions} from '../packages/content/bench/benchmark.ts'

interface BenchmarkDefinition {
  name: string
  load: () => Promise<BenchmarkModule>
}

const benchmarks: BenchmarkDefinition[] = [
  {name: 'render', load: () => import('../packages/content/bench/render.ts')},
  {name: 'page-traffic', load: () => import('./bench/page-traffic.ts')},
  {name: 'static-build', load: () => import('./bench/static-build.ts')},
  {name: 'local-lake-query', load: () => import('./bench/local-lake-query.ts')},
  {name: 'lake-load', load: () => import('./bench/lake-load.ts')},
]

const {values} = parseArgs({
  options: {
    json: {type: 'boolean', default: false},
    only: {type: 'string', multiple: true},
    rounds: {type: 'string', default: '40'},
    'warmup-ms': {type: 'string', default: '500'},
    'batch-ms': {type: 'string', default: '25'},
    help: {type: 'boolean', short: 'h', default: false},
  },
  strict: true,
})

if (values.help) {
  console.log(
    [
      'Usage: node --conditions=@treatments/source scripts/bench.ts [options]',
      '  --json            print one JSON object {metrics: {...}} instead of a table',
      `  --only NAME       run only this benchmark (repeatable): ${benchmarks.map((benchmark) => benchmark.name).join(', ')}`,
      '  --rounds N        interleaved measured rounds per comparison (default 40)',
      '  --warmup-ms N     warm-up per contender (default 500)',
      '  --batch-ms N      target duration of one timed batch (default 25)',
    ].join('\n'),
  )
  process.exit(0)
}

const options: BenchOptions = {
  rounds: positiveInteger('rounds', values.rounds),
  warmupMs: positiveInteger('warmup-ms', values['warmup-ms']),
  batchMs: positiveInteger('batch-ms', values['batch-ms']),
}
const selected = values.only ? benchmarks.filter((benchmark) => values.only!.includes(benchmark.name)) : benchmarks
const unknown = (values.only ?? []).filter((name) => !benchmarks.some((benchmark) => benchmark.name === name))
if (unknown.length > 0) {
  console.error(`Unknown benchmark: ${unknown.join(', ')}. Known: ${benchmarks.map((benchmark) => benchmark.name).join(', ')}`)
  process.exit(2)
}

const metrics: Record<string, BenchMetric> = {}
for (const benchmark of selected) {
  if (!values.json) console.error(`Running ${benchmark.name}…`)
  const module = await benchmark.load()
  for (const [name, metric] of Object.entries(await module.run(options))) {
    if (name in metrics) throw new Error(`Benchmark ${benchmark.name} reports metric ${name} twice`)
    metrics[name] = metric
  }
}

if (values.json) {
  console.log(JSON.stringify({metrics, node: process.version, options}, null, 2))
} else {
  const rows = Object.entries(metrics).map(([name, metric]) => [name, format(metric), metric.peer ?? '', metric.description ?? ''])
  const widths = [0, 1, 2].map((column) => Math.max(...rows.map((row) => row[column]!.length), ['metric', 'value', 'peer'][column]!.length))
  const line = (cells: string[]) => cells.map((cell, column) => (column < 3 ? cell.padEnd(widths[column]!) : cell)).join('  ')
  console.log(line(['metric', 'value', 'peer', 'what']))
  for (const row of rows) console.log(line(row))
}

function format(metric: BenchMetric): string {
  if (metric.unit === 'x') return `${metric.value.toFixed(2)}x`
  if (metric.unit === 'ms') return `${metric.value.toFixed(3)} ms`
  if (metric.unit === 'count') return String(metric.value)
  return `${Math.round(metric.value)} ops/s`
}

function positiveInteger(name: string, value: string): number {
  const number = Number(value)
  if (!Number.isInteger(number) || number <= 0) {
    console.error(`--${name} expects a positive integer, got ${JSON.stringify(value)}`)
    process.exit(2)
  }
  return number
}
