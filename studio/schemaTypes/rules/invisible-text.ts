import {hasVisibleText, itemLanguage} from '@treatments/content/dataset'
import {baseLocale} from '@treatments/content/locales'
import type {LocalizedItem, RuleProblem} from './localized-value.ts'

/** A translation that holds characters but none a reader can see. */
export interface InvisibleText {
  /** Where the value is, below the localized field: `[{_key}, 'value']`. */
  path: RuleProblem['path']
  language: string | undefined
  /** The distinct code points the value holds, in the order first met. */
  codePoints: number[]
}

/** Looks up a character's Unicode name (`unicode-name`'s `unicodeName`). */
export type CharacterName = (codePoint: number) => string | undefined

/** How many distinct characters a message names before it says "and N more". */
const NAMED = 4

/**
 * Finds the translations of a localized field that are not empty but have no visible character
 * ({@link hasVisibleText}, the one rule localization and `content:check` use): a zero-width space,
 * a soft hyphen, a lone dash. Readers get the fallback language for such a text, while the editor
 * sees an empty-looking field, so it is an error where it is typed. An empty value (`''`, no
 * value, Portable Text whose spans are all empty) is allowed: it falls back and is shown as missing.
 */
export function findInvisibleTexts(items: readonly LocalizedItem[] | undefined): InvisibleText[] {
  const found: InvisibleText[] = []
  for (const [index, item] of (items ?? []).entries()) {
    if (!item || hasVisibleText(item.value)) continue
    const codePoints = [...new Set(characters(item.value))]
    if (codePoints.length === 0) continue
    found.push({path: [item._key ? {_key: item._key} : index, 'value'], language: itemLanguage(item), codePoints})
  }
  return found
}

/**
 * Words {@link findInvisibleTexts}'s findings for the editor, naming each character
 * (`U+200B ZERO WIDTH SPACE`). `nameOf` is passed in so the Studio loads the name table only when
 * a field needs it.
 */
export function invisibleTextProblems(found: readonly InvisibleText[], nameOf: CharacterName): RuleProblem[] {
  return found.map(({path, language, codePoints}) => {
    const named = codePoints.slice(0, NAMED).map((codePoint) => describeCharacter(codePoint, nameOf))
    const more = codePoints.length - named.length
    const list = named.join(', ') + (more > 0 ? ` and ${more} more` : '')
    const which = language ? `The ${language.toUpperCase()} text` : 'This text'
    // The base locale has nothing to fall back to: clearing it is no remedy.
    const remedy = language === baseLocale ? 'Write the text.' : 'Write the text, or clear the field (an empty translation shows the fallback language, marked as missing).'
    return {
      message: `${which} has no visible character, only ${list}: readers would see nothing here. ${remedy}`,
      path,
    }
  })
}

/** `U+200B ZERO WIDTH SPACE` (the code point alone when Unicode names none). */
export function describeCharacter(codePoint: number, nameOf: CharacterName): string {
  const hex = `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`
  const name = nameOf(codePoint)
  return name ? `${hex} ${name}` : hex
}

/** The code points of a string value, or of every span of a Portable Text value. */
function characters(value: unknown): number[] {
  if (typeof value === 'string') return [...value].map((character) => character.codePointAt(0)!)
  if (!Array.isArray(value)) return []
  return value.flatMap((block: unknown) => {
    const children = (block as {children?: unknown} | null)?.children
    return Array.isArray(children) ? children.flatMap((span: unknown) => characters((span as {text?: unknown} | null)?.text)) : []
  })
}
