/**
 * Whether `field` of a document of `documentType` is a safety text: what a contraindication or
 * side effect says (and when to get help), a treatment's disclaimer or a claim. A medical and a
 * translation review cover these texts and more (effects, and facts such as a contraindication's
 * kind: `treatmentSafetyTexts` in `@treatments/content/dataset`); these are the ones a translation
 * import never publishes before review.
 */
export function isSafetyField(documentType: string, field: string): boolean {
  if (documentType === 'contraindication') return field === 'text'
  if (documentType === 'sideEffect') return field === 'text' || field === 'whenToSeekHelp'
  if (documentType === 'treatment') return field === 'disclaimer' || /^claims\[_key=="[^"]+"\]\.statement$/.test(field)
  return false
}
