/**
 * One measured figure. `value` is what a dashboard plots; the other fields say how it was got.
 *
 * @public
 */
export interface BenchMetric {
  value: number
  /** `x` for a ratio to a peer, `ms` for a duration, `ops/s` for throughput, `count` for a tally. */
  unit: 'x' | 'ms' | 'ops/s' | 'count'
  /** The library and function compared against, with its version. */
  peer?: string
  /** A short description of what was measured. */
  description?: string
  [detail: string]: unknown
}

/**
 * Options every benchmark receives from the runner.
 *
 * @public
 */
export interface BenchOptions {
  /** Measured rounds per comparison. */
  rounds: number
  /** Warm-up per contender, in ms. */
  warmupMs: number
  /** Target duration of one timed batch, in ms. */
  batchMs: number
}

/**
 * A benchmark module: `bench/<name>.ts` exporting `run`, listed in `scripts/bench.ts`.
 *
 * @public
 */
export interface BenchmarkModule {
  run(options: BenchOptions): Promise<Record<string, BenchMetric>> | Record<string, BenchMetric>
}
