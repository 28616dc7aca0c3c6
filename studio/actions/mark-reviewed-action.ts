import {CheckmarkCircleIcon} from '@sanity/icons/CheckmarkCircle'
import {recordCoveredTexts} from '@treatments/content/dataset'
import {markReviewedAvailability, markReviewedLabel, markReviewedPatch, translationLocales} from '@treatments/translations'
import {useCurrentUser, useDocumentOperation, type DocumentActionComponent} from 'sanity'

import {useReviewChanges} from '../components/reviews/use-review-changes.ts'
import {useTranslationStatus} from '../components/translations/use-translation-status.ts'

/**
 * The document action "Mark <language> reviewed" (`Mark Italian reviewed`): sets the locale's translation state to
 * `reviewed`, with the current user's name as `reviewedBy` and now as `reviewedAt`. Disabled
 * (with the reason as tooltip) until the locale has fields translated from the current text.
 * On a treatment it also records the hash of the locale's text of every safety text on the page
 * (its contraindications, side effects, disclaimer and claims), binding the review to that text.
 */
export function createMarkReviewedAction(locale: string): DocumentActionComponent {
  const MarkReviewedAction: DocumentActionComponent = (props) => {
    const document = props.version ?? props.draft ?? props.published
    const fields = useTranslationStatus(document)
    const {patch} = useDocumentOperation(props.id, props.type)
    const {reviews, resolve} = useReviewChanges(document)
    const user = useCurrentUser()
    const availability = markReviewedAvailability(document, fields, locale)
    const reviewer = user?.name || user?.email || user?.id || ''
    return {
      label: markReviewedLabel(locale),
      icon: CheckmarkCircleIcon,
      disabled: availability.disabled || Boolean(patch.disabled) || reviewer === '' || (props.type === 'treatment' && reviews === undefined),
      title: reviewer === '' ? 'Sign in to record a review.' : availability.title,
      onHandle: () => {
        if (!document) return
        const coveredTexts = props.type === 'treatment' ? {coveredTexts: recordCoveredTexts(document, resolve, locale)} : {}
        patch.execute(markReviewedPatch(document, locale, {reviewer, now: new Date().toISOString(), ...coveredTexts}) as never)
        props.onComplete()
      },
    }
  }
  MarkReviewedAction.displayName = `MarkReviewedAction(${locale})`
  return MarkReviewedAction
}

/** One "Mark <language> reviewed" action per translation locale, for `document.actions`. */
export const markReviewedActions: DocumentActionComponent[] = translationLocales.map(createMarkReviewedAction)
