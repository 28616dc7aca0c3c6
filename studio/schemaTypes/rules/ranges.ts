import type {RuleProblem} from './localized-value.ts'

/** A min–max range of whole numbers, as stored on the protocol. */
export interface RangeValue {
  min?: unknown
  max?: unknown
}

/**
 * Checks a range: both ends present, positive whole numbers, min ≤ max.
 *
 * @param range - The stored value.
 * @param what - How to name the range to an editor (“Number of sessions”).
 * @param names - The stored field names of both ends.
 */
export function checkPositiveRange(
  range: Record<string, unknown> | undefined,
  what: string,
  names: {min: string; max: string},
): RuleProblem[] {
  const problems: RuleProblem[] = []
  const min = range?.[names.min]
  const max = range?.[names.max]
  for (const [name, value] of [
    [names.min, min],
    [names.max, max],
  ] as const) {
    if (value === undefined || value === null) {
      problems.push({message: `${what}: set both the lowest and the highest number.`, path: [name]})
    } else if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
      problems.push({message: `${what} must be a whole number of 1 or more (got ${JSON.stringify(value)}).`, path: [name]})
    }
  }
  if (problems.length === 0 && (min as number) > (max as number)) {
    problems.push({
      message: `${what}: the lowest number (${String(min)}) is higher than the highest (${String(max)}). Swap them.`,
      path: [names.max],
    })
  }
  return problems
}
