import {defineQuery} from 'groq'

// Every localized field is projected as
//   {"i18n": field[<item in $locale> || (<item in $locales> && ($all || <no text in $locale>))]{language, _key, value}}
// so the requested locale travels, and the rest of the chain only for fields the requested
// locale has no text for: one request per page, and only what the page can show. An item's
// locale is `coalesce(language, _key)`, the rule `localize()` uses too: `_key` held it before
// sanity-plugin-internationalized-array v5. `localize()` then picks the first locale with
// visible text. GROQ cannot trim, so a whitespace-only translation counts as text here;
// `localize()` spots it and the package asks again with `$all: true`. Drafts and release
// versions are never served. A referenced document of another `_type` than its field expects
// carries its `_type` (and only then: no bytes for sound data), so the package can refuse it
// (a side effect listed as a contraindication, say),
// and a slug query returns every treatment with the slug, so two are an error, never first-wins.
// Safety texts (contraindications, side effects) also carry their
// base-locale text and the source hash their translation was made from, so that a translation
// of an older source text is not shown as current. On pages in another locale than the base,
// the disclaimer and claims of a page marked medically reviewed carry their base-locale text
// too (only then is it needed: to check the review still covers them), and reviews carry the hashes of
// the texts they covered (only the requested locale's translation review), so the package can
// tell whether each reviewed text is still the one the doctor read. `sanity typegen` resolves the shared
// projection constant, so every query stays typed.

/** The projection of a whole treatment page, shared by the single and the bulk query. */
const treatmentProjection = /* groq */ `{
  _id,
  _updatedAt,
  "slug": slug.current,
  "title": {"i18n": title[coalesce(language, _key) == $locale || (coalesce(language, _key) in $locales && ($all || count(^.title[coalesce(language, _key) == $locale && length(coalesce(pt::text(value), value)) > 0]) == 0))]{language, _key, value}},
  "summary": {"i18n": summary[coalesce(language, _key) == $locale || (coalesce(language, _key) in $locales && ($all || count(^.summary[coalesce(language, _key) == $locale && length(coalesce(pt::text(value), value)) > 0]) == 0))]{language, _key, value}},
  "body": {"i18n": body[coalesce(language, _key) == $locale || (coalesce(language, _key) in $locales && ($all || count(^.body[coalesce(language, _key) == $locale && length(coalesce(pt::text(value), value)) > 0]) == 0))]{language, _key, value}},
  procedureType,
  "howPerformed": {"i18n": howPerformed[coalesce(language, _key) == $locale || (coalesce(language, _key) in $locales && ($all || count(^.howPerformed[coalesce(language, _key) == $locale && length(coalesce(pt::text(value), value)) > 0]) == 0))]{language, _key, value}},
  bodyAreas,
  protocol{sessionsMin, sessionsMax, intervalMinWeeks, intervalMaxWeeks},
  "condition": condition->{
    _id,
    _type != "condition" => {_type},
    "name": {"i18n": name[coalesce(language, _key) == $locale || (coalesce(language, _key) in $locales && ($all || count(^.name[coalesce(language, _key) == $locale && length(coalesce(pt::text(value), value)) > 0]) == 0))]{language, _key, value}},
    "alternateNames": alternateNames[]{_key, "name": {"i18n": name[coalesce(language, _key) == $locale || (coalesce(language, _key) in $locales && ($all || count(^.name[coalesce(language, _key) == $locale && length(coalesce(pt::text(value), value)) > 0]) == 0))]{language, _key, value}}},
    "description": {"i18n": description[coalesce(language, _key) == $locale || (coalesce(language, _key) in $locales && ($all || count(^.description[coalesce(language, _key) == $locale && length(coalesce(pt::text(value), value)) > 0]) == 0))]{language, _key, value}}
  },
  "ingredients": ingredients[]{
    _key,
    "role": {"i18n": role[coalesce(language, _key) == $locale || (coalesce(language, _key) in $locales && ($all || count(^.role[coalesce(language, _key) == $locale && length(coalesce(pt::text(value), value)) > 0]) == 0))]{language, _key, value}},
    "ingredient": ingredient->{
      _id,
      _type != "ingredient" => {_type},
      ingredientClass,
      isClass,
      "name": {"i18n": name[coalesce(language, _key) == $locale || (coalesce(language, _key) in $locales && ($all || count(^.name[coalesce(language, _key) == $locale && length(coalesce(pt::text(value), value)) > 0]) == 0))]{language, _key, value}},
      "mechanism": {"i18n": mechanism[coalesce(language, _key) == $locale || (coalesce(language, _key) in $locales && ($all || count(^.mechanism[coalesce(language, _key) == $locale && length(coalesce(pt::text(value), value)) > 0]) == 0))]{language, _key, value}},
      codes[]{codingSystem, code}
    }
  },
  "effects": effects[]->{
    _id,
    _type != "effect" => {_type},
    onsetDays,
    claimStatus,
    "text": {"i18n": text[coalesce(language, _key) == $locale || (coalesce(language, _key) in $locales && ($all || count(^.text[coalesce(language, _key) == $locale && length(coalesce(pt::text(value), value)) > 0]) == 0))]{language, _key, value}}
  },
  "claims": claims[]{
    _key,
    topic,
    claimStatus,
    "statement": {"i18n": statement[coalesce(language, _key) == $locale || (coalesce(language, _key) in $locales && ($all || count(^.statement[coalesce(language, _key) == $locale && length(coalesce(pt::text(value), value)) > 0]) == 0))]{language, _key, value}, $locale != $base && ^.medicalReview.status == "reviewed" => {"source": {"value": statement[coalesce(language, _key) == $base][0].value}}}
  },
  "sideEffects": sideEffects[]->{
    _id,
    _type != "sideEffect" => {_type},
    severity,
    "text": {"i18n": text[coalesce(language, _key) == $locale || (coalesce(language, _key) in $locales && ($all || count(^.text[coalesce(language, _key) == $locale && length(coalesce(pt::text(value), value)) > 0]) == 0))]{language, _key, value}, "source": {"value": text[coalesce(language, _key) == $base][0].value, "hash": translations[language == $locale][0].sourceHashes[field == "text"][0].hash}},
    "whenToSeekHelp": {"i18n": whenToSeekHelp[coalesce(language, _key) == $locale || (coalesce(language, _key) in $locales && ($all || count(^.whenToSeekHelp[coalesce(language, _key) == $locale && length(coalesce(pt::text(value), value)) > 0]) == 0))]{language, _key, value}, "source": {"value": whenToSeekHelp[coalesce(language, _key) == $base][0].value, "hash": translations[language == $locale][0].sourceHashes[field == "whenToSeekHelp"][0].hash}}
  },
  "contraindications": contraindications[]->{
    _id,
    _type != "contraindication" => {_type},
    kind,
    category,
    "text": {"i18n": text[coalesce(language, _key) == $locale || (coalesce(language, _key) in $locales && ($all || count(^.text[coalesce(language, _key) == $locale && length(coalesce(pt::text(value), value)) > 0]) == 0))]{language, _key, value}, "source": {"value": text[coalesce(language, _key) == $base][0].value, "hash": translations[language == $locale][0].sourceHashes[field == "text"][0].hash}},
    codes[]{codingSystem, code}
  },
  "disclaimer": {"i18n": disclaimer[coalesce(language, _key) == $locale || (coalesce(language, _key) in $locales && ($all || count(^.disclaimer[coalesce(language, _key) == $locale && length(coalesce(pt::text(value), value)) > 0]) == 0))]{language, _key, value}, $locale != $base && medicalReview.status == "reviewed" => {"source": {"value": disclaimer[coalesce(language, _key) == $base][0].value}}},
  medicalReview{status, reviewer, lastReviewed, nextReviewDue, "sources": sources[]{_key, title, url, language, "versions": versions[]{_key, language, title, url}}, "coveredTexts": coveredTexts[]{field, hash}},
  "translations": translations[language in $locales]{language, status, reviewedBy, reviewedAt, language == $locale => {"coveredTexts": coveredTexts[]{field, hash}}},
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
  "title": {"i18n": title[coalesce(language, _key) == $locale || (coalesce(language, _key) in $locales && ($all || count(^.title[coalesce(language, _key) == $locale && length(coalesce(pt::text(value), value)) > 0]) == 0))]{language, _key, value}},
  "summary": {"i18n": summary[coalesce(language, _key) == $locale || (coalesce(language, _key) in $locales && ($all || count(^.summary[coalesce(language, _key) == $locale && length(coalesce(pt::text(value), value)) > 0]) == 0))]{language, _key, value}},
  procedureType,
  protocol{sessionsMin, sessionsMax, intervalMinWeeks, intervalMaxWeeks},
  "availableLocales": array::unique(title[defined(value)]{"l": coalesce(language, _key)}[].l)
}`)
