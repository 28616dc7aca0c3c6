import type {FieldTitleNode, FieldTitles} from '@treatments/translations'

/** What the tree needs of a schema definition (`defineType`, `defineField`, `defineArrayMember`). */
interface Definition {
  name?: string
  title?: string
  type?: string
  fields?: readonly Definition[]
  of?: readonly Definition[]
}

/**
 * The field titles of `documentTypes` from the schema definitions (`schemaTypes` resolves named
 * types such as `claim`): the tree behind `studio/field-titles.json`. An array's node has the
 * fields of its object items.
 */
export function fieldTitleTree(documentTypes: readonly Definition[], schemaTypes: readonly Definition[]): FieldTitles {
  const named = new Map(schemaTypes.flatMap((type) => (type.name === undefined ? [] : [[type.name, type] as const])))
  const fieldsOf = (definition: Definition, seen: ReadonlySet<string>): Record<string, FieldTitleNode> | undefined => {
    const declared = definition.type === undefined ? undefined : named.get(definition.type)
    // Each named type once per path: a type that contains itself would never end.
    if (declared !== undefined && seen.has(declared.name!)) return undefined
    const inner = declared === undefined ? seen : new Set(seen).add(declared.name!)
    const fields = definition.fields ?? declared?.fields
    if (fields !== undefined) return Object.fromEntries(fields.filter((field) => field.name !== undefined).map((field) => [field.name!, node(field, inner)]))
    const members = definition.of ?? declared?.of
    if (members === undefined) return undefined
    const merged: Record<string, FieldTitleNode> = {}
    for (const member of members) Object.assign(merged, fieldsOf(member, inner))
    return Object.keys(merged).length === 0 ? undefined : merged
  }
  const node = (field: Definition, seen: ReadonlySet<string>): FieldTitleNode => {
    const fields = fieldsOf(field, seen)
    return {...(field.title === undefined ? {} : {title: field.title}), ...(fields === undefined ? {} : {fields})}
  }
  return Object.fromEntries(documentTypes.map((type) => [type.name!, {fields: fieldsOf({fields: type.fields ?? []}, new Set([type.name!])) ?? {}}]))
}
