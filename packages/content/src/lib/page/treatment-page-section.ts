import type {LocalizedTreatment} from '../types.ts'
import type {PageText} from './page-text.ts'

type Treatment = LocalizedTreatment
type Item<T> = NonNullable<T> extends ReadonlyArray<infer U> ? U : never

/**
 * The ids of a treatment page's sections, in page order.
 *
 * @public
 */
export type TreatmentPageSectionId =
  | 'overview'
  | 'who-it-is-for'
  | 'who-cannot-have-it'
  | 'how-it-is-done'
  | 'results'
  | 'side-effects'
  | 'when-to-get-help'
  | 'sources'
  | 'review'
  | 'disclaimer'

/** A medical code of an item, as in the content. */
type Codes = NonNullable<Item<Treatment['contraindications']>['codes']>

/**
 * Data of the `overview` section.
 *
 * @public
 */
export interface OverviewData {
  summary: PageText
  /** The body as Portable Text. */
  body: PageText<NonNullable<Treatment['body']>>
}

/**
 * Data of the `who-it-is-for` section.
 *
 * @public
 */
export interface WhoItIsForData {
  /** The condition treated; `null` when the treatment names none. */
  condition: {name: PageText; otherNames: PageText[]; description: PageText} | null
  /** Body areas treated, with their labels in the page's language. */
  bodyAreas: Array<{id: string; label: string}>
}

/**
 * One contraindication.
 *
 * @public
 */
export interface ContraindicationItem {
  id: string
  kind: string
  /**
   * `Not possible` (absolute) or `Only after a doctor’s assessment` (relative), localized. The
   * page's HTML shows it only as the sub-heading of the relative ones: the section heading
   * already says the absolute ones rule the treatment out.
   */
  kindLabel: string
  category: string
  text: PageText
  codes: Codes
}

/**
 * Data of the `who-cannot-have-it` section: every contraindication, in content order.
 *
 * @public
 */
export interface WhoCannotHaveItData {
  contraindications: ContraindicationItem[]
}

/**
 * One active ingredient and its role.
 *
 * @public
 */
export interface IngredientItem {
  key: string
  id: string
  name: PageText
  ingredientClass: string
  /** The class's label in the page's language (`Lipolytic (breaks down fat)`). */
  classLabel: string
  /** `true` for a class of substances (`Vitamins`) rather than one substance. */
  isClass: boolean
  role: PageText
  mechanism: PageText
}

/**
 * The session protocol, as numbers and as localized text.
 *
 * @public
 */
export interface ProtocolData {
  sessionsMin: number
  sessionsMax: number
  intervalMinWeeks: number
  intervalMaxWeeks: number
  /** `3–4 sessions` */
  sessions: string
  /** `3–4 weeks apart` */
  interval: string
  /** `3–4 sessions, 3–4 weeks apart` */
  summary: string
}

/**
 * Data of the `how-it-is-done` section.
 *
 * @public
 */
export interface HowItIsDoneData {
  howPerformed: PageText
  protocol: ProtocolData | null
  ingredients: IngredientItem[]
}

/**
 * One expected effect of the treatment.
 *
 * @public
 */
export interface EffectItem {
  id: string
  text: PageText
  onsetDays: number | null
  /** `Results visible from day 3`, or `null` without an onset. */
  onset: string | null
  claimStatus: string
  /** The visible note for the claim status (`This statement has not yet been reviewed by a doctor`), or `null`. */
  statusNote: string | null
}

/**
 * One statement about the treatment's results.
 *
 * @public
 */
export interface ClaimItem {
  key: string
  topic: string
  statement: PageText
  claimStatus: string
  /** As in {@link EffectItem.statusNote}. */
  statusNote: string | null
}

/**
 * Data of the `results` section. Effects and claims a doctor rejected are left out (and
 * reported in the page's `messages`). A site rendering its own markup should present anything
 * whose `claimStatus` is not `supported` as what the clinic says, not as a fact.
 *
 * @public
 */
export interface ResultsData {
  effects: EffectItem[]
  claims: ClaimItem[]
}

/**
 * One side effect.
 *
 * @public
 */
export interface SideEffectItem {
  id: string
  /** `expected` or `serious`; an unknown severity is treated as `serious`. */
  severity: 'expected' | 'serious'
  severityLabel: string
  text: PageText
  whenToSeekHelp: PageText
}

/**
 * Data of the `side-effects` section.
 *
 * @public
 */
export interface SideEffectsData {
  expected: SideEffectItem[]
  serious: SideEffectItem[]
}

/**
 * Data of the `when-to-get-help` section: every side effect with when to seek help for it.
 *
 * @public
 */
export interface WhenToGetHelpData {
  items: SideEffectItem[]
}

/**
 * Data of the `sources` section.
 *
 * @public
 */
export interface SourcesData {
  /**
   * The source in the page's language when it has a version in it, else as cited. `url` is
   * `null` when it has none, or its URL is not a safe `http(s)` link; `lang` is the language of
   * `title` (the source's `language`, default the base locale).
   */
  sources: Array<{key: string; title: string; url: string | null; lang: string}>
}

/**
 * A review date, as written and formatted for the page's locale.
 *
 * @public
 */
export interface ReviewDate {
  date: string
  /** `Last reviewed 20 November 2026` */
  text: string
}

/**
 * Data of the `review` section.
 *
 * @public
 */
export interface ReviewData {
  /** Whether the page is marked reviewed by a doctor. */
  reviewed: boolean
  /** `This page has not yet been reviewed by a doctor`, or `null` once reviewed. */
  awaitingReview: string | null
  /**
   * The safety texts changed since a review marked done (empty when none changed or none was
   * done), and `Changed since the doctor’s review: Side effects, Important…` naming their sections.
   */
  changedSinceReview: ChangedSinceReviewData

  /** The reviewer, only once reviewed. */
  reviewer: string | null
  /** `Reviewed by …`, or `null` without a reviewer. */
  reviewedBy: string | null
  lastReviewed: ReviewDate | null
  nextReviewDue: ReviewDate | null
}

/**
 * What changed since a medical or translation review, for {@link ReviewData}.
 *
 * @public
 */
export interface ChangedSinceReviewData {
  /** Each text by the path its review recorded (`contraindications[<id>].text`), how it changed, and which review. */
  fields: Array<{field: string; change: 'changed' | 'added' | 'removed'; review: 'medical' | 'translation'}>
  /** The sentence shown on the page, or `null` when nothing changed. */
  text: string | null
}

/**
 * Data of the `disclaimer` section.
 *
 * @public
 */
export interface DisclaimerData {
  disclaimer: PageText
}

/**
 * One section of a treatment page.
 *
 * @public
 */
export interface TreatmentPageSectionOf<I extends TreatmentPageSectionId, D> {
  /** Stable, also the `id` of the `<section>` in `html` (after `idPrefix`). */
  id: I
  /** The section heading, localized, plain text. */
  heading: string
  /** A sanitized HTML fragment: `<section id="…"><h2>heading</h2>…</section>`. */
  html: string
  /** The section's content, for sites that render their own markup. */
  data: D
}

/**
 * A section of a treatment page; `id` tells which data it has.
 *
 * @public
 */
export type TreatmentPageSection =
  | TreatmentPageSectionOf<'overview', OverviewData>
  | TreatmentPageSectionOf<'who-it-is-for', WhoItIsForData>
  | TreatmentPageSectionOf<'who-cannot-have-it', WhoCannotHaveItData>
  | TreatmentPageSectionOf<'how-it-is-done', HowItIsDoneData>
  | TreatmentPageSectionOf<'results', ResultsData>
  | TreatmentPageSectionOf<'side-effects', SideEffectsData>
  | TreatmentPageSectionOf<'when-to-get-help', WhenToGetHelpData>
  | TreatmentPageSectionOf<'sources', SourcesData>
  | TreatmentPageSectionOf<'review', ReviewData>
  | TreatmentPageSectionOf<'disclaimer', DisclaimerData>
