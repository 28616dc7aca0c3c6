import type {
  Drug,
  MedicalCode,
  MedicalCondition,
  MedicalContraindication,
  MedicalProcedureType,
  MedicalSignOrSymptom,
  MedicalTherapy,
  MedicalWebPage,
  WithContext,
} from 'schema-dts'
import type {LocalizedTreatment, TreatmentResult} from '../types.ts'
import {isMedicallyReviewed} from '../reader/medical-review-status.ts'
import {baseLocale} from '../locale/locale-registry.ts'
import {catalogLabel} from '../ui-strings/catalog-label.ts'
import {describeValue as describe} from '../describe-value.ts'
import type {UiStrings} from '../ui-strings/create-ui-strings.ts'
import {uiFor} from '../ui-strings/ui-for.ts'
import {checkTreatmentResult} from './check-treatment-result.ts'
import type {HreflangAlternate} from './hreflang-alternates.ts'

/**
 * Options of {@link treatmentJsonLd}.
 *
 * @public
 */
export interface TreatmentJsonLdOptions {
  /** The absolute URL of the page the JSON-LD is embedded in. */
  url: string
  /**
   * The page's language versions (from `hreflangAlternates`). The base locale's page lists the
   * others as `workTranslation`; any other locale's page names the base locale's page as
   * `translationOfWork`.
   */
  alternates?: readonly HreflangAlternate[]
  /** The page's UI strings (`createUiStrings(result.locale)`), to build them once per locale. Default: built for this call. */
  ui?: UiStrings
}

/**
 * The JSON-LD of a treatment page: a schema.org `MedicalWebPage`.
 *
 * @public
 */
export type TreatmentJsonLd = WithContext<MedicalWebPage>

const procedureTypes: Readonly<Record<string, MedicalProcedureType>> = {
  NoninvasiveProcedure: 'https://schema.org/NoninvasiveProcedure',
  PercutaneousProcedure: 'https://schema.org/PercutaneousProcedure',
  // schema.org has no `SurgicalProcedure` procedure type value (it is a type of its own), so
  // a surgical treatment gets no `procedureType`.
}

/**
 * schema.org JSON-LD for a treatment page, typed with `schema-dts`: a `MedicalWebPage` for
 * patients (`medicalAudience` `Patient`) in the page's language, with its review dates and
 * reviewer, whose `mainEntity` is the treatment as a `MedicalTherapy`: procedure type, how it
 * is performed, body locations, each ingredient as a `Drug` (a class of substances as a `Drug`
 * with its `drugClass`), expected side effects as `adverseOutcome`, serious ones as
 * `seriousAdverseOutcome`, and every contraindication as a `MedicalContraindication` with its
 * kind (absolute or relative) as `description`. The condition treated is in `about`, with the
 * therapy as its `possibleTreatment`.
 *
 * Text is the localized text of the result (fields that fell back are in their fallback
 * language); a field with no text in any locale is left out of its item, and the item is kept.
 * Embed it with `serializeJsonLd`, never with `JSON.stringify` alone.
 *
 * @example
 * ```ts
 * const result = await content.getTreatment('mesotherapy-cellulite', {locale: 'it'})
 * const jsonLd = treatmentJsonLd(result, {url: 'https://example.com/it/treatments/mesotherapy-cellulite'})
 * ```
 * @param result - A `getTreatment` result.
 * @throws {TypeError} When `result` is not a `getTreatment` result, `url` is not a non-empty
 *   string, or `alternates` is not an array of `{hreflang, href}`.
 * @public
 */
export function treatmentJsonLd(result: TreatmentResult, options: TreatmentJsonLdOptions): TreatmentJsonLd {
  checkTreatmentResult('treatmentJsonLd', result)
  if (typeof options !== 'object' || options === null) {
    throw new TypeError(`\`treatmentJsonLd\` expects an options object \`{url}\` as its second argument, got ${describe(options)}`)
  }
  const {url, alternates = []} = options
  if (typeof url !== 'string' || url.trim() === '') {
    throw new TypeError(`\`treatmentJsonLd\` expects \`url\` to be the page's URL, got ${describe(url)}`)
  }
  if (!Array.isArray(alternates) || !alternates.every(isAlternate)) {
    throw new TypeError('`treatmentJsonLd` expects `alternates` to be an array of `{hreflang, href}` strings (see `hreflangAlternates`)')
  }

  return buildTreatmentJsonLd(result, url, alternates, uiFor('treatmentJsonLd', result.locale, options.ui))
}

/**
 * {@link treatmentJsonLd} for arguments already checked (the page renderer's), so that the page
 * does not ship the checks twice.
 *
 * @internal
 */
export function buildTreatmentJsonLd(result: TreatmentResult, url: string, alternates: readonly HreflangAlternate[], ui: UiStrings): TreatmentJsonLd {
  const {locale, treatment} = result
  const therapyId = `${url}#treatment`
  const review = treatment.medicalReview as LocalizedTreatment['medicalReview'] | null

  const therapy: MedicalTherapy = {
    '@type': 'MedicalTherapy',
    '@id': therapyId,
    ...text('name', treatment.title),
    ...text('description', treatment.summary),
    ...(procedureTypes[treatment.procedureType] ? {procedureType: procedureTypes[treatment.procedureType]} : {}),
    ...text('howPerformed', treatment.howPerformed),
    ...list('bodyLocation', (treatment.bodyAreas ?? []).map((area) => catalogLabel(ui, 'bodyArea', area) ?? area)),
    ...list('drug', (treatment.ingredients ?? []).map(({ingredient}): Drug => ({
      '@type': 'Drug',
      ...text('name', ingredient.name),
      ...text('mechanismOfAction', ingredient.mechanism),
      ...(ingredient.isClass ? {drugClass: {'@type': 'DrugClass', ...text('name', ingredient.name)}} : {}),
      ...codes(ingredient.codes),
    }))),
    // Anything not known to be expected counts as serious, as on the page.
    ...list('adverseOutcome', sideEffects(treatment, (severity) => severity === 'expected')),
    ...list('seriousAdverseOutcome', sideEffects(treatment, (severity) => severity !== 'expected')),
    ...list('contraindication', treatment.contraindications.map((item): MedicalContraindication => ({
      '@type': 'MedicalContraindication',
      ...text('name', item.text),
      ...text('description', catalogLabel(ui, 'contraindicationKind', item.kind) ?? null),
      ...codes(item.codes),
    }))),
  }

  const condition = treatment.condition as LocalizedTreatment['condition'] | null
  const about: Array<MedicalCondition | {'@id': string}> = [{'@id': therapyId}]
  if (condition) {
    about.push({
      '@type': 'MedicalCondition',
      ...text('name', condition.name),
      ...list('alternateName', (condition.alternateNames ?? []).flatMap((item) => (item.name === null ? [] : [item.name]))),
      ...text('description', condition.description),
      possibleTreatment: {'@id': therapyId},
    })
  }

  const jsonLd: TreatmentJsonLd = {
    '@context': 'https://schema.org',
    '@type': 'MedicalWebPage',
    '@id': url,
    url,
    ...text('name', treatment.title),
    ...text('description', treatment.summary),
    inLanguage: locale,
    medicalAudience: {'@type': 'Patient'},
  }
  if (typeof treatment._updatedAt === 'string') jsonLd.dateModified = treatment._updatedAt
  // Search engines read lastReviewed/reviewedBy as a claim of medical review: only when true.
  const reviewed = review !== null && isMedicallyReviewed(result)
  if (reviewed && typeof review.lastReviewed === 'string') jsonLd.lastReviewed = review.lastReviewed
  if (reviewed && typeof review.reviewer === 'string' && review.reviewer.trim() !== '') {
    jsonLd.reviewedBy = {'@type': 'Person', name: review.reviewer}
  }
  jsonLd.mainEntity = therapy
  jsonLd.about = about

  const base = alternates.find((alternate) => alternate.hreflang === baseLocale)
  const page = (alternate: HreflangAlternate): MedicalWebPage => ({'@type': 'MedicalWebPage', url: alternate.href, inLanguage: alternate.hreflang})
  if (locale === baseLocale) {
    const translations = alternates.filter((alternate) => alternate.hreflang !== 'x-default' && alternate.hreflang !== locale)
    if (translations.length > 0) jsonLd.workTranslation = translations.map(page)
  } else if (base && base.href !== url) {
    jsonLd.translationOfWork = page(base)
  }
  return jsonLd
}

function sideEffects(treatment: LocalizedTreatment, keep: (severity: string) => boolean): MedicalSignOrSymptom[] {
  return (treatment.sideEffects ?? [])
    .filter((item) => keep(item.severity))
    .map((item) => ({'@type': 'MedicalSignOrSymptom', ...text('name', item.text)}))
}

/** `{[name]: value}` when `value` has text, else `{}`. */
function text<K extends string>(name: K, value: string | null | undefined): {[P in K]?: string} {
  return typeof value === 'string' && value.trim() !== '' ? ({[name]: value} as {[P in K]: string}) : {}
}

/** `{[name]: values}` when there are values, else `{}`. */
function list<K extends string, V>(name: K, values: V[]): {[P in K]?: V[]} {
  return values.length > 0 ? ({[name]: values} as {[P in K]: V[]}) : {}
}

function codes(list: ReadonlyArray<{codingSystem: string; code: string}> | null | undefined): {code?: MedicalCode[]} {
  if (!list || list.length === 0) return {}
  return {code: list.map((item) => ({'@type': 'MedicalCode', codeValue: item.code, codingSystem: item.codingSystem}))}
}

function isAlternate(value: unknown): value is HreflangAlternate {
  return typeof value === 'object' && value !== null && typeof (value as HreflangAlternate).hreflang === 'string' && typeof (value as HreflangAlternate).href === 'string'
}
