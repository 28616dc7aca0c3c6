import type {LocalizedTreatment} from '../types.ts'
import type {PageContext} from './page-context.ts'
import {reviewData} from './review-section.ts'
import type {ReviewData} from './treatment-page-section.ts'
import {constantProperties} from '../html/compile-safe-html.ts'

const reviewedProperties = constantProperties({className: ['banner', 'banner-reviewed']})
const unreviewedProperties = constantProperties({className: ['banner', 'banner-unreviewed']})
const statusProperties = constantProperties({className: ['banner-status']})
const adviceProperties = constantProperties({className: ['banner-advice']})
const linkProperties = new Map<string, Readonly<Record<string, unknown>>>()

/** The link to the disclaimer section, made once per `idPrefix` (a site uses one or a few). */
function fullNoticeLink(fullNoticeId: string): Readonly<Record<string, unknown>> {
  let properties = linkProperties.get(fullNoticeId)
  if (properties === undefined) {
    properties = constantProperties({href: `#${fullNoticeId}`})
    if (linkProperties.size >= 100) linkProperties.clear()
    linkProperties.set(fullNoticeId, properties)
  }
  return properties
}

/**
 * What a patient must see right under the title, in the page's language (UI strings, so it is
 * never a fallback): whether a doctor has reviewed this page, and that only a doctor can advise.
 *
 * @public
 */
export interface TreatmentPageBanner {
  /** Whether the page is marked reviewed by a doctor in its locale (as the `review` section says). */
  reviewed: boolean
  /**
   * `This page has not yet been reviewed by a doctor`, `Reviewed by Dr. A. Rossi · Last reviewed
   * 20 November 2026`, or `Changed since the doctor’s review: Who cannot have this treatment…`
   * when a reviewed safety text was edited since.
   */
  status: string
  /** The safety texts changed since the review (empty unless `status` says so). */
  changedSinceReview: ReviewData['changedSinceReview']['fields']
  /** `Only a doctor can tell you whether this treatment is right for you. This page does not replace a consultation.` */
  advice: string
  /** The label of the link to the full disclaimer section (`Read the full notice`). */
  fullNotice: string
  /** The `id` of the disclaimer section the link points to (after `idPrefix`). */
  fullNoticeId: string
  /** A sanitized HTML fragment: `<div class="banner …"><p class="banner-status">…</p><p class="banner-advice">… <a href="#disclaimer">…</a></p></div>`. */
  html: string
}

/**
 * The banner under a treatment page's title.
 *
 * @internal
 */
export function pageBanner(treatment: LocalizedTreatment, context: PageContext): TreatmentPageBanner {
  const {ui} = context
  const review = reviewData(treatment, context)
  const status = review.reviewed
    ? [review.reviewedBy ?? ui.t('reviewedByADoctor'), review.lastReviewed?.text].filter((part): part is string => typeof part === 'string').join(' · ')
    : (review.changedSinceReview.text ?? review.awaitingReview ?? ui.t('awaitingMedicalReview'))
  const advice = ui.t('onlyADoctorCanAdvise')
  const fullNotice = ui.t('readFullNotice')
  const fullNoticeId = `${context.idPrefix}disclaimer`
  const {out} = context
  out.open('div', review.reviewed ? reviewedProperties : unreviewedProperties)
  out.open('p', statusProperties)
  out.text(status)
  out.close()
  out.open('p', adviceProperties)
  out.text(`${advice} `)
  out.open('a', fullNoticeLink(fullNoticeId))
  out.text(fullNotice)
  out.close()
  out.close()
  out.close()
  const html = out.take()
  return {reviewed: review.reviewed, status, changedSinceReview: review.changedSinceReview.fields, advice, fullNotice, fullNoticeId, html}
}
