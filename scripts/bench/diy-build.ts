import {toHTML} from '@portabletext/to-html'
import {fallbackChain} from '@treatments/content/locales'
import {uiNamespace, uiResources} from '@treatments/content/ui-strings'
import i18next, {type TFunction} from 'i18next'

/**
 * The do-it-yourself static build a developer would write without this package: one GROQ query
 * for the whole published treatments (references expanded), then per page the first locale of
 * the chain with text, `@portabletext/to-html` for rich text, i18next (one instance per locale,
 * on the same catalogs) for headings and labels, and string templates for the rest.
 *
 * It writes the page this package writes, section for section: the review banner, the overview,
 * who it is for (condition, other names, body areas), who cannot have it, how it is done (the
 * protocol and the ingredients with their class), results (effects, then the clinic's claims
 * under their warning), side effects by severity, when to get help, sources, review dates and
 * the disclaimer, at the locale's own slug. What it leaves out is what the package adds on top:
 * the fallback report and its marks, the stale check, the response checks, the sanitizer, and
 * the ids and classes the site styles. The benches run it in-process over groq-js, and end to
 * end in a fresh process (groq-js over the NDJSON file, or `@sanity/client` against the lake).
 */
export const diyQuery = `*[_type == "treatment" && defined(slug.current) && !(_id in path("drafts.**"))] | order(slug.current asc){
  ...,
  "condition": condition->,
  "ingredients": ingredients[]{..., "ingredient": ingredient->},
  "effects": effects[]->,
  "sideEffects": sideEffects[]->,
  "contraindications": contraindications[]->
}`

interface Item {
  language?: string
  _key?: string
  value?: unknown
}
type Doc = Record<string, unknown>

/** Calls `write(slug, html)` for every treatment's page in `locale`; resolves with the number of pages. */
export async function diyPages(treatments: readonly Doc[], locale: string, write: (slug: string, html: string) => void): Promise<number> {
  const chain = fallbackChain(locale)
  const i18n = i18next.createInstance()
  await i18n.init({lng: locale, fallbackLng: chain.slice(1), resources: uiResources, ns: [uiNamespace], defaultNS: uiNamespace, interpolation: {escapeValue: false}})
  const t: TFunction = i18n.t
  // The labels that are the same on every page, looked up once per locale, as a careful build would.
  const labels = new Map<string, string>()
  const label = (key: string): string => {
    let found = labels.get(key)
    if (found === undefined) labels.set(key, (found = escape(t(key))))
    return found
  }
  const dates = new Intl.DateTimeFormat(locale, {dateStyle: 'long', timeZone: 'UTC'})
  const date = (value: unknown) => (typeof value === 'string' ? dates.format(new Date(value)) : '')
  const text = (field: unknown): string => {
    const value = pick(field, chain)
    return typeof value === 'string' ? escape(value) : ''
  }
  const rich = (field: unknown): string => {
    const value = pick(field, chain)
    return Array.isArray(value) ? toHTML(value as Parameters<typeof toHTML>[0]) : ''
  }
  const items = (value: unknown) => (Array.isArray(value) ? (value as Doc[]) : [])
  const list = (value: unknown, render: (item: Doc) => string) => `<ul>${items(value).map((item) => `<li>${render(item)}</li>`).join('')}</ul>`
  const section = (heading: string, body: string) => `<section><h2>${label(heading)}</h2>${body}</section>`
  const range = (min: unknown, max: unknown) => (min === max ? String(min) : t('numberRange', {min, max}))
  let pages = 0
  for (const treatment of treatments) {
    const condition = (treatment.condition ?? {}) as Doc
    const protocol = (treatment.protocol ?? {}) as Doc
    const review = (treatment.medicalReview ?? {}) as Doc
    const reviewed = review.status === 'reviewed'
    const status = label(reviewed ? 'reviewedByADoctor' : 'awaitingMedicalReview')
    const claims = items(treatment.claims)
    const sideEffects = items(treatment.sideEffects)
    const bySeverity = ['serious', 'expected'].map((severity) => [severity, sideEffects.filter((item) => item.severity === severity)] as const).filter(([, found]) => found.length > 0)
    const sessions = t('sessionsRange', {range: range(protocol.sessionsMin, protocol.sessionsMax), count: protocol.sessionsMax})
    const interval = t('weeksApart', {range: range(protocol.intervalMinWeeks, protocol.intervalMaxWeeks), count: protocol.intervalMaxWeeks})
    const html = `<article lang="${locale}"><h1>${text(treatment.title)}</h1>
<div><p>${status}</p><p>${label('onlyADoctorCanAdvise')} <a href="#disclaimer">${label('readFullNotice')}</a></p></div>
${section('overview', `<p>${text(treatment.summary)}</p>${rich(treatment.body)}`)}
${section(
  'whoItIsFor',
  `<dl><dt>${label('usedFor')}</dt><dd>${text(condition.name)}</dd><dt>${label('otherNames')}</dt><dd>${items(condition.alternateNames)
    .map((name) => text(name.name))
    .join(', ')}</dd><dt>${label('bodyAreas')}</dt><dd>${items(treatment.bodyAreas)
    .map((area) => label(`bodyArea.${String(area)}`))
    .join(', ')}</dd></dl><p>${text(condition.description)}</p>`,
)}
${section('whoCannotHaveIt', list(treatment.contraindications, (item) => text(item.text)))}
${section(
  'howItIsDone',
  `<p>${text(treatment.howPerformed)}</p><h3>${label('howManySessions')}</h3><p>${escape(t('protocolSummary', {sessions, interval}))}</p><h3>${label('ingredients')}</h3>${list(
    treatment.ingredients,
    (item) => {
      const ingredient = (item.ingredient ?? {}) as Doc
      return `${text(ingredient.name)} <span>${label(`ingredientClass.${String(ingredient.ingredientClass)}`)}</span><p>${text(item.role)}</p>`
    },
  )}`,
)}
${section(
  'resultsAndWhen',
  `${list(treatment.effects, (item) => text(item.text))}${claims.length > 0 ? `<h3>${label('clinicSaysPendingReview')}</h3><p>${label('clinicSaysIntro')}</p>${list(claims, (item) => text(item.statement))}` : ''}`,
)}
${section('sideEffects', bySeverity.map(([severity, found]) => `<h3>${label(`sideEffectSeverity.${severity}`)}</h3>${list(found, (item) => text(item.text))}`).join(''))}
${section('whenToGetHelp', `<dl>${sideEffects.map((item) => `<dt>${text(item.text)}</dt><dd>${text(item.whenToSeekHelp)}</dd>`).join('')}</dl>`)}
${section('sources', list(review.sources, (item) => escape(String(item.title ?? ''))))}
${section('reviewDates', `<p>${status}</p>${review.lastReviewed ? `<p>${escape(t('lastReviewed', {date: date(review.lastReviewed)}))}</p>` : ''}<p>${escape(t('nextReviewDue', {date: date(review.nextReviewDue)}))}</p>`)}
<section id="disclaimer"><h2>${label('disclaimer')}</h2><p>${text(treatment.disclaimer)}</p></section>
</article>`
    write(slugIn(treatment, locale), html)
    pages++
  }
  return pages
}

/** The page's slug in `locale`: its own localized slug, else the base slug. */
function slugIn(treatment: Doc, locale: string): string {
  const own = (Array.isArray(treatment.localizedSlugs) ? (treatment.localizedSlugs as Item[]) : []).find((item) => (item.language ?? item._key) === locale)?.value
  return typeof own === 'string' && own !== '' ? own : (treatment.slug as {current: string}).current
}

/** The first locale of the chain whose item has a non-blank value. */
function pick(field: unknown, chain: readonly string[]): unknown {
  if (!Array.isArray(field)) return undefined
  for (const locale of chain) {
    const item = (field as Item[]).find((candidate) => (candidate.language ?? candidate._key) === locale)
    const value = item?.value
    if (typeof value === 'string' ? value.trim() !== '' : Array.isArray(value) && value.length > 0) return value
  }
  return undefined
}

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`)
}
