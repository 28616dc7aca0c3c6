/**
 * The locale of one item of an internationalized-array field: its `language`, or, in data
 * written by sanity-plugin-internationalized-array before v5, its `_key`. The package's GROQ
 * uses the same rule (`coalesce(language, _key)`); the Studio and the translation tools call
 * this, so every part reads an item's locale alike.
 *
 * @public
 */
export function itemLanguage(item: unknown): string | undefined {
  if (!item || typeof item !== 'object') return undefined
  const {language, _key: key} = item as {language?: unknown; _key?: unknown}
  const locale = language ?? key
  return typeof locale === 'string' ? locale : undefined
}
