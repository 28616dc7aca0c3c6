import type {ElementContent} from 'hast'
import type {LocalizedTreatment} from '../create-content-reader.ts'
import {element, textNode} from './hast-element.ts'
import type {PageContext} from './page-context.ts'
import {pageSection, subheading} from './section-hast.ts'
import {textHast} from './text-hast.ts'
import type {IngredientItem, ProtocolData} from './treatment-page-section.ts'

/**
 * The `how-it-is-done` section: how it is performed, how many sessions how far apart
 * (`3–4 sessions, 3–4 weeks apart`), and the active ingredients with their class and role.
 *
 * @internal
 */
export function howItIsDoneSection(treatment: LocalizedTreatment, context: PageContext) {
  const {ui} = context
  const howPerformed = context.text('howPerformed', treatment.howPerformed)
  const source = treatment.protocol as LocalizedTreatment['protocol'] | null
  let protocol: ProtocolData | null = null
  if (source) {
    const sessions = ui.formatSessions(source.sessionsMin, source.sessionsMax)
    const interval = ui.formatWeeksApart(source.intervalMinWeeks, source.intervalMaxWeeks)
    protocol = {...pick(source), sessions, interval, summary: ui.t('protocolSummary', {sessions, interval})}
  }
  const ingredients: IngredientItem[] = (treatment.ingredients ?? []).map((use, index) => ({
    key: use._key,
    id: use.ingredient._id,
    name: context.text(`ingredients[${index}].ingredient.name`, use.ingredient.name),
    ingredientClass: use.ingredient.ingredientClass,
    classLabel: context.label('ingredientClass', use.ingredient.ingredientClass, `ingredients[${index}].ingredient.ingredientClass`),
    isClass: use.ingredient.isClass === true,
    role: context.text(`ingredients[${index}].role`, use.role),
    mechanism: context.text(`ingredients[${index}].ingredient.mechanism`, use.ingredient.mechanism),
  }))

  const children: ElementContent[] = [...textHast(howPerformed, context, 'p')]
  if (protocol) children.push(subheading(ui.t('howManySessions')), element('p', {className: ['protocol']}, [textNode(protocol.summary)]))
  if (ingredients.length > 0) {
    children.push(
      subheading(ui.t('ingredients')),
      element(
        'ul',
        {className: ['item-list']},
        ingredients.map((item) =>
          element('li', {className: ['item']}, [
            ...textHast(item.name, context, 'span', ['item-title']),
            textNode(' '),
            element('span', {className: ['tag', 'tag-class']}, [textNode(item.classLabel)]),
            ...textHast(item.role, context, 'p', ['item-detail']),
          ]),
        ),
      ),
    )
  }
  return pageSection(context, 'how-it-is-done', ui.t('howItIsDone'), children, {howPerformed, protocol, ingredients})
}

function pick(protocol: NonNullable<LocalizedTreatment['protocol']>) {
  const {sessionsMin, sessionsMax, intervalMinWeeks, intervalMaxWeeks} = protocol
  return {sessionsMin, sessionsMax, intervalMinWeeks, intervalMaxWeeks}
}
