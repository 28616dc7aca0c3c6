import {controlCharacters, itemLanguage} from '@treatments/content/dataset'
import {describeCharacter, type CharacterName} from './invisible-text.ts'
import type {LocalizedItem, RuleProblem} from './localized-value.ts'

/** A translation that holds control characters. */
export interface ControlCharacterText {
  /** Where the value is, below the localized field: `[{_key}, 'value']`. */
  path: RuleProblem['path']
  language: string | undefined
  /** The distinct control characters, in the order first met. */
  codePoints: number[]
}

/** How many distinct characters a message names before it says "and N more". */
const NAMED = 4

/**
 * Finds the texts of a localized field that hold control characters (`controlCharacters()`, the
 * definition the XLIFF import refuses too): C0 controls other than tab and line feed (a carriage
 * return, a bell), DEL and C1 controls. They are not text: a reader sees nothing or a box, and
 * pasted or imported text is where they come from. Portable Text is read span by span.
 */
export function findControlCharacterTexts(items: readonly LocalizedItem[] | undefined): ControlCharacterText[] {
  const found: ControlCharacterText[] = []
  for (const [index, item] of (items ?? []).entries()) {
    const codePoints = [...new Set(texts(item?.value).flatMap(controlCharacters))]
    if (codePoints.length === 0) continue
    found.push({path: [item._key ? {_key: item._key} : index, 'value'], language: itemLanguage(item), codePoints})
  }
  return found
}

/**
 * Words {@link findControlCharacterTexts}'s findings for the editor, naming each character
 * (`U+0007 ALERT`).
 */
export function controlCharacterProblems(found: readonly ControlCharacterText[], nameOf: CharacterName): RuleProblem[] {
  return found.map(({path, language, codePoints}) => {
    const named = codePoints.slice(0, NAMED).map((codePoint) => describeCharacter(codePoint, nameOf))
    const more = codePoints.length - named.length
    const list = named.join(', ') + (more > 0 ? ` and ${more} more` : '')
    const which = language ? `The ${language.toUpperCase()} text` : 'This text'
    const message =
      codePoints.length === 1
        ? `${which} holds a control character, ${list}: it is not text, and readers would see nothing or a box. Remove it.`
        : `${which} holds control characters, ${list}: they are not text, and readers would see nothing or a box. Remove them.`
    return {message, path}
  })
}

/** A string value, or the texts of every span of a Portable Text value. */
function texts(value: unknown): string[] {
  if (typeof value === 'string') return [value]
  if (!Array.isArray(value)) return []
  return value.flatMap((block: unknown) => {
    const children = (block as {children?: unknown} | null)?.children
    return Array.isArray(children) ? children.flatMap((span: unknown) => texts((span as {text?: unknown} | null)?.text)) : []
  })
}
