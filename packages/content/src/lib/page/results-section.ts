import type {LocalizedTreatment} from '../types.ts'
import {claimStatusNote} from './claim-status-note.ts'
import type {PageContext} from './page-context.ts'
import {pageSection, writeSubheading} from './page-section.ts'
import type {PageText} from './page-text.ts'
import type {ClaimItem, EffectItem} from './treatment-page-section.ts'
import {writeText} from './write-text.ts'
import {indexedPaths} from './indexed-paths.ts'
import {constantProperties} from '../html/compile-safe-html.ts'

const listProperties = constantProperties({className: ['item-list']})
const itemProperties = constantProperties({className: ['item']})
const claimListProperties = constantProperties({className: ['item-list', 'claim-list']})
const claimProperties = constantProperties({className: ['item', 'claim']})
const onsetProperties = constantProperties({className: ['tag', 'tag-onset']})
const reviewNoteProperties = constantProperties({className: ['note', 'note-review']})
const titleClass = Object.freeze(['item-title'])
const effectTextPath = indexedPaths('effects', 'text')
const statementPath = indexedPaths('claims', 'statement')

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
  const {ui, out} = context
  const effects: EffectItem[] = []
  const effectList = treatment.effects ?? []
  for (let index = 0; index < effectList.length; index++) {
    const effect = effectList[index]!
    const path = `effects[${index}]`
    const status = claimStatusNote(effect.claimStatus, path, 'The effect', context)
    if (!status) continue
    const onsetDays = typeof effect.onsetDays === 'number' && Number.isFinite(effect.onsetDays) && effect.onsetDays >= 0 ? effect.onsetDays : null
    effects.push({
      id: effect._id,
      text: context.text(effectTextPath(index), effect.text),
      onsetDays,
      onset: onsetDays === null ? null : ui.formatResultsFromDay(onsetDays),
      claimStatus: effect.claimStatus,
      statusNote: status.note,
    })
  }
  const claims: ClaimItem[] = []
  const claimList = treatment.claims ?? []
  for (let index = 0; index < claimList.length; index++) {
    const claim = claimList[index]!
    const path = `claims[${index}]`
    const status = claimStatusNote(claim.claimStatus, path, 'The claim', context)
    if (!status) continue
    claims.push({key: claim._key, topic: claim.topic, statement: context.text(statementPath(index), claim.statement), claimStatus: claim.claimStatus, statusNote: status.note})
  }

  const backing = (claimStatus: string) => (claimStatus === 'supported' ? 'supported' : claimStatus === 'clinicExperience' ? 'clinic' : 'unreviewed')
  const plainItems = (texts: PageText[]) => {
    out.open('ul', claimListProperties)
    for (const text of texts) {
      out.open('li', claimProperties)
      writeText(text, context, 'span')
      out.close()
    }
    out.close()
  }

  const supportedEffects = effects.filter((item) => backing(item.claimStatus) === 'supported')
  const supportedClaims = claims.filter((item) => backing(item.claimStatus) === 'supported')
  const clinic = [...effects.filter((item) => backing(item.claimStatus) === 'clinic').map((item) => item.text), ...claims.filter((item) => backing(item.claimStatus) === 'clinic').map((item) => item.statement)]
  const unreviewed = [...effects.filter((item) => backing(item.claimStatus) === 'unreviewed').map((item) => item.text), ...claims.filter((item) => backing(item.claimStatus) === 'unreviewed').map((item) => item.statement)]
  const write = () => {
    if (supportedEffects.length > 0) {
      out.open('ul', listProperties)
      for (const item of supportedEffects) {
        out.open('li', itemProperties)
        writeText(item.text, context, 'span', titleClass)
        if (item.onset !== null) {
          out.text(' ')
          out.open('span', onsetProperties)
          out.text(item.onset)
          out.close()
        }
        out.close()
      }
      out.close()
    }
    if (supportedClaims.length > 0) {
      writeSubheading(context, ui.t('claimsHeading'))
      plainItems(supportedClaims.map((item) => item.statement))
    }
    if (clinic.length > 0) {
      writeSubheading(context, ui.t('clinicExperienceHeading'))
      plainItems(clinic)
    }
    if (unreviewed.length > 0) {
      writeSubheading(context, ui.t('clinicSaysPendingReview'))
      out.open('p', reviewNoteProperties)
      out.text(ui.t('clinicSaysIntro'))
      out.close()
      plainItems(unreviewed)
    }
  }
  return effects.length === 0 && claims.length === 0 ? undefined : pageSection(context, 'results', ui.t('resultsAndWhen'), write, {effects, claims})
}
