import type {SchemaType} from 'sanity'

/**
 * The editor's name for a field path, from the schema titles: `text` → `Who cannot have it`,
 * `ingredients[_key=="pc"].role` → `Ingredients › pc › Role`. A segment the schema does not
 * know keeps its name.
 */
export function schemaFieldTitle(type: SchemaType | undefined, path: string): string {
  const parts: string[] = []
  let current: SchemaType | undefined = type
  for (const segment of path.match(/[^.[\]]+|\[[^\]]*\]/g) ?? []) {
    const key = /^\[_key=="([^"]*)"\]$/.exec(segment)
    if (key !== null || segment.startsWith('[')) {
      parts.push(key?.[1] ?? segment.slice(1, -1))
      current = memberType(current)
      continue
    }
    const field = fieldsOf(current)?.find((candidate) => candidate.name === segment)
    parts.push(field?.type.title ?? segment)
    current = field?.type
  }
  return parts.join(' › ')
}

function fieldsOf(type: SchemaType | undefined): Array<{name: string; type: SchemaType}> | undefined {
  return (type as {fields?: Array<{name: string; type: SchemaType}>} | undefined)?.fields
}

/** The object type of an array's items (the first member type with fields). */
function memberType(type: SchemaType | undefined): SchemaType | undefined {
  const members = (type as {of?: SchemaType[]} | undefined)?.of
  return members?.find((member) => fieldsOf(member) !== undefined) ?? members?.[0]
}
