import {TranslateIcon} from '@sanity/icons/Translate'
import {baseLocale} from '@treatments/content/locales'
import {
  type PreviousSources,
  type TranslatableDocument,
  findLocalizedFields,
  languageName,
  localizedValue,
  markTranslatedLabel,
  markTranslatedPatch,
  plainText,
  previousSourceKey,
  translationLocales,
  translationPanelModel,
  type TranslationPanelItem,
  type TranslationPanelSection,
  wordDiffParts,
} from '@treatments/translations'
import {createElement as h, type ReactNode, useState} from 'react'
import {defineDocumentInspector, getPublishedId, type SchemaType, useDocumentOperation, useEditState, useSchema, type DocumentInspectorProps} from 'sanity'

import {type DocumentReviewChanges, useReviewChanges} from '../reviews/use-review-changes.ts'
import {usePreviousSources} from './use-previous-sources.ts'
import {schemaFieldTitle} from './schema-field-title.ts'
import {useTranslationStatus} from './use-translation-status.ts'

const muted = {color: 'var(--card-muted-fg-color)'}
const STATE_COLORS = {missing: 'var(--card-badge-critical-dot-color, #e5484d)', stale: 'var(--card-badge-caution-dot-color, #f5a623)'}

/**
 * The "Translation status" panel of the open document: per locale, how complete it is and which
 * fields are missing or stale. It reads the document's draft (else its published version), which
 * the Studio saves a moment after each edit. (Inspectors render outside the form, so the form
 * value is not available here: `useFormValue` throws.)
 */
export function TranslationStatusInspector(props: DocumentInspectorProps): ReactNode {
  const {draft, published} = useEditState(getPublishedId(props.documentId), props.documentType)
  const document = draft ?? published
  const fields = useTranslationStatus(document)
  const sections = fields === undefined ? undefined : translationPanelModel(fields, translationLocales)
  const {reviews} = useReviewChanges(document as Record<string, unknown> | undefined)
  // useEditState gives null for a version that does not exist.
  const current = (document ?? undefined) as TranslatableDocument | undefined
  const previous = usePreviousSources(current, translationLocales)
  const schemaType = useSchema().get(props.documentType)
  const {patch} = useDocumentOperation(getPublishedId(props.documentId), props.documentType)
  // Why the last "Matches the current English" wrote nothing: the statuses listed are worked out
  // a moment after the text, so the text can be blanked in between (markTranslatedPatch throws).
  const [refused, setRefused] = useState<string>()
  // The translator's word that a stale field's text says what the English says now (see markTranslatedPatch).
  const markTranslated =
    current === undefined || patch.disabled
      ? undefined
      : (locale: string, path: string) => {
          try {
            patch.execute([markTranslatedPatch(current, locale, path, new Date().toISOString())] as never)
            setRefused(undefined)
          } catch (error) {
            setRefused(error instanceof Error ? error.message : String(error))
          }
        }
  const context: PanelContext = {document: current, previous, schemaType, markTranslated}
  return h(
    'div',
    {style: {display: 'flex', flexDirection: 'column', height: '100%', fontSize: 14}},
    h(
      'div',
      {style: {display: 'flex', alignItems: 'center', justifyContent: 'space-between', padding: '12px 16px', borderBottom: '1px solid var(--card-border-color)'}},
      h('strong', null, 'Translation status'),
      h('button', {type: 'button', onClick: props.onClose, 'aria-label': 'Close translation status', style: {border: 0, background: 'none', cursor: 'pointer', color: 'inherit', fontSize: 18}}, '×'),
    ),
    h(
      'div',
      {style: {padding: 16, overflow: 'auto'}},
      refused === undefined ? null : h('p', {role: 'alert', style: {color: STATE_COLORS.missing, margin: '0 0 12px'}}, `Nothing recorded: ${refused}`),
      reviewBody(reviews),
      body(sections, context),
    ),
  )
}

/** "Doctor's review": each review covering this document, current or changed since (and what). */
function reviewBody(reviews: DocumentReviewChanges[] | undefined): ReactNode {
  if (reviews === undefined || reviews.length === 0) return null
  return h(
    'section',
    {style: {marginBottom: 20}},
    h('h3', {style: {margin: '0 0 4px', fontSize: 14}}, 'Reviews'),
    h(
      'ul',
      {style: {listStyle: 'none', margin: 0, padding: 0}},
      reviews.map((review) =>
        h(
          'li',
          {key: `${review.treatmentId}:${review.review}:${review.locale}`, style: {padding: '4px 0', borderTop: '1px solid var(--card-border-color)'}},
          h(
            'span',
            {style: {color: review.changed.length > 0 ? STATE_COLORS.stale : undefined, fontWeight: 600, marginRight: 8}},
            review.changed.length > 0 ? 'changed since review' : 'current',
          ),
          `${review.review === 'medical' ? 'Medical review' : `${review.locale} review`}${review.reviewer ? ` by ${review.reviewer}` : ''}`,
          review.changed.length === 0
            ? null
            : h('div', {style: {...muted, fontSize: 12}}, `Pages stop claiming this review until it is renewed: ${review.changed.map((change) => `${change.field} (${change.change})`).join(', ')}`),
        ),
      ),
    ),
  )
}

/** What the field list needs besides the model: the document, the old sources, the schema for titles. */
interface PanelContext {
  document: TranslatableDocument | undefined
  previous: ReadonlyMap<string, PreviousSources> | undefined
  schemaType: SchemaType | undefined
  /** Records a stale field of a locale as translated from the current English; absent while the document cannot be patched. */
  markTranslated: ((locale: string, path: string) => void) | undefined
}

/**
 * For a stale field, what changed in the English since it was translated: a word diff, removed
 * words struck through, added ones underlined (never by colour alone).
 */
function sourceChange(item: TranslationPanelItem, locale: string, context: PanelContext): ReactNode {
  if (item.state !== 'stale' || context.document === undefined) return null
  if (context.previous === undefined) return h('div', {style: {...muted, fontSize: 12}}, 'Looking up what changed…')
  const old = context.previous.get(locale)?.get(previousSourceKey(getPublishedId(context.document._id), item.field))
  if (old === undefined) return h('div', {style: {...muted, fontSize: 12}}, 'The English it was translated from is not known.')
  const field = findLocalizedFields(context.document).find((candidate) => candidate.path === item.field)
  const now = field === undefined ? '' : plainText(localizedValue(field.items, baseLocale))
  return h(
    'div',
    {'data-testid': 'source-change', style: {fontSize: 13, marginTop: 4, whiteSpace: 'pre-wrap'}},
    h('span', {style: muted}, 'What changed in the English: '),
    wordDiffParts(old.text, now).map((part, index) =>
      part.kind === 'removed'
        ? h('del', {key: index, style: {color: STATE_COLORS.missing}}, part.text)
        : part.kind === 'added'
          ? h('ins', {key: index, style: {color: 'var(--card-badge-positive-dot-color, #30a46c)'}}, part.text)
          : h('span', {key: index}, part.text),
    ),
  )
}

/**
 * Beside a stale field: the translator's "Matches the current English", once they have checked
 * (or updated) the text, which records the current English as its source. A safety text typed in
 * the Studio is shown in English on pages until then: nothing says which English it translates.
 */
function markTranslatedButton(item: TranslationPanelItem, locale: string, context: PanelContext): ReactNode {
  if (item.state !== 'stale') return null
  const {markTranslated} = context
  return h(
    'button',
    {
      type: 'button',
      'data-testid': 'mark-translated',
      disabled: markTranslated === undefined,
      title: `Record that this ${languageName(locale)} text says what the ${languageName(baseLocale)} text says now`,
      onClick: () => markTranslated?.(locale, item.field),
      style: {marginTop: 6, padding: '4px 8px', font: 'inherit', fontSize: 12, cursor: 'pointer', color: 'inherit', background: 'none', border: '1px solid var(--card-border-color)', borderRadius: 3},
    },
    markTranslatedLabel(),
  )
}

function body(sections: TranslationPanelSection[] | undefined, context: PanelContext): ReactNode {
  if (sections === undefined) return h('p', {style: muted}, 'Checking…')
  if (sections.every((section) => section.summary.total === 0)) return h('p', {style: muted}, 'This document has no text to translate.')
  return sections.map((section) =>
    h(
      'section',
      {key: section.locale, style: {marginBottom: 20}},
      h('h3', {style: {margin: '0 0 4px', fontSize: 14}}, `${section.title} (${section.locale})`),
      h('p', {style: {...muted, margin: '0 0 8px'}}, section.headline),
      section.items.length === 0
        ? null
        : h(
            'ul',
            {style: {listStyle: 'none', margin: 0, padding: 0}},
            section.items.map((item) =>
              h(
                'li',
                {key: `${item.state}:${item.field}`, title: item.field, style: {padding: '4px 0', borderTop: '1px solid var(--card-border-color)'}},
                h('span', {'data-testid': 'field-state', style: {color: STATE_COLORS[item.state], fontWeight: 600, marginRight: 8}}, item.word),
                h('strong', null, schemaFieldTitle(context.schemaType, item.field)),
                h('div', {style: {...muted, fontSize: 12}}, item.note),
                sourceChange(item, section.locale, context),
                markTranslatedButton(item, section.locale, context),
              ),
            ),
          ),
    ),
  )
}

/** The inspector for `document.inspectors` in sanity.config.ts. */
export const translationStatusInspector = defineDocumentInspector({
  name: 'translation-status',
  useMenuItem: () => ({icon: TranslateIcon, title: 'Translation status', showAsAction: true}),
  component: TranslationStatusInspector,
})
