import type {RenderRuleId} from '../render/render-message.ts'

/**
 * Why part of a page is not shown as written.
 *
 * - Every {@link RenderRuleId} of the rich text (the body), with its block.
 * - `missing-text`: a field has no text in any locale of the chain; a visible placeholder is shown.
 * - `rejected-claim`: an effect or claim a doctor rejected; it is left out of the page.
 * - `unknown-value`: an enumerated value (a body area, an ingredient class, a contraindication
 *   kind, a side-effect severity, a claim status) the UI strings have no label for; the raw value
 *   is shown, and an unknown severity or claim status is treated with caution (as serious, as
 *   needing review).
 *
 * @public
 */
export type TreatmentPageRuleId = RenderRuleId | 'missing-text' | 'rejected-claim' | 'unknown-value'

/**
 * A content problem found while building a page: returned as data, never thrown, so the page
 * still renders and an editor can be told what to fix.
 *
 * @public
 */
export interface TreatmentPageMessage {
  ruleId: TreatmentPageRuleId
  /** A sentence for an editor. */
  reason: string
  /** Where in `result.treatment` the problem is (`sideEffects[2].severity`). */
  path: string
  /** For rich-text problems: the `_key` of the block. */
  blockKey?: string
  /** Always `@treatments/content`. */
  source: '@treatments/content'
}
