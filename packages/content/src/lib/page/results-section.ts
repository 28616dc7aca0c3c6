import type {ElementContent} from 'hast'
import type {LocalizedTreatment} from '../create-content-reader.ts'
import {claimStatusNote} from './claim-status-note.ts'
import {element, textNode} from './hast-element.ts'
import type {PageContext} from './page-context.ts'
import {pageSection, subheading} from './section-hast.ts'
import {textHast} from './text-hast.ts'
import type {ClaimItem, EffectItem} from './treatment-page-section.ts'

/**
 * The `results` section: the expected effects (with onset, `Results visible from day 3`) and the
 * statements about results, each with a visible note when not yet reviewed by a doctor.
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

  const note = (text: string | null, claimStatus: string): ElementContent[] =>
    text === null ? [] : [element('p', {className: ['note', claimStatus === 'clinicExperience' ? 'note-clinic' : 'note-review']}, [textNode(text)])]
  const children: ElementContent[] = []
  if (effects.length > 0) {
    children.push(
      element(
        'ul',
        {className: ['item-list']},
        effects.map((item) =>
          element('li', {className: ['item']}, [
            ...textHast(item.text, context, 'span', ['item-title']),
            ...(item.onset === null ? [] : [textNode(' '), element('span', {className: ['tag', 'tag-onset']}, [textNode(item.onset)])]),
            ...note(item.statusNote, item.claimStatus),
          ]),
        ),
      ),
    )
  }
  if (claims.length > 0) {
    children.push(
      subheading(ui.t('claimsHeading')),
      element('ul', {className: ['item-list']}, claims.map((item) => element('li', {className: ['item']}, [...textHast(item.statement, context, 'p'), ...note(item.statusNote, item.claimStatus)]))),
    )
  }
  return effects.length === 0 && claims.length === 0 ? undefined : pageSection(context, 'results', ui.t('resultsAndWhen'), children, {effects, claims})
}
