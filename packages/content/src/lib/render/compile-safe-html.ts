import type {Nodes} from 'hast'
import type {Options as SanitizeSchema} from 'rehype-sanitize'

/**
 * Serializes hast to HTML, keeping only what a sanitize schema allows.
 *
 * @internal
 */
export type SafeHtmlSerializer = (tree: Nodes | readonly Nodes[]) => string

/** hast property names our schemas allow, and how each is written as an HTML attribute. */
const attributeNames: Readonly<Record<string, string>> = {
  id: 'id',
  href: 'href',
  start: 'start',
  lang: 'lang',
  className: 'class',
  ariaLabelledBy: 'aria-labelledby',
  ariaHidden: 'aria-hidden',
}

/** Elements written without an end tag (`html-void-elements`, as `hast-util-to-html` uses it). */
const voidElements = new Set(['area', 'base', 'basefont', 'bgsound', 'br', 'col', 'command', 'embed', 'frame', 'hr', 'image', 'img', 'input', 'keygen', 'link', 'meta', 'param', 'source', 'track', 'wbr'])

type AllowedValues = ReadonlyArray<string | number | boolean | RegExp>
interface CompiledAttribute {
  name: string
  /** `undefined` when any value is allowed. */
  values: AllowedValues | undefined
  /** The allowed primitive values, for lookups. */
  primitives: ReadonlySet<unknown>
  /** The allowed patterns. */
  patterns: readonly RegExp[]
  protocols: readonly string[] | undefined
}

/**
 * Compile a `rehype-sanitize` schema into one function that sanitizes and serializes hast in a
 * single walk, with the output of `rehype-sanitize` followed by `rehype-stringify` (default
 * options): elements not allowed are unwrapped (their children kept) or, when listed in
 * `strip`, removed; `ancestors` are enforced; properties not allowed, or whose value is not in
 * the allow-list or has a protocol not allowed, are dropped; text is escaped (`<`, `&`) and
 * attribute values are double-quoted with `"`, `&`, `'`, `` ` `` and NUL escaped, all as
 * hexadecimal character references. Comments, doctypes and raw nodes are never written.
 *
 * Why: running `rehype-sanitize` and `rehype-stringify` through a unified processor costs more
 * than rendering the document; the schemas here are closed lists known when the module loads.
 * A property test holds the output equal to the rehype path (`to-html.test.ts`).
 *
 * @param schema - A schema with `tagNames`, `attributes`, `protocols`, `ancestors` and `strip`;
 *   `clobber`, `required`, comments and doctypes are not supported.
 * @throws {TypeError} When the schema uses a property this compiler cannot write, or a feature
 *   it does not support.
 * @internal
 */
export function compileSafeHtml(schema: SanitizeSchema): SafeHtmlSerializer {
  if ((schema.clobber?.length ?? 0) > 0 || Object.keys(schema.required ?? {}).length > 0 || schema.allowComments || schema.allowDoctypes) {
    throw new TypeError('Cannot `compileSafeHtml` a schema with `clobber`, `required`, comments or doctypes')
  }
  const tagNames = new Set(schema.tagNames ?? [])
  const strip = new Set(schema.strip ?? [])
  const ancestors = new Map(Object.entries(schema.ancestors ?? {}))
  const byTag = new Map<string, Map<string, CompiledAttribute>>()
  const compileList = (definitions: NonNullable<SanitizeSchema['attributes']>[string]) => {
    const compiled = new Map<string, CompiledAttribute>()
    for (const definition of definitions) {
      const [key, ...values] = typeof definition === 'string' ? [definition] : definition
      const name = attributeNames[key!]
      if (!name) throw new TypeError(`Cannot \`compileSafeHtml\`: no attribute name known for property \`${key}\``)
      compiled.set(key!, {
        name,
        values: values.length > 0 ? (values as AllowedValues) : undefined,
        primitives: new Set(values.filter((value) => !(value instanceof RegExp))),
        patterns: values.filter((value): value is RegExp => value instanceof RegExp),
        protocols: schema.protocols?.[key!]?.length ? (schema.protocols[key!] ?? undefined) : undefined,
      })
    }
    return compiled
  }
  const common = compileList(schema.attributes?.['*'] ?? [])
  for (const [tag, definitions] of Object.entries(schema.attributes ?? {})) if (tag !== '*') byTag.set(tag, compileList(definitions))

  const stack: string[] = []
  let html = ''

  const node = (unsafe: unknown): void => {
    if (!unsafe || typeof unsafe !== 'object') return
    const {type} = unsafe as {type?: unknown}
    if (type === 'text') {
      const {value} = unsafe as {value?: unknown}
      if (typeof value === 'string') html += escapeText(value)
    } else if (type === 'element') {
      element(unsafe as {tagName?: unknown; properties?: unknown; children?: unknown})
    } else if (type === 'root') {
      children((unsafe as {children?: unknown}).children)
    }
  }
  const children = (list: unknown): void => {
    if (!Array.isArray(list)) return
    for (const child of list) node(child)
  }
  const element = (unsafe: {tagName?: unknown; properties?: unknown; children?: unknown}): void => {
    const name = typeof unsafe.tagName === 'string' ? unsafe.tagName : ''
    let safe = name !== '' && name !== '*' && tagNames.has(name)
    const required = safe ? ancestors.get(name) : undefined
    if (required) safe = required.some((ancestor) => stack.includes(ancestor))
    if (!safe) {
      if (strip.has(name)) return
      stack.push(name)
      children(unsafe.children)
      stack.pop()
      return
    }
    html += `<${name}${attributes(name, unsafe.properties)}>`
    stack.push(name)
    const before = html.length
    children(unsafe.children)
    stack.pop()
    // A void element with content is written with an end tag, as `hast-util-to-html` does.
    if (!voidElements.has(name) || html.length > before) html += `</${name}>`
  }
  const attributes = (tag: string, properties: unknown): string => {
    if (!properties || typeof properties !== 'object') return ''
    const specific = byTag.get(tag)
    let result = ''
    for (const key in properties) {
      if (!Object.hasOwn(properties, key)) continue
      const unsafe = (properties as Record<string, unknown>)[key]
      const written = attributeValue(specific?.get(key), unsafe) ?? attributeValue(common.get(key), unsafe)
      if (written !== undefined) result += written
    }
    return result
  }

  return (tree) => {
    html = ''
    stack.length = 0
    if (Array.isArray(tree)) children(tree)
    else node(tree)
    const result = html
    html = ''
    return result
  }
}

/** ` name="value"` for an allowed property, `''` when it writes nothing, `undefined` when not allowed. */
function attributeValue(attribute: CompiledAttribute | undefined, unsafe: unknown): string | undefined {
  if (!attribute) return undefined
  let value: unknown
  if (Array.isArray(unsafe)) {
    const kept: Array<string | number> = []
    for (const item of unsafe) {
      const safe = primitive(attribute, item)
      if (typeof safe === 'string' || typeof safe === 'number') kept.push(safe)
    }
    value = kept
  } else {
    value = primitive(attribute, unsafe)
    if (value === undefined) return undefined
  }
  if (value === false || (typeof value === 'number' && Number.isNaN(value))) return ''
  if (value === true) return ` ${attribute.name}`
  const text = Array.isArray(value) ? value.join(' ').trim() : String(value)
  return ` ${attribute.name}="${escapeAttribute(text)}"`
}

function primitive(attribute: CompiledAttribute, value: unknown): string | number | boolean | undefined {
  if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') return undefined
  if (attribute.protocols && !safeProtocol(String(value), attribute.protocols)) return undefined
  if (attribute.values && attribute.values.length > 0) {
    const allowed = attribute.primitives.has(value) || attribute.patterns.some((pattern) => pattern.test(String(value)))
    if (!allowed) return undefined
  }
  return value
}

/** A URL's protocol is allowed, or it has none (relative), judged as `hast-util-sanitize` does. */
function safeProtocol(url: string, protocols: readonly string[]): boolean {
  const colon = url.indexOf(':')
  if (colon < 0) return true
  for (const stop of ['/', '?', '#']) {
    const index = url.indexOf(stop)
    if (index > -1 && colon > index) return true
  }
  return protocols.some((protocol) => colon === protocol.length && url.startsWith(protocol))
}

const textUnsafe = /[<&]/
const textUnsafeAll = /[<&]/g
const attributeUnsafe = /[\0"&'`]/
const attributeUnsafeAll = /[\0"&'`]/g

function reference(character: string): string {
  return `&#x${character.charCodeAt(0).toString(16).toUpperCase()};`
}

function escapeText(value: string): string {
  return textUnsafe.test(value) ? value.replace(textUnsafeAll, reference) : value
}

function escapeAttribute(value: string): string {
  return attributeUnsafe.test(value) ? value.replace(attributeUnsafeAll, reference) : value
}
