import {defineQuery} from 'groq'

// Every localized field is projected as
//   {"i18n": field[coalesce(language, _key) in $locales]{language, _key, value}}
// so the items of the requested locale's chain travel (it always ends with the base locale),
// and `localize()` picks the first locale with visible text. An item's locale is
// `coalesce(language, _key)`, the rule `localize()` uses too: `_key` held it before
// sanity-plugin-internationalized-array v5. Why the whole chain and not only the requested
// locale plus the fallbacks a field needs: counted on the wire (request URL + gzip response,
// shipped dataset, both written with the functions below), the per-field check cost more than
// it saved over the three locales (en 6.4, it 7.8, de 7.1 kB against 5.8, 8.6, 6.6 kB: its
// check makes the URL 0.5 kB longer on every page, and only a complete translation saves
// response bytes), it needs a second request when a translation is only whitespace (GROQ
// cannot trim), and it was 99% of the CPU of an in-process static build.
// Drafts and release versions are never served. A referenced document of another `_type` than
// its field expects carries its `_type` (and only then: no bytes for sound data), so the package
// can refuse it (a side effect listed as a contraindication, say), and a slug query returns
// every treatment with the slug, so two are an error, never first-wins.
// Safety texts (every text a review covers: contraindications, side effects and when to get
// help, effects, claims, the disclaimer; `treatmentSafetyTexts`) also carry the source hash their
// translation was made from (`source.hash`, as the translation state records it under the
// field's path: `text`, `disclaimer`, `claims[_key=="…"].statement`), so that a translation of
// an older base text (which travels in the chain) is not shown as current. Reviews carry the hashes of the safety texts they covered
// (`coveredTexts` as stored: a sub-projection would cost query bytes on every page), so the
// package can tell whether each reviewed text is still the one the doctor read (the base text
// travels in the chain).
// A treatment's slug is per locale: `slug.current` is the base locale's (required, and the order
// of the bulk queries), `localizedSlugs` holds the other locales' own slugs (all of them travel:
// the page's alternates link each locale's URL), `formerSlugs` the slugs it was found by before
// (only matched, never projected: the reader tells a former slug by its not being a current one).
// `sanity typegen` resolves the shared projection constant, so every query stays typed.

/**
 * Custom GROQ functions (`fn`; Content Lake, and groq-js 1.24+ for typegen and the local lake)
 * that a query declares first, so the locale-chain projection is written once instead of at
 * each of the twenty localized fields: the page query's URL went from 4.2 to 2.9 kB. A
 * function's body must be a projection of its one parameter, so a field travels wrapped:
 * `l::i({"v": title})` is `{"i18n": title[…]{…}}`, and `l::s` adds a safety text's recorded
 * source hash (`"t"`: the document's translations, `"f"`: the field's name), its first 39
 * characters only (`recordedHashLength`: the rest is 32 hex digits per safety text that gzip
 * cannot shrink, 0.6 kB of the Italian page's answer).
 */
const localizedFunction = /* groq */ `fn l::i($f) = $f{"i18n": v[coalesce(language, _key) in $locales]{language, _key, value}};
`
const safetyTextFunction = /* groq */ `fn l::s($f) = $f{"i18n": v[coalesce(language, _key) in $locales]{language, _key, value}, "source": {"hash": array::join(string::split(t[language == $locale][0].sourceHashes[field == ^.f][0].hash, "")[0...39], "")}};
`

/**
 * `l::s` for every locale at once: the source hash recorded for the field by each locale's
 * translation state (`"hashes"`), where the one-locale `l::s` carries only `$locale`'s. See
 * {@link allTreatmentsEveryLocaleQuery}.
 */
const safetyTextEveryLocaleFunction = /* groq */ `fn l::s($f) = $f{"i18n": v[coalesce(language, _key) in $locales]{language, _key, value}, "source": {"hashes": t[language in $locales]{language, "hash": array::join(string::split(sourceHashes[field == ^.^.f][0].hash, "")[0...39], "")}}};
`

/** The projection of a whole treatment page, shared by the single and the bulk query. */
const treatmentProjection = /* groq */ `{
  _id,
  _updatedAt,
  "slug": slug.current,
  "localizedSlugs": localizedSlugs[]{language, value},
  "title": l::i({"v": title}),
  "summary": l::i({"v": summary}),
  "body": l::i({"v": body}),
  procedureType,
  "howPerformed": l::i({"v": howPerformed}),
  bodyAreas,
  protocol{sessionsMin, sessionsMax, intervalMinWeeks, intervalMaxWeeks},
  "condition": condition->{
    _id,
    _type != "condition" => {_type},
    "name": l::i({"v": name}),
    "alternateNames": alternateNames[]{_key, "name": l::i({"v": name})},
    "description": l::i({"v": description})
  },
  "ingredients": ingredients[]{
    _key,
    "role": l::i({"v": role}),
    "ingredient": ingredient->{
      _id,
      _type != "ingredient" => {_type},
      ingredientClass,
      isClass,
      "name": l::i({"v": name}),
      "mechanism": l::i({"v": mechanism}),
      codes[]{codingSystem, code}
    }
  },
  "effects": effects[]->{
    _id,
    _type != "effect" => {_type},
    onsetDays,
    claimStatus,
    "text": l::s({"v": text, "t": translations, "f": "text"})
  },
  "claims": claims[]{
    _key,
    topic,
    claimStatus,
    "statement": l::s({"v": statement, "t": ^.translations, "f": 'claims[_key=="' + _key + '"].statement'})
  },
  "sideEffects": sideEffects[]->{
    _id,
    _type != "sideEffect" => {_type},
    severity,
    "text": l::s({"v": text, "t": translations, "f": "text"}),
    "whenToSeekHelp": l::s({"v": whenToSeekHelp, "t": translations, "f": "whenToSeekHelp"})
  },
  "contraindications": contraindications[]->{
    _id,
    _type != "contraindication" => {_type},
    kind,
    category,
    "text": l::s({"v": text, "t": translations, "f": "text"}),
    codes[]{codingSystem, code}
  },
  "disclaimer": l::s({"v": disclaimer, "t": translations, "f": "disclaimer"}),
  medicalReview{status, reviewer, lastReviewed, nextReviewDue, "sources": sources[]{_key, title, url, language, "versions": versions[]{_key, language, title, url}}, coveredTexts},
  "translations": translations[language in $locales]{language, status, reviewedBy, reviewedAt, coveredTexts},
  "availableLocales": array::unique(title[defined(value)]{"l": coalesce(language, _key)}[].l)
}`

/**
 * One treatment page: every published treatment that answers to the slug, in any locale, as
 * its current or a former slug (the package picks the one for the requested locale and refuses
 * two it cannot tell apart), with everything it references, localized to `$locales`.
 *
 * @public
 */
export const treatmentBySlugQuery = defineQuery(
  `${localizedFunction}${safetyTextFunction}*[_type == "treatment" && (slug.current == $slug || $slug in localizedSlugs[].value || $slug in formerSlugs[].slug) && !(_id in path("drafts.**")) && !(_id in path("versions.**"))] | order(_id asc)${treatmentProjection}`,
)

/**
 * Every published treatment page, localized to `$locales`: one request for a static build
 * instead of one per page.
 *
 * @public
 */
export const allTreatmentsQuery = defineQuery(
  `${localizedFunction}${safetyTextFunction}*[_type == "treatment" && defined(slug.current) && !(_id in path("drafts.**")) && !(_id in path("versions.**"))] | order(slug.current asc)${treatmentProjection}`,
)

/**
 * Every published treatment page in every locale of `$locales` at once, for a build of every
 * locale: the base locale's text and the pages' structure travel once instead of once per
 * locale. The reader splits the answer into what {@link allTreatmentsQuery} answers for each
 * locale (`answerInLocale`) before it checks and localizes it.
 *
 * @public
 */
export const allTreatmentsEveryLocaleQuery = defineQuery(
  `${localizedFunction}${safetyTextEveryLocaleFunction}*[_type == "treatment" && defined(slug.current) && !(_id in path("drafts.**")) && !(_id in path("versions.**"))] | order(slug.current asc)${treatmentProjection}`,
)

/**
 * Every published treatment, as summaries for an index page, localized to `$locales`.
 *
 * @public
 */
export const treatmentListQuery = defineQuery(`${localizedFunction}*[_type == "treatment" && defined(slug.current) && !(_id in path("drafts.**")) && !(_id in path("versions.**"))] | order(slug.current asc){
  _id,
  "slug": slug.current,
  "localizedSlugs": localizedSlugs[]{language, value},
  "title": l::i({"v": title}),
  "summary": l::i({"v": summary}),
  procedureType,
  protocol{sessionsMin, sessionsMax, intervalMinWeeks, intervalMaxWeeks},
  "availableLocales": array::unique(title[defined(value)]{"l": coalesce(language, _key)}[].l)
}`)
