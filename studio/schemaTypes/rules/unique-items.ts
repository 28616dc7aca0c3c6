import type {RuleProblem} from './localized-value.ts'

/**
 * The lists of each document type that hold each item once (`rule.unique()` in the Studio
 * schema), for checks that run without the Studio (`content:check`). A test compares it with the
 * compiled Studio schema, so a new `unique()` cannot be missed here.
 */
export const uniqueItemLists: Readonly<Record<string, readonly string[]>> = {
  treatment: ['bodyAreas', 'effects', 'sideEffects', 'contraindications'],
}

/**
 * Items listed twice, as Sanity's `unique()` sees them (equal apart from `_key`): one problem at
 * each repeat, naming the list.
 */
export function checkUniqueItems(items: unknown, listTitle: string): RuleProblem[] {
  if (!Array.isArray(items)) return []
  const problems: RuleProblem[] = []
  const seen = new Set<string>()
  for (const [index, item] of items.entries()) {
    const identity = JSON.stringify(withoutKey(item))
    if (!seen.has(identity)) {
      seen.add(identity)
      continue
    }
    const key = (item as {_key?: unknown} | null)?._key
    const what = typeof item === 'object' && item !== null && typeof (item as {_ref?: unknown})._ref === 'string' ? `“${(item as {_ref: string})._ref}”` : JSON.stringify(item)
    problems.push({message: `${what} is listed twice in ${listTitle}: keep one.`, path: [typeof key === 'string' ? {_key: key} : index]})
  }
  return problems
}

/** Two translation states for one language: which review counts would be a guess. */
export function checkTranslationStates(items: unknown): RuleProblem[] {
  if (!Array.isArray(items)) return []
  const languages = items.map((item) => (item as {language?: unknown} | null)?.language)
  const duplicate = languages.find((language, index) => languages.indexOf(language) !== index)
  return duplicate === undefined ? [] : [{message: `There are two translation states for “${String(duplicate)}”. Keep one.`, path: []}]
}

function withoutKey(item: unknown): unknown {
  if (typeof item !== 'object' || item === null || Array.isArray(item)) return item
  const {_key: _ignored, ...rest} = item as Record<string, unknown>
  return Object.fromEntries(Object.keys(rest).sort().map((name) => [name, rest[name]]))
}
