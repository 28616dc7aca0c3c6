import {unicodeName} from 'unicode-name'
import {
  checkBaseLocale,
  checkFormerSlugs,
  checkLocaleCodes,
  checkLocalizedSlugs,
  checkPositiveRange,
  checkReviewDates,
  checkSlug,
  checkTranslationStates,
  checkUniqueItems,
  controlCharacterProblems,
  findControlCharacterTexts,
  findInvisibleTexts,
  invisibleTextProblems,
  isAllowedLink,
  isWebLink,
  uniqueItemLists,
  type RuleProblem,
} from '../schemaTypes/rules/index.ts'
import type {DatasetProblem} from './dataset-problem.ts'
import type {ExtractedSchema, TypeNode} from './schema-types.ts'
import {describeJson} from '@treatments/content/dataset'

type Segment = string | number | {_key: string}

/** What a document check needs to know about the whole dataset. */
export interface DatasetIndex {
  /** `_type` of every document by `_id`. */
  types: ReadonlyMap<string, string>
}

type Found = Pick<DatasetProblem, 'path' | 'message' | 'ruleId'>

/**
 * Checks one document against the extracted Studio schema and the Studio's own rules (the
 * functions in `schemaTypes/rules`, which the Studio's validation calls too).
 */
export function checkDocument(document: Record<string, unknown>, schema: ExtractedSchema, dataset: DatasetIndex): Found[] {
  const found: Found[] = []
  const type = schema.documentType(String(document._type))
  if (!type) return found
  walk(document, type, [], found, {schema, dataset, required: false})
  applyDocumentRules(document, found)
  return found
}

/** The Studio's rules on a document's own lists: translation states, and lists that hold each item once. */
function applyDocumentRules(document: Record<string, unknown>, found: Found[]) {
  const add = (problems: RuleProblem[], at: string) => {
    for (const problem of problems) found.push({path: toPath([at, ...problem.path]), message: problem.message, ruleId: 'domain'})
  }
  add(checkTranslationStates(document.translations), 'translations')
  for (const list of uniqueItemLists[String(document._type)] ?? []) add(checkUniqueItems(document[list], `“${list}”`), list)
  if (document._type === 'treatment') {
    add(checkLocalizedSlugs(document.localizedSlugs), 'localizedSlugs')
    add(checkFormerSlugs(document.formerSlugs), 'formerSlugs')
  }
}

interface Context {
  schema: ExtractedSchema
  dataset: DatasetIndex
  /** Whether the attribute being checked is required (for localized fields: base locale text). */
  required: boolean
  /** The named type being checked, for rules keyed by type. */
  typeName?: string
}

function walk(value: unknown, node: TypeNode, path: Segment[], found: Found[], context: Context): void {
  switch (node.type) {
    case 'inline': {
      const resolved = context.schema.resolve(node.name)
      if (!resolved) return
      walk(value, resolved, path, found, {...context, typeName: node.name})
      applyNamedTypeRules(value, node.name, path, found, context)
      return
    }
    case 'union':
      return walkUnion(value, node.of, path, found, context)
    case 'string':
    case 'number':
    case 'boolean': {
      if (typeof value !== node.type) {
        found.push({path: toPath(path), message: `Expected a ${node.type}, got ${describeJson(value)}.`, ruleId: 'wrong-type'})
      } else if (node.value !== undefined && value !== node.value) {
        found.push({path: toPath(path), message: `Expected ${JSON.stringify(node.value)}, got ${JSON.stringify(value)}.`, ruleId: 'invalid-value'})
      }
      return
    }
    case 'array':
      return walkArray(value, node.of, path, found, context)
    case 'object':
      return walkObject(value, node, path, found, context)
    default:
      return
  }
}

function walkUnion(value: unknown, members: TypeNode[], path: Segment[], found: Found[], context: Context) {
  const literals = members.filter((member): member is {type: 'string'; value: string} => member.type === 'string' && member.value !== undefined)
  if (literals.length === members.length) {
    if (!literals.some((member) => member.value === value)) {
      found.push({
        path: toPath(path),
        message: `Expected one of ${literals.map((member) => JSON.stringify(member.value)).join(', ')}, got ${describeJson(value)}.`,
        ruleId: 'invalid-value',
      })
    }
    return
  }
  const attempts = members.map((member) => {
    const problems: Found[] = []
    walk(value, member, path, problems, context)
    return problems
  })
  if (attempts.some((problems) => problems.length === 0)) return
  found.push(...(attempts.sort((a, b) => a.length - b.length)[0] ?? []))
}

function walkArray(value: unknown, of: TypeNode, path: Segment[], found: Found[], context: Context) {
  if (!Array.isArray(value)) {
    found.push({path: toPath(path), message: `Expected an array, got ${describeJson(value)}.`, ruleId: 'wrong-type'})
    return
  }
  const keys = new Set<string>()
  value.forEach((item, index) => {
    let segment: Segment = index
    if (item && typeof item === 'object' && !Array.isArray(item)) {
      const key = (item as {_key?: unknown})._key
      if (typeof key !== 'string' || key === '') {
        found.push({path: toPath([...path, index]), message: 'Array items need a `_key`: Sanity uses it to track edits.', ruleId: 'missing-key'})
      } else if (keys.has(key)) {
        found.push({path: toPath([...path, {_key: key}]), message: `Two items share the _key “${key}”.`, ruleId: 'duplicate-key'})
      } else {
        keys.add(key)
        segment = {_key: key}
      }
    }
    walk(item, of, [...path, segment], found, {...context, required: false})
  })
}

function walkObject(value: unknown, node: Extract<TypeNode, {type: 'object'}>, path: Segment[], found: Found[], context: Context) {
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    found.push({path: toPath(path), message: `Expected an object, got ${describeJson(value)}.`, ruleId: 'wrong-type'})
    return
  }
  const record = value as Record<string, unknown>
  const rest = node.rest?.type === 'inline' ? context.schema.resolve(node.rest.name) : node.rest
  const restObject = rest?.type === 'object' ? rest : undefined
  const attributes = {...node.attributes, ...restObject?.attributes}
  for (const [name, attribute] of Object.entries(attributes)) {
    const child = record[name]
    const here = [...path, name]
    if (child === undefined || child === null || (Array.isArray(child) && child.length === 0 && attribute.optional === false)) {
      if (attribute.optional === false && !name.startsWith('_')) {
        const message = Array.isArray(child)
          ? `“${name}” needs at least one item.`
          : `Missing required field “${name}”.`
        found.push({path: toPath(here), message, ruleId: 'missing-required'})
      }
      continue
    }
    walk(child, attribute.value, here, found, {...context, required: attribute.optional === false})
  }
  for (const name of Object.keys(record)) {
    if (!(name in attributes) && !name.startsWith('_')) {
      found.push({path: toPath([...path, name]), message: `Unknown field “${name}”: the Studio schema has no such field here.`, ruleId: 'unknown-field'})
    }
  }
  const target = node.dereferencesTo ?? restObject?.dereferencesTo
  if (target) checkReference(record, target, path, found, context)
}

function checkReference(reference: Record<string, unknown>, target: string, path: Segment[], found: Found[], context: Context) {
  const ref = reference._ref
  if (typeof ref !== 'string' || ref === '') {
    found.push({path: toPath(path), message: 'A reference needs a `_ref` with the id of a document.', ruleId: 'missing-required'})
    return
  }
  const actual = context.dataset.types.get(ref)
  if (actual === undefined) {
    found.push({path: toPath(path), message: `Reference to “${ref}”, which is not in the dataset.`, ruleId: 'dangling-reference'})
  } else if (actual !== target) {
    found.push({path: toPath(path), message: `Reference to “${ref}” is a ${actual}, expected a ${target}.`, ruleId: 'wrong-reference-type'})
  }
}

/** The Studio's own rules, keyed by the named type they belong to. */
function applyNamedTypeRules(value: unknown, typeName: string, path: Segment[], found: Found[], context: Context) {
  const add = (problems: RuleProblem[], ruleId: Found['ruleId']) => {
    for (const problem of problems) found.push({path: toPath([...path, ...problem.path]), message: problem.message, ruleId})
  }
  if (value === undefined || value === null) return
  if (typeName.startsWith('internationalizedArray') && !typeName.endsWith('Value') && Array.isArray(value)) {
    add(checkLocaleCodes(value), 'locale')
    add(invisibleTextProblems(findInvisibleTexts(value), unicodeName), 'invisible-text')
    add(controlCharacterProblems(findControlCharacterTexts(value), unicodeName), 'control-character')
    if (context.required) add(checkBaseLocale(value, `“${String(path.at(-1))}”`), 'locale')
  } else if (typeName === 'protocol' && typeof value === 'object') {
    const protocol = value as Record<string, unknown>
    add(checkPositiveRange(protocol, 'Number of sessions', {min: 'sessionsMin', max: 'sessionsMax'}), 'domain')
    add(checkPositiveRange(protocol, 'Weeks between sessions', {min: 'intervalMinWeeks', max: 'intervalMaxWeeks'}), 'domain')
  } else if (typeName === 'slug' && typeof value === 'object') {
    add(checkSlug(value as {current?: unknown}), 'domain')
  } else if (typeName === 'medicalReview' && typeof value === 'object') {
    add(checkReviewDates(value as Record<string, unknown>), 'domain')
    type Cited = {_key?: string; url?: unknown; versions?: Cited[]}
    const checkUrl = (cited: Cited, at: Array<string | number | {_key: string}>) => {
      if (cited?.url !== undefined && !isWebLink(cited.url)) {
        found.push({
          path: toPath([...at, 'url']),
          message: `Source URL ${JSON.stringify(cited.url)} is not an absolute http(s) address.`,
          ruleId: 'domain',
        })
      }
    }
    for (const source of ((value as {sources?: unknown}).sources ?? []) as Cited[]) {
      const at = [...path, 'sources', source?._key ? {_key: source._key} : 0]
      checkUrl(source, at)
      for (const version of (Array.isArray(source?.versions) ? source.versions : []) as Cited[]) {
        checkUrl(version, [...at, 'versions', version?._key ? {_key: version._key} : 0])
      }
    }
  } else if (typeName === 'blockContent' && Array.isArray(value)) {
    for (const block of value as Array<{_key?: string; markDefs?: Array<{_key?: string; _type?: string; href?: unknown}>}>) {
      for (const markDef of block?.markDefs ?? []) {
        if (markDef?._type === 'link' && !isAllowedLink(markDef.href)) {
          found.push({
            path: toPath([...path, block._key ? {_key: block._key} : 0, 'markDefs', markDef._key ? {_key: markDef._key} : 0, 'href']),
            message: `Link ${JSON.stringify(markDef.href)} is not an absolute http(s), mailto or tel URL.`,
            ruleId: 'domain',
          })
        }
      }
    }
  }
}

/** A Sanity path string: `contraindications[_key=="c1"].text`. */
export function toPath(segments: readonly Segment[]): string {
  let out = ''
  for (const segment of segments) {
    if (typeof segment === 'number') out += `[${segment}]`
    else if (typeof segment === 'object') out += `[_key==${JSON.stringify(segment._key)}]`
    else out += out ? `.${segment}` : segment
  }
  return out
}
