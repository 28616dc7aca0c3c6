/**
 * The schema titles of a document type's fields, as a tree: each field's title and, for an object
 * or an array of objects, its fields. Written to `studio/field-titles.json` from the Studio's
 * schema (`pnpm typegen`), for tools that name fields without loading the Studio.
 */
export interface FieldTitleNode {
  title?: string
  /** The fields of an object, or of an array's object items. */
  fields?: Record<string, FieldTitleNode>
}

/** Field titles by document type. */
export type FieldTitles = Record<string, FieldTitleNode>

/**
 * The editor's name for a field path, from the schema titles: `text` → `Who cannot have it`,
 * `ingredients[_key=="pc"].role` → `Active ingredients › pc › Role in this treatment`. A segment the
 * schema does not know keeps its name.
 */
export function fieldTitle(titles: FieldTitles | undefined, documentType: string, path: string): string {
  const parts: string[] = []
  let current: FieldTitleNode | undefined = titles?.[documentType]
  for (const segment of path.match(/[^.[\]]+|\[[^\]]*\]/g) ?? []) {
    if (segment.startsWith('[')) {
      // An array item keeps its key; the next segment is a field of the items.
      parts.push(/^\[_key=="([^"]*)"\]$/.exec(segment)?.[1] ?? segment.slice(1, -1))
      continue
    }
    const field = current?.fields !== undefined && Object.hasOwn(current.fields, segment) ? current.fields[segment] : undefined
    parts.push(field?.title ?? segment)
    current = field
  }
  return parts.join(' › ')
}
