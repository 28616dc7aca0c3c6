import type {TextSource} from './page-text.ts'

/** The document type a referenced document of each treatment field has (the page refuses any other). */
const referencedTypes: Readonly<Record<string, string>> = {
  condition: 'condition',
  ingredient: 'ingredient',
  effects: 'effect',
  sideEffects: 'sideEffect',
  contraindications: 'contraindication',
}

const segmentPattern = /([^.[\]]+)|\[(\d+)\]/g

/**
 * Where the text at `path` of a localized treatment (`contraindications[3].text`) is stored:
 * walks the path through the result, and starts over at every referenced document (an object
 * with `_id`), so the path is the field's within that document. Array items are named by
 * `_key` where they have one, as the Studio does. `undefined` when the path leads nowhere.
 *
 * @internal
 */
export function textSource(treatment: {_id: string}, path: string): TextSource | undefined {
  let id = treatment._id
  let type = 'treatment'
  let within: string[] = []
  let node: unknown = treatment
  let field = ''
  for (const match of path.matchAll(segmentPattern)) {
    if (node === null || typeof node !== 'object') return undefined
    const [, name, index] = match
    if (name !== undefined) {
      field = name
      node = (node as Record<string, unknown>)[name]
      within.push(within.length === 0 ? name : `.${name}`)
    } else {
      node = (node as unknown[])[Number(index)]
      const key = (node as {_key?: unknown} | undefined)?._key
      within.push(typeof key === 'string' ? `[_key==${JSON.stringify(key)}]` : `[${index}]`)
    }
    const documentId = (node as {_id?: unknown} | null | undefined)?._id
    if (typeof documentId === 'string' && node !== treatment) {
      id = documentId
      type = (node as {_type?: unknown})._type as string | undefined ?? referencedTypes[field] ?? field
      within = []
    }
  }
  return within.length === 0 ? undefined : {id, type, path: within.join('')}
}
