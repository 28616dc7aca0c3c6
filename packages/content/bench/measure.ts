/**
 * One function under test.
 *
 * @public
 */
export interface Contender {
  name: string
  fn: () => unknown
}

/**
 * Timings of one contender: median milliseconds per call over the measured rounds.
 *
 * @public
 */
export interface ContenderTiming {
  name: string
  medianMs: number
  opsPerSecond: number
  /** Calls per timed batch. */
  batch: number
}

/**
 * Result of {@link compare}: each contender's timing, and for every contender after the first, the
 * median over rounds of (first's ms per call ÷ its ms per call): its speed relative to the first.
 *
 * @public
 */
export interface Comparison {
  timings: ContenderTiming[]
  /** Median paired ratio of ops/s, `ratios[name] = ops/s(name) ÷ ops/s(baseline)`. */
  ratios: Record<string, number>
}

/**
 * Options for {@link compare}.
 *
 * @public
 */
export interface CompareOptions {
  /** Measured rounds; each round times one batch of every contender. Default 25. */
  rounds?: number
  /** Warm-up time per contender before calibrating, in ms. Default 300. */
  warmupMs?: number
  /** Target duration of one timed batch, in ms. Default 20. */
  batchMs?: number
  /** Called before each measured round (0-based), for progress output. */
  onRound?: (round: number, rounds: number) => void
}

let checksum = 0

/**
 * Use a benchmark's output so that no work can be skipped: folds a string's length, an array's
 * length or a number into a running checksum, and returns it.
 *
 * @public
 */
export function consume(value: unknown): number {
  if (typeof value === 'string' || Array.isArray(value)) checksum = (checksum + value.length) | 0
  else if (typeof value === 'number') checksum = (checksum + value) | 0
  else if (value !== null && value !== undefined) checksum = (checksum + 1) | 0
  return checksum
}

/**
 * Time contenders side by side in one process: warm each up, size a batch per contender to about
 * `batchMs`, then run `rounds` interleaved rounds (order rotating each round, so no contender
 * always runs first after the others) and take medians. The first contender is the baseline.
 *
 * @public
 */
export function compare(contenders: readonly Contender[], options: CompareOptions = {}): Comparison {
  const {rounds = 25, warmupMs = 300, batchMs = 20, onRound} = options
  const batches = contenders.map((contender) => {
    const until = performance.now() + warmupMs
    let calls = 0
    while (performance.now() < until) {
      consume(contender.fn())
      calls++
    }
    return Math.max(1, Math.round((calls / warmupMs) * batchMs))
  })
  const samples = contenders.map(() => [] as number[])
  for (let round = 0; round < rounds; round++) {
    onRound?.(round, rounds)
    for (let offset = 0; offset < contenders.length; offset++) {
      const index = (round + offset) % contenders.length
      const contender = contenders[index]!
      const batch = batches[index]!
      const start = performance.now()
      for (let call = 0; call < batch; call++) consume(contender.fn())
      samples[index]!.push((performance.now() - start) / batch)
    }
  }
  const timings = contenders.map((contender, index) => {
    const medianMs = median(samples[index]!)
    return {name: contender.name, medianMs, opsPerSecond: 1000 / medianMs, batch: batches[index]!}
  })
  const ratios: Record<string, number> = {}
  const baseline = samples[0]!
  for (let index = 1; index < contenders.length; index++) {
    const own = samples[index]!
    ratios[contenders[index]!.name] = median(own.map((ms, round) => baseline[round]! / ms))
  }
  return {timings, ratios}
}

/**
 * The median of a non-empty list of numbers.
 *
 * @public
 */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = sorted.length >> 1
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}

/**
 * CPU milliseconds (user + system, all threads of this process) and wall milliseconds that
 * `work` takes. CPU time is what a shared machine's other load disturbs least.
 *
 * @public
 */
export async function timeWork<T>(work: () => Promise<T> | T): Promise<{cpuMs: number; wallMs: number; result: T}> {
  const cpu = process.cpuUsage()
  const start = performance.now()
  const result = await work()
  const wallMs = performance.now() - start
  const used = process.cpuUsage(cpu)
  return {cpuMs: (used.user + used.system) / 1000, wallMs, result}
}

/**
 * Round to `digits` decimals.
 *
 * @public
 */
export function round(value: number, digits = 4): number {
  const factor = 10 ** digits
  return Math.round(value * factor) / factor
}
