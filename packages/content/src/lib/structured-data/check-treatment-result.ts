import type {TreatmentResult} from '../types.ts'
import {describeValue as describe} from '../describe-value.ts'

/**
 * Throws a `TypeError` naming `call` unless `result` looks like a `getTreatment` result.
 *
 * @internal
 */
export function checkTreatmentResult(call: string, result: unknown): asserts result is TreatmentResult {
  const candidate = result as Partial<TreatmentResult> | null
  if (
    typeof candidate !== 'object' ||
    candidate === null ||
    typeof candidate.locale !== 'string' ||
    !Array.isArray(candidate.fallbacks) ||
    typeof candidate.treatment !== 'object' ||
    candidate.treatment === null ||
    !Array.isArray(candidate.treatment.contraindications)
  ) {
    throw new TypeError(`\`${call}\` expects the result of \`getTreatment()\` (\`{locale, treatment, fallbacks, …}\`), got ${describe(result)}`)
  }
}
