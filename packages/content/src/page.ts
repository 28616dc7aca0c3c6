export {renderTreatmentPage} from './lib/page/render-treatment-page.ts'
export type {TreatmentPage, TreatmentPageOptions} from './lib/page/render-treatment-page.ts'
export type {TreatmentPageBanner} from './lib/page/page-banner.ts'
export type {TreatmentPageMessage, TreatmentPageRuleId} from './lib/page/page-message.ts'
export type {PageText, TextSource} from './lib/page/page-text.ts'
export type {
  ClaimItem,
  ContraindicationItem,
  DisclaimerData,
  EffectItem,
  HowItIsDoneData,
  IngredientItem,
  OverviewData,
  ProtocolData,
  ResultsData,
  ReviewData,
  ChangedSinceReviewData,
  ReviewDate,
  SideEffectItem,
  SideEffectsData,
  SourcesData,
  TreatmentPageSection,
  TreatmentPageSectionId,
  TreatmentPageSectionOf,
  WhenToGetHelpData,
  WhoCannotHaveItData,
  WhoItIsForData,
} from './lib/page/treatment-page-section.ts'
export {textSource} from './lib/page/text-source.ts'
