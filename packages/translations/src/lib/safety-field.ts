/**
 * Whether `field` of a document of `documentType` is a safety text: what a contraindication or
 * side effect says (and when to get help), what an effect promises, a treatment's disclaimer or a
 * claim. These are the texts a medical and a translation review cover (with facts such as a
 * contraindication's kind, which no translation touches: `treatmentSafetyTexts` in
 * `@treatments/content/dataset`), so a translation import never publishes them before review.
 */
export function isSafetyField(documentType: string, field: string): boolean {
  if (documentType === 'contraindication') return field === 'text'
  if (documentType === 'sideEffect') return field === 'text' || field === 'whenToSeekHelp'
  if (documentType === 'effect') return field === 'text'
  if (documentType === 'treatment') return field === 'disclaimer' || /^claims\[_key=="[^"]+"\]\.statement$/.test(field)
  return false
}
