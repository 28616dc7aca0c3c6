import {defineQuery} from 'groq'

// Every localized field is projected as
//   {"i18n": field[coalesce(language, _key) in $locales]{language, _key, value}}
// so the items of the requested locale's chain travel (it always ends with the base locale),
// and `localize()` picks the first locale with visible text. An item's locale is
// `coalesce(language, _key)`, the rule `localize()` uses too: `_key` held it before
// sanity-plugin-internationalized-array v5. Why the whole chain and not only the requested
// locale plus the fallbacks a field needs: counted on the wire (request + gzip response), the
// per-field check (`count(^.field[... length(pt::text(value)) > 0]) == 0`, repeated per field)
// made the query 8.6 kB, sent with every request, which cost more than the fallback texts it
// saved; it also needed a second request when a translation was only whitespace (GROQ cannot
// trim), and it was 99% of the CPU of an in-process static build. Drafts and release versions
// are never served. A referenced document of another `_type` than its field expects carries its
// `_type` (and only then: no bytes for sound data), so the package can refuse it (a side effect
// listed as a contraindication, say), and a slug query returns every treatment with the slug,
// so two are an error, never first-wins.
// Safety texts (contraindications, side effects) also carry the source hash their translation
// was made from (`source.hash`), so that a translation of an older base text (which travels in
// the chain) is not shown as current. Reviews carry the hashes of the safety texts they covered
// (`coveredTexts` as stored: a sub-projection would cost query bytes on every page), so the
// package can tell whether each reviewed text is still the one the doctor read (the base text
// travels in the chain).
// `sanity typegen` resolves the shared projection constant, so every query stays typed.

/** The projection of a whole treatment page, shared by the single and the bulk query. */
const treatmentProjection = /* groq */ `{
  _id,
  _updatedAt,
  "slug": slug.current,
  "title": {"i18n": title[coalesce(language, _key) in $locales]{language, _key, value}},
  "summary": {"i18n": summary[coalesce(language, _key) in $locales]{language, _key, value}},
  "body": {"i18n": body[coalesce(language, _key) in $locales]{language, _key, value}},
  procedureType,
  "howPerformed": {"i18n": howPerformed[coalesce(language, _key) in $locales]{language, _key, value}},
  bodyAreas,
  protocol{sessionsMin, sessionsMax, intervalMinWeeks, intervalMaxWeeks},
  "condition": condition->{
    _id,
    _type != "condition" => {_type},
    "name": {"i18n": name[coalesce(language, _key) in $locales]{language, _key, value}},
    "alternateNames": alternateNames[]{_key, "name": {"i18n": name[coalesce(language, _key) in $locales]{language, _key, value}}},
    "description": {"i18n": description[coalesce(language, _key) in $locales]{language, _key, value}}
  },
  "ingredients": ingredients[]{
    _key,
    "role": {"i18n": role[coalesce(language, _key) in $locales]{language, _key, value}},
    "ingredient": ingredient->{
      _id,
      _type != "ingredient" => {_type},
      ingredientClass,
      isClass,
      "name": {"i18n": name[coalesce(language, _key) in $locales]{language, _key, value}},
      "mechanism": {"i18n": mechanism[coalesce(language, _key) in $locales]{language, _key, value}},
      codes[]{codingSystem, code}
    }
  },
  "effects": effects[]->{
    _id,
    _type != "effect" => {_type},
    onsetDays,
    claimStatus,
    "text": {"i18n": text[coalesce(language, _key) in $locales]{language, _key, value}}
  },
  "claims": claims[]{
    _key,
    topic,
    claimStatus,
    "statement": {"i18n": statement[coalesce(language, _key) in $locales]{language, _key, value}}
  },
  "sideEffects": sideEffects[]->{
    _id,
    _type != "sideEffect" => {_type},
    severity,
    "text": {"i18n": text[coalesce(language, _key) in $locales]{language, _key, value}, "source": {"hash": translations[language == $locale][0].sourceHashes[field == "text"][0].hash}},
    "whenToSeekHelp": {"i18n": whenToSeekHelp[coalesce(language, _key) in $locales]{language, _key, value}, "source": {"hash": translations[language == $locale][0].sourceHashes[field == "whenToSeekHelp"][0].hash}}
  },
  "contraindications": contraindications[]->{
    _id,
    _type != "contraindication" => {_type},
    kind,
    category,
    "text": {"i18n": text[coalesce(language, _key) in $locales]{language, _key, value}, "source": {"hash": translations[language == $locale][0].sourceHashes[field == "text"][0].hash}},
    codes[]{codingSystem, code}
  },
  "disclaimer": {"i18n": disclaimer[coalesce(language, _key) in $locales]{language, _key, value}},
  medicalReview{status, reviewer, lastReviewed, nextReviewDue, "sources": sources[]{_key, title, url, language, "versions": versions[]{_key, language, title, url}}, coveredTexts},
  "translations": translations[language in $locales]{language, status, reviewedBy, reviewedAt, coveredTexts},
  "availableLocales": array::unique(title[defined(value)]{"l": coalesce(language, _key)}[].l)
}`

/**
 * One treatment page: every published treatment with the slug (one, or none; the package
 * refuses two rather than pick one), with everything it references, localized to `$locales`.
 *
 * @public
 */
export const treatmentBySlugQuery = defineQuery(
  `*[_type == "treatment" && slug.current == $slug && !(_id in path("drafts.**")) && !(_id in path("versions.**"))] | order(_id asc)${treatmentProjection}`,
)

/**
 * Every published treatment page, localized to `$locales`: one request for a static build
 * instead of one per page.
 *
 * @public
 */
export const allTreatmentsQuery = defineQuery(
  `*[_type == "treatment" && defined(slug.current) && !(_id in path("drafts.**")) && !(_id in path("versions.**"))] | order(slug.current asc)${treatmentProjection}`,
)

/**
 * Every published treatment, as summaries for an index page, localized to `$locales`.
 *
 * @public
 */
export const treatmentListQuery = defineQuery(`*[_type == "treatment" && defined(slug.current) && !(_id in path("drafts.**")) && !(_id in path("versions.**"))] | order(slug.current asc){
  _id,
  "slug": slug.current,
  "title": {"i18n": title[coalesce(language, _key) in $locales]{language, _key, value}},
  "summary": {"i18n": summary[coalesce(language, _key) in $locales]{language, _key, value}},
  procedureType,
  protocol{sessionsMin, sessionsMax, intervalMinWeeks, intervalMaxWeeks},
  "availableLocales": array::unique(title[defined(value)]{"l": coalesce(language, _key)}[].l)
}`)
