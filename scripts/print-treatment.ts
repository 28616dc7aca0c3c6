/**
 * `pnpm print [--locale it]`: prints the seed treatment, localized, from the embedded dataset
 * (or the NDJSON file in CONTENT_DATASET), and says which fields fell back to another language.
 */
import {parseArgs} from 'node:util'
import {createTreatmentContent, type LocalizedTreatment} from '@treatments/content'
import {localDataset} from '@treatments/content/local-dataset'
import {defaultDatasetPath} from './lib/paths.ts'

const {values} = parseArgs({
  options: {
    locale: {type: 'string', short: 'l', default: 'en'},
    slug: {type: 'string', default: 'mesotherapy-cellulite'},
    help: {type: 'boolean', short: 'h'},
  },
})

if (values.help) {
  console.log(`Usage: pnpm print [--locale TAG] [--slug SLUG]

Prints a treatment localized for TAG (BCP 47, e.g. en, it, it-CH, de-AT; default en) from the
embedded dataset, or from the NDJSON file named by CONTENT_DATASET.`)
  process.exit(0)
}

const content = createTreatmentContent({source: localDataset(process.env.CONTENT_DATASET ?? defaultDatasetPath)})
const {locale, requestedLocale, treatment, fallbacks} = await content.getTreatment(values.slug, {locale: values.locale})
const fellBack = new Map(fallbacks.map((fallback) => [fallback.path, fallback.served]))
const mark = (path: string) => (fellBack.has(path) ? `  [not yet translated: ${fellBack.get(path) ?? 'missing'}]` : '')

print(treatment, locale, requestedLocale)

function print(t: LocalizedTreatment, served: string, requested: string) {
  const lines: string[] = []
  lines.push(`${t.title}${mark('title')}`, `locale: ${served}${requested !== served ? ` (requested ${requested})` : ''}`, '')
  lines.push(`${t.summary}${mark('summary')}`, '')
  if (t.condition) lines.push(`Condition: ${t.condition.name}${mark('condition.name')}`)
  if (t.protocol) {
    const {sessionsMin, sessionsMax, intervalMinWeeks, intervalMaxWeeks} = t.protocol
    lines.push(`Protocol: ${sessionsMin}–${sessionsMax} sessions, ${intervalMinWeeks}–${intervalMaxWeeks} weeks apart`)
  }
  lines.push('', 'Active ingredients:')
  for (const [i, use] of (t.ingredients ?? []).entries()) {
    lines.push(`  - ${use.ingredient.name}${mark(`ingredients[${i}].ingredient.name`)}: ${use.role}${mark(`ingredients[${i}].role`)}`)
  }
  lines.push('', 'Expected effects:')
  for (const [i, effect] of (t.effects ?? []).entries()) {
    const onset = effect.onsetDays === null ? '' : ` (from day ${effect.onsetDays})`
    lines.push(`  - ${effect.text}${onset}${effect.claimStatus === 'needsReview' ? ' [claim awaiting medical review]' : ''}${mark(`effects[${i}].text`)}`)
  }
  lines.push('', 'Side effects:')
  for (const [i, sideEffect] of (t.sideEffects ?? []).entries()) lines.push(`  - ${sideEffect.text}${mark(`sideEffects[${i}].text`)}`)
  lines.push('', 'Who cannot have this treatment:')
  for (const [i, item] of t.contraindications.entries()) lines.push(`  - ${item.text}${mark(`contraindications[${i}].text`)}`)
  lines.push('', `${t.disclaimer}${mark('disclaimer')}`)
  if (fallbacks.length > 0) lines.push('', `${fallbacks.length} field(s) shown in another language than ${served}.`)
  console.log(lines.join('\n'))
}
