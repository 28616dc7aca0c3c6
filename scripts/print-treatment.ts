/**
 * `pnpm print [--locale it]`: prints the seed treatment, localized, from the embedded dataset
 * (or the NDJSON file in CONTENT_DATASET), and says which fields fell back to another language.
 * Its labels are the package's UI strings (`@treatments/content/ui-strings`) in the served locale.
 */
import {createTreatmentContent, ContentNotFoundError, isTreatmentContentError, type TreatmentResult} from '@treatments/content'
import {isDatasetFileError, readNdjson} from '@treatments/content/dataset'
import {localDataset} from '@treatments/content/local-dataset'
import {localeIds} from '@treatments/content/locales'
import {createUiStrings, type UiStrings} from '@treatments/content/ui-strings'
import {CliError, runCli, UsageError} from './lib/cli.ts'
import {defaultDatasetPath} from './lib/paths.ts'

const USAGE = `Usage: pnpm print [--locale TAG] [--slug SLUG]

Prints a treatment localized for TAG from the embedded dataset, or from the NDJSON file named by
CONTENT_DATASET (relative to the directory you run it in), and marks the fields shown in
another language.

Options:
  -l, --locale TAG  a BCP 47 tag such as en, it, it-CH or de-AT (default: en)
      --slug SLUG   the treatment (default: mesotherapy-cellulite)
      --debug       show stack traces
  -h, --help        show this help`

await runCli(
  {
    name: 'print',
    usage: USAGE,
    options: {locale: {type: 'string', short: 'l', default: 'en'}, slug: {type: 'string', default: 'mesotherapy-cellulite'}},
    // Includes DatasetFileError: a missing file or a bad line, as `file:line:column: problem`.
    explain: (error) => (isTreatmentContentError(error) || isDatasetFileError(error) ? error.message : undefined),
  },
  async ({values, path, display}) => {
    if (values.slug.trim() === '') throw new UsageError('--slug needs a treatment slug such as mesotherapy-cellulite')
    try {
      Intl.getCanonicalLocales(values.locale)
    } catch {
      throw new UsageError(`--locale must be a BCP 47 language tag such as it or de-AT; got "${values.locale}"`)
    }
    const file = process.env.CONTENT_DATASET?.trim() ? path(process.env.CONTENT_DATASET.trim()) : defaultDatasetPath
    const content = createTreatmentContent({source: localDataset(await readNdjson(file))})
    let result
    try {
      result = await content.getTreatment(values.slug, {locale: values.locale})
    } catch (error) {
      if (!(error instanceof ContentNotFoundError)) throw error
      // Each locale's own slug works, so each is listed with its locale.
      const lists = await Promise.all(localeIds.map(async (locale) => ({locale, treatments: (await content.listTreatments({locale})).treatments})))
      const slugs = [...new Set(lists.flatMap(({locale, treatments}) => treatments.map((treatment) => `${treatment.slug} (${locale})`)))].join(', ')
      throw new CliError(`no published treatment has the slug "${values.slug}" in ${display(file)}; known slugs: ${slugs || 'none'}`)
    }
    if (result.usedDefault) {
      console.error(`pnpm print: no supported locale matches "${values.locale}" (supported: ${localeIds.join(', ')}); showing ${result.locale}`)
    }
    const ui = createUiStrings(result.locale)
    const fellBack = new Map(result.fallbacks.map((fallback) => [fallback.path, fallback]))
    const mark = (fieldPath: string) => {
      const fallback = fellBack.get(fieldPath)
      if (fallback === undefined) return ''
      const served = fallback.served
      if (!served) return `  [${ui.t('textMissing')}]`
      const language = ui.formatLanguageName(served)
      // A stale translation is being updated: say so, not "not yet translated".
      return `  [${fallback.stale === true ? ui.t('updatingMarker', {language}) : ui.t('notYetTranslated', {language})}]`
    }
    print(result, ui, mark)
  },
)

/** The treatment as text, every label from the package's UI strings in the served locale. */
function print({treatment: t, locale: served, requestedLocale: requested, fallbacks}: TreatmentResult, ui: UiStrings, mark: (fieldPath: string) => string) {
  // A text no locale has is shown as its missing-text mark alone, never as "null".
  const shown = (value: string | null | undefined, fieldPath: string) => (value === null || value === undefined ? `[${ui.t('textMissing')}]` : `${value}${mark(fieldPath)}`)
  const lines: string[] = []
  lines.push(shown(t.title, 'title'), `locale: ${served}${requested !== served ? ` (requested ${requested})` : ''}`, '')
  lines.push(shown(t.summary, 'summary'), '')
  if (t.condition) lines.push(`${ui.t('usedFor')}: ${shown(t.condition.name, 'condition.name')}`)
  if (t.protocol) {
    const {sessionsMin, sessionsMax, intervalMinWeeks, intervalMaxWeeks} = t.protocol
    const summary = ui.t('protocolSummary', {sessions: ui.formatSessions(sessionsMin, sessionsMax), interval: ui.formatWeeksApart(intervalMinWeeks, intervalMaxWeeks)})
    lines.push(`${ui.t('howManySessions')}: ${summary}`)
  }
  lines.push('', `${ui.t('ingredients')}:`)
  for (const [i, use] of (t.ingredients ?? []).entries()) {
    lines.push(`  - ${shown(use.ingredient.name, `ingredients[${i}].ingredient.name`)}: ${shown(use.role, `ingredients[${i}].role`)}`)
  }
  lines.push('', `${ui.t('resultsAndWhen')}:`)
  for (const [i, effect] of (t.effects ?? []).entries()) {
    const onset = effect.onsetDays === null ? '' : ` (${ui.formatResultsFromDay(effect.onsetDays)})`
    const review = effect.claimStatus === 'needsReview' ? ` [${ui.t('needsMedicalReview')}]` : ''
    lines.push(`  - ${effect.text === null ? shown(null, '') : effect.text}${onset}${review}${effect.text === null ? '' : mark(`effects[${i}].text`)}`)
  }
  lines.push('', `${ui.t('sideEffects')}:`)
  for (const [i, sideEffect] of (t.sideEffects ?? []).entries()) lines.push(`  - ${shown(sideEffect.text, `sideEffects[${i}].text`)}`)
  lines.push('', `${ui.t('whoCannotHaveIt')}:`)
  for (const [i, item] of t.contraindications.entries()) lines.push(`  - ${shown(item.text, `contraindications[${i}].text`)}`)
  lines.push('', shown(t.disclaimer, 'disclaimer'))
  const servedFrom = [...new Set(fallbacks.flatMap((fallback) => (fallback.served ? [fallback.served] : [])))]
  if (servedFrom.length > 0) {
    lines.push('', ui.t('fellBackNotice', {requested: ui.formatLanguageName(served), language: servedFrom.map((id) => ui.formatLanguageName(id)).join(', ')}))
  }
  console.log(lines.join('\n'))
}
