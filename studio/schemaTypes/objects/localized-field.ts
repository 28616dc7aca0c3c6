import {baseLocale} from '@treatments/content/locales'
import {defineField} from 'sanity'
import {
  checkBaseLocale,
  checkLocaleCodes,
  controlCharacterProblems,
  findControlCharacterTexts,
  findInvisibleTexts,
  invisibleTextProblems,
  type LocalizedItem,
} from '../rules/index.ts'
import {toValidation} from '../rules/to-validation.ts'

/** The kinds of localized value, each registered with `sanity-plugin-internationalized-array`. */
export const localizedFieldTypes = {
  string: 'internationalizedArrayString',
  text: 'internationalizedArrayText',
  blockContent: 'internationalizedArrayBlockContent',
} as const

interface LocalizedFieldOptions {
  name: string
  title: string
  kind: keyof typeof localizedFieldTypes
  description?: string
  /** Text in the base locale is required. */
  required?: boolean
  group?: string
  fieldset?: string
}

/**
 * A field localized per language. Every such field checks its locale codes and refuses a
 * translation with no visible character or with control characters (naming the characters it
 * holds); required ones also need base-locale text, since every other language falls back to it.
 */
export function defineLocalizedField(options: LocalizedFieldOptions) {
  const {kind, required = false, ...rest} = options
  return defineField({
    ...rest,
    type: localizedFieldTypes[kind],
    // A new document opens with the English input ready to type (what the plugin's
    // `defaultLanguages` did, but only for new documents: see sanity.config.ts).
    initialValue: [{_key: baseLocale, _type: `${localizedFieldTypes[kind]}Value`, language: baseLocale}],
    validation: (rule) => {
      const localized = rule.custom<LocalizedItem[]>(async (items) => {
        const invisible = findInvisibleTexts(items)
        const controls = findControlCharacterTexts(items)
        // The name table is large (about 750 kB): loaded only when a field holds such characters.
        const nameOf = invisible.length === 0 && controls.length === 0 ? undefined : (await import('unicode-name')).unicodeName
        const named = nameOf === undefined ? [] : [...invisibleTextProblems(invisible, nameOf), ...controlCharacterProblems(controls, nameOf)]
        return toValidation([...checkLocaleCodes(items), ...(required ? checkBaseLocale(items, options.title) : []), ...named])
      })
      return required ? localized.required().error(`${options.title} is required: write it in English first.`) : localized
    },
  })
}
