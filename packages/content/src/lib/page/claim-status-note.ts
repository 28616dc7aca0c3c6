import type {PageContext} from './page-context.ts'

const knownStatuses = new Set(['supported', 'clinicExperience', 'needsReview', 'rejected'])

/**
 * How a page treats an effect or claim with a review status: `null` to leave it out (a doctor
 * rejected it; reported), else its visible note (`needsReview`: not yet reviewed by a doctor;
 * `clinicExperience`: based on the clinic's experience; `supported`: none). An unknown status
 * is reported and treated as needing review.
 *
 * @internal
 */
export function claimStatusNote(status: unknown, path: string, what: string, context: PageContext): {note: string | null} | null {
  const {ui} = context
  if (status === 'rejected') {
    context.report('rejected-claim', `${what} at \`${path}\` was rejected in medical review; it is left out of the page`, path)
    return null
  }
  if (typeof status !== 'string' || !knownStatuses.has(status)) {
    context.report('unknown-value', `\`${path}.claimStatus\` is ${JSON.stringify(status)}, not a known review status; it is shown as not yet reviewed`, `${path}.claimStatus`)
    return {note: ui.t('needsMedicalReview')}
  }
  if (status === 'needsReview') return {note: ui.t('needsMedicalReview')}
  if (status === 'clinicExperience') return {note: ui.t('basedOnClinicExperience')}
  return {note: null}
}
