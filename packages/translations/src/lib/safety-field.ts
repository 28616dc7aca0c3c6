/**
 * Whether `field` of a document of `documentType` is a safety text: what a contraindication or
 * side effect says (and when to get help), a treatment's disclaimer or a claim. These are the
 * texts a medical and a translation review cover (`treatmentSafetyTexts` in
 * `@treatments/content/dataset` names the same ones by their treatment paths), so they are never
 * published before review.
 */
export function isSafetyField(documentType: string, field: string): boolean {
  if (documentType === 'contraindication') return field === 'text'
  if (documentType === 'sideEffect') return field === 'text' || field === 'whenToSeekHelp'
  if (documentType === 'treatment') return field === 'disclaimer' || /^claims\[_key=="[^"]+"\]\.statement$/.test(field)
  return false
}
