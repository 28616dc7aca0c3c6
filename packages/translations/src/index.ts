export {alignTarget} from './lib/align-target.ts'
export {blockMarksTree, type MarkNode} from './lib/block-marks-tree.ts'
export {buildXliff, STALE_SUBSTATE, type XliffFileInput, type XliffInput, type XliffUnitInput} from './lib/build-xliff.ts'
export {createXliffExport, fieldStates, type XliffExport, type XliffExportOptions} from './lib/create-xliff-export.ts'
export {
  documentTranslationStatus,
  type FieldState,
  type FieldStateReason,
  type FieldStatus,
  type TranslatableDocument,
} from './lib/document-translation-status.ts'
export {exportDataset, type ExportDatasetOptions} from './lib/export-dataset.ts'
export {exportXliff} from './lib/export-xliff.ts'
export {type EditableDocument, fetchEditableDocuments} from './lib/fetch-editable-documents.ts'
export {fetchPublishedDocuments, publishedDocumentsQuery} from './lib/fetch-published-documents.ts'
export {
  findLocalizedFields,
  isLocalizedArray,
  itemLanguage,
  localizedValue,
  type LocalizedField,
  type LocalizedItem,
} from './lib/find-localized-fields.ts'
export {fieldTitle, type FieldTitleNode, type FieldTitles} from './lib/field-title.ts'
export {formatStatusTable} from './lib/format-status-table.ts'
export {importXliff, type XliffImportOptions, type XliffImportResult} from './lib/import-xliff.ts'
export {inlineCodeProblems} from './lib/inline-code-problems.ts'
export type {BlockInfo, CodeMeaning, InlineNode, SegmentContent, UnitContent} from './lib/inline-content.ts'
export {markMedicallyReviewedPatch} from './lib/mark-medically-reviewed.ts'
export {
  type CoveredTextEntry,
  languageName,
  markReviewedAvailability,
  markReviewedLabel,
  markReviewedPatch,
  type MarkReviewedAvailability,
  type ReviewPatch,
} from './lib/mark-reviewed.ts'
export {markTranslatedLabel, markTranslatedPatch} from './lib/mark-translated.ts'
export {plainText} from './lib/plain-text.ts'
export {findPreviousSources, type PreviousSource, type PreviousSources, previousSourceKey} from './lib/previous-sources.ts'
export {parseXliff, type ParsedFile, type ParsedSegment, type ParsedUnit, type ParsedXliff, type ParseXliffOptions} from './lib/parse-xliff.ts'
export {parseXmlStrictly} from './lib/parse-xml-strictly.ts'
export {
  planXliffImport,
  type DocumentUpdate,
  type ImportChange,
  type ImportChangeKind,
  type PlanXliffImportOptions,
  type XliffImportPlan,
} from './lib/plan-xliff-import.ts'
export {collectReferences, referenceGroups, referenceOrder} from './lib/reference-order.ts'
export {seedDataset, type SeedOptions, type SeedProgress, type SeedResult} from './lib/seed-dataset.ts'
export {reviewChanges, type ReviewChanges} from './lib/review-changes.ts'
export {isSafetyField} from './lib/safety-field.ts'
export {resolveStatusLocales, translationLocales, type StatusOptions} from './lib/status-options.ts'
export {formatPercent, stateCounts, stateSummary, summarizeLocales, type LocaleSummary} from './lib/summarize-locales.ts'
export {targetHash} from './lib/target-hash.ts'
export {targetValue} from './lib/target-value.ts'
export {translationBadge, type TranslationBadge} from './lib/translation-badge.ts'
export {
  fieldLabel,
  localeState,
  translationPanelModel,
  type TranslationPanelItem,
  type TranslationPanelSection,
} from './lib/translation-panel-model.ts'
export {
  findTranslationState,
  recordedSourceHash,
  recordedTargetHash,
  recordedSourceText,
  type SourceHashEntry,
  type SourceTextEntry,
  type TranslationState,
  type TranslationStateStatus,
} from './lib/translation-state.ts'
export {translationStatus, type TranslationStatusReport} from './lib/translation-status.ts'
export {unitContent} from './lib/unit-content.ts'
export {isXliffError, XliffError, type XliffErrorCode} from './lib/xliff-error.ts'
export {METADATA_NAMESPACE, SUPPORTED_XLIFF_VERSIONS, XLIFF_NAMESPACE} from './lib/xliff-namespaces.ts'
export {unitId, xliffToken} from './lib/xliff-token.ts'
export {wordDiff, type WordDiffPart, wordDiffParts} from './lib/word-diff.ts'
