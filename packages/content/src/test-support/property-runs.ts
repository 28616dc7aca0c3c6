/**
 * The number of cases a fast-check property runs: `runs`, or at most `TREATMENTS_PROPERTY_RUNS`
 * when that is set. `pnpm mutation` sets it (vitest.mutation.config.ts): each mutant runs the
 * properties again, and a few dozen random cases per mutant keep a module's run to minutes,
 * while `pnpm test` keeps the full numbers.
 */
export function propertyRuns(runs: number): number {
  const cap = process.env.TREATMENTS_PROPERTY_RUNS
  if (cap === undefined || cap === '') return runs
  const parsed = Number(cap)
  if (!Number.isInteger(parsed) || parsed < 1) throw new TypeError(`TREATMENTS_PROPERTY_RUNS must be a positive integer, got "${cap}"`)
  return Math.min(runs, parsed)
}
