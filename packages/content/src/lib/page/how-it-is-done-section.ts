import type {LocalizedTreatment} from '../types.ts'
import type {PageContext} from './page-context.ts'
import {pageSection, writeSubheading} from './page-section.ts'
import type {IngredientItem, ProtocolData} from './treatment-page-section.ts'
import {writeText} from './write-text.ts'
import {indexedPaths} from './indexed-paths.ts'
import {constantProperties} from '../html/compile-safe-html.ts'
import {answersOf, type UiStrings} from '../ui-strings/create-ui-strings.ts'
import {keptAnswers, rememberedIn} from '../ui-strings/remembered-answers.ts'

const protocolProperties = constantProperties({className: ['protocol']})
const listProperties = constantProperties({className: ['item-list']})
const itemProperties = constantProperties({className: ['item']})
const classTagProperties = constantProperties({className: ['tag', 'tag-class']})
const titleClass = Object.freeze(['item-title'])
const detailClass = Object.freeze(['item-detail'])
const namePath = indexedPaths('ingredients', 'ingredient.name')
const rolePath = indexedPaths('ingredients', 'role')
const mechanismPath = indexedPaths('ingredients', 'ingredient.mechanism')

/**
 * The `how-it-is-done` section: how it is performed, how many sessions how far apart
 * (`3–4 sessions, 3–4 weeks apart`), and the active ingredients with their class and role.
 *
 * @internal
 */
export function howItIsDoneSection(treatment: LocalizedTreatment, context: PageContext) {
  const {ui, out} = context
  const howPerformed = context.text('howPerformed', treatment.howPerformed)
  const source = treatment.protocol as LocalizedTreatment['protocol'] | null
  let protocol: ProtocolData | null = null
  if (source) protocol = {...pick(source), ...protocolTexts(ui, source)}
  const ingredients: IngredientItem[] = (treatment.ingredients ?? []).map((use, index) => ({
    key: use._key,
    id: use.ingredient._id,
    name: context.text(namePath(index), use.ingredient.name),
    ingredientClass: use.ingredient.ingredientClass,
    classLabel: context.label('ingredientClass', use.ingredient.ingredientClass, () => `ingredients[${index}].ingredient.ingredientClass`),
    isClass: use.ingredient.isClass === true,
    role: context.text(rolePath(index), use.role),
    mechanism: context.text(mechanismPath(index), use.ingredient.mechanism),
  }))

  const write = () => {
    writeText(howPerformed, context, 'p')
    if (protocol) {
      writeSubheading(context, ui.t('howManySessions'))
      out.open('p', protocolProperties)
      out.text(protocol.summary)
      out.close()
    }
    if (ingredients.length > 0) {
      writeSubheading(context, ui.t('ingredients'))
      out.open('ul', listProperties)
      for (const item of ingredients) {
        out.open('li', itemProperties)
        writeText(item.name, context, 'span', titleClass)
        out.text(' ')
        out.open('span', classTagProperties)
        out.text(item.classLabel)
        out.close()
        writeText(item.role, context, 'p', detailClass)
        out.close()
      }
      out.close()
    }
  }
  return pageSection(context, 'how-it-is-done', ui.t('howItIsDone'), write, {howPerformed, protocol, ingredients})
}

function pick(protocol: NonNullable<LocalizedTreatment['protocol']>) {
  const {sessionsMin, sessionsMax, intervalMinWeeks, intervalMaxWeeks} = protocol
  return {sessionsMin, sessionsMax, intervalMinWeeks, intervalMaxWeeks}
}

/**
 * The protocol's texts, remembered with the strings' answers by its four counts packed in one
 * number when each is a whole number below 1,000 (not `-0`, which `Intl` writes `-0`): one
 * lookup per page instead of three keyed by JSON of the texts.
 */
function protocolTexts(ui: UiStrings, source: NonNullable<LocalizedTreatment['protocol']>): {sessions: string; interval: string; summary: string} {
  const {sessionsMin, sessionsMax, intervalMinWeeks, intervalMaxWeeks} = source
  const compute = () => {
    const sessions = ui.formatSessions(sessionsMin, sessionsMax)
    const interval = ui.formatWeeksApart(intervalMinWeeks, intervalMaxWeeks)
    return {sessions, interval, summary: ui.t('protocolSummary', {sessions, interval})}
  }
  const answers = answersOf(ui)
  if (!answers || !small(sessionsMin) || !small(sessionsMax) || !small(intervalMinWeeks) || !small(intervalMaxWeeks)) return compute()
  return rememberedIn(keptAnswers(answers, 'protocol'), [((sessionsMin * 1000 + sessionsMax) * 1000 + intervalMinWeeks) * 1000 + intervalMaxWeeks], compute)
}

function small(count: unknown): count is number {
  return Number.isInteger(count) && (count as number) >= 0 && (count as number) < 1000 && !Object.is(count, -0)
}
