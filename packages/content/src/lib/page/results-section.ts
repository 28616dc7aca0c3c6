import type {ElementContent} from 'hast'
import type {LocalizedTreatment} from '../create-content-reader.ts'
import {claimStatusNote} from './claim-status-note.ts'
import {element, textNode} from './hast-element.ts'
import type {PageContext} from './page-context.ts'
import type {PageText} from './page-text.ts'
import {pageSection, subheading} from './section-hast.ts'
import {textHast} from './text-hast.ts'
import type {ClaimItem, EffectItem} from './treatment-page-section.ts'

/**
 * The `results` section: the expected effects and the statements about results, grouped by what
 * backs them, so that nothing unreviewed reads as a fact:
 *
 * - reviewed (`supported`): effects as items with their onset (`Results visible from day 3`),
 *   claims under “What is said about the results”;
 * - `clinicExperience`: under “From the clinic’s experience”, as plain text;
 * - not yet reviewed (`needsReview`, or an unknown status): under “What the clinic says, pending
 *   medical review”, with a sentence saying a doctor has not checked them, as plain text without
 *   emphasis or onset tags (the statement says what it says; the page adds nothing to it).
 *
 * Effects and claims a doctor rejected are left out and reported.
 *
 * @internal
 */
export function resultsSection(treatment: LocalizedTreatment, context: PageContext) {
  const {ui} = context
  const effects: EffectItem[] = []
  for (const [index, effect] of (treatment.effects ?? []).entries()) {
    const path = `effects[${index}]`
    const status = claimStatusNote(effect.claimStatus, path, 'The effect', context)
    if (!status) continue
    const onsetDays = typeof effect.onsetDays === 'number' && Number.isFinite(effect.onsetDays) && effect.onsetDays >= 0 ? effect.onsetDays : null
    effects.push({
      id: effect._id,
      text: context.text(`${path}.text`, effect.text),
      onsetDays,
      onset: onsetDays === null ? null : ui.formatResultsFromDay(onsetDays),
      claimStatus: effect.claimStatus,
      statusNote: status.note,
    })
  }
  const claims: ClaimItem[] = []
  for (const [index, claim] of (treatment.claims ?? []).entries()) {
    const path = `claims[${index}]`
    const status = claimStatusNote(claim.claimStatus, path, 'The claim', context)
    if (!status) continue
    claims.push({key: claim._key, topic: claim.topic, statement: context.text(`${path}.statement`, claim.statement), claimStatus: claim.claimStatus, statusNote: status.note})
  }

  const backing = (claimStatus: string) => (claimStatus === 'supported' ? 'supported' : claimStatus === 'clinicExperience' ? 'clinic' : 'unreviewed')
  const plainItems = (texts: PageText[]) =>
    element('ul', {className: ['item-list', 'claim-list']}, texts.map((text) => element('li', {className: ['item', 'claim']}, textHast(text, context, 'span'))))

  const children: ElementContent[] = []
  const supportedEffects = effects.filter((item) => backing(item.claimStatus) === 'supported')
  const supportedClaims = claims.filter((item) => backing(item.claimStatus) === 'supported')
  if (supportedEffects.length > 0) {
    children.push(
      element(
        'ul',
        {className: ['item-list']},
        supportedEffects.map((item) =>
          element('li', {className: ['item']}, [
            ...textHast(item.text, context, 'span', ['item-title']),
            ...(item.onset === null ? [] : [textNode(' '), element('span', {className: ['tag', 'tag-onset']}, [textNode(item.onset)])]),
          ]),
        ),
      ),
    )
  }
  if (supportedClaims.length > 0) children.push(subheading(ui.t('claimsHeading')), plainItems(supportedClaims.map((item) => item.statement)))
  const clinic = [...effects.filter((item) => backing(item.claimStatus) === 'clinic').map((item) => item.text), ...claims.filter((item) => backing(item.claimStatus) === 'clinic').map((item) => item.statement)]
  if (clinic.length > 0) children.push(subheading(ui.t('clinicExperienceHeading')), plainItems(clinic))
  const unreviewed = [...effects.filter((item) => backing(item.claimStatus) === 'unreviewed').map((item) => item.text), ...claims.filter((item) => backing(item.claimStatus) === 'unreviewed').map((item) => item.statement)]
  if (unreviewed.length > 0) {
    children.push(
      subheading(ui.t('clinicSaysPendingReview')),
      element('p', {className: ['note', 'note-review']}, [textNode(ui.t('clinicSaysIntro'))]),
      plainItems(unreviewed),
    )
  }
  return effects.length === 0 && claims.length === 0 ? undefined : pageSection(context, 'results', ui.t('resultsAndWhen'), children, {effects, claims})
}
