import type {CustomValidatorResult} from 'sanity'
import type {RuleProblem} from './localized-value.ts'

/** Turns rule problems into what a Sanity custom validator returns. */
export function toValidation(problems: RuleProblem[]): CustomValidatorResult {
  if (problems.length === 0) return true
  return problems.map((problem) => ({message: problem.message, path: problem.path}))
}
