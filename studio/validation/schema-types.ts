/**
 * The parts of `sanity schema extract` output (`studio/schema.json`) that dataset validation
 * reads. The file is generated from the Studio schema and checked for staleness in CI.
 */
export type TypeNode =
  | {type: 'string'; value?: string}
  | {type: 'number'; value?: number}
  | {type: 'boolean'; value?: boolean}
  | {type: 'null'}
  | {type: 'unknown'}
  | {type: 'array'; of: TypeNode}
  | {type: 'object'; attributes: Record<string, Attribute>; rest?: TypeNode; dereferencesTo?: string}
  | {type: 'inline'; name: string}
  | {type: 'union'; of: TypeNode[]}

export interface Attribute {
  type: 'objectAttribute'
  value: TypeNode
  optional?: boolean
}

export type SchemaEntry =
  | {name: string; type: 'document'; attributes: Record<string, Attribute>}
  | {name: string; type: 'type'; value: TypeNode}

/** Looks types up by name. */
export class ExtractedSchema {
  readonly #entries: Map<string, SchemaEntry>

  constructor(entries: readonly SchemaEntry[]) {
    this.#entries = new Map(entries.map((entry) => [entry.name, entry]))
  }

  /** The document type called `name`, as an object node, if there is one. */
  documentType(name: string): Extract<TypeNode, {type: 'object'}> | undefined {
    const entry = this.#entries.get(name)
    return entry?.type === 'document' ? {type: 'object', attributes: entry.attributes} : undefined
  }

  /** The node a named (inline) type stands for. */
  resolve(name: string): TypeNode | undefined {
    const entry = this.#entries.get(name)
    if (!entry) return undefined
    return entry.type === 'document' ? {type: 'object', attributes: entry.attributes} : entry.value
  }

  /** Names of the document types the Studio defines (not Sanity's own `sanity.*` types). */
  documentTypeNames(): string[] {
    return [...this.#entries.values()].filter((entry) => entry.type === 'document' && !entry.name.startsWith('sanity.')).map((entry) => entry.name)
  }
}
