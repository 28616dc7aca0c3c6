/**
 * What a figure must reach: at least or at most `value`. Every metric has one, so none can
 * silently pass.
 *
 * @public
 */
export type BenchGoal = {atLeast: number} | {atMost: number}

/**
 * One measured figure. `value` is what a dashboard plots; `goal` is what it must reach (the
 * runner adds `met`); the other fields say how it was got.
 *
 * @public
 */
export interface BenchMetric {
  value: number
  /**
   * `x` for a ratio to a peer, `ms` for a duration, `s` for seconds, `ops/s` for throughput,
   * `count` for a tally, `bytes` for a size, `exponent` for a scaling exponent (1 = linear).
   */
  unit: 'x' | 'ms' | 's' | 'ops/s' | 'count' | 'bytes' | 'exponent'
  /** The figure this metric must reach. */
  goal: BenchGoal
  /** Whether `value` meets `goal`; filled in by the runner. */
  met?: boolean
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
  /** `--quick`: smaller inputs and fewer repetitions, same metric names. */
  quick: boolean
  /** Report progress (which step, which round); the runner writes it to stderr. */
  progress: (message: string) => void
}

/**
 * A benchmark module: exports `run`, listed in `scripts/bench.ts`.
 *
 * @public
 */
export interface BenchmarkModule {
  run(options: BenchOptions): Promise<Record<string, BenchMetric>> | Record<string, BenchMetric>
}

/**
 * Whether `value` meets `goal`.
 *
 * @public
 */
export function meetsGoal(value: number, goal: BenchGoal): boolean {
  if (!Number.isFinite(value)) return false
  return 'atLeast' in goal ? value >= goal.atLeast : value <= goal.atMost
}

/**
 * `goal` as text: `≥ 1` or `≤ 0.4`.
 *
 * @public
 */
export function formatGoal(goal: BenchGoal): string {
  return 'atLeast' in goal ? `≥ ${goal.atLeast}` : `≤ ${goal.atMost}`
}
