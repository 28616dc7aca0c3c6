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
  dataSanity: 'data-sanity',
  ariaHidden: 'aria-hidden',
}

/** Elements written without an end tag (`html-void-elements`, as `hast-util-to-html` uses it). */
const voidElements = new Set(['area', 'base', 'basefont', 'bgsound', 'br', 'col', 'command', 'embed', 'frame', 'hr', 'image', 'img', 'input', 'keygen', 'link', 'meta', 'param', 'source', 'track', 'wbr'])

/** The keys a compiled schema must set (see {@link compileSafeHtmlWriter}). */
const schemaKeys = ['tagNames', 'attributes', 'protocols', 'ancestors', 'strip', 'clobber', 'required'] as const

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
 * Writes sanitized HTML element by element, without a tree: every element, attribute and text
 * passes the same allow-list checks as when a hast tree is walked (see {@link compileSafeHtml}),
 * as it is written.
 *
 * @internal
 */
export interface SafeHtmlWriter {
  /**
   * Starts an element, as a hast element with these `tagName` and `properties` would: written
   * when allowed (with its allowed attributes only), unwrapped when not (its content is still
   * written), or skipped with all its content when the schema strips it. Every `open` needs a
   * {@link close}.
   */
  open(tagName: string, properties?: Readonly<Record<string, unknown>>): void
  /** Ends the element last opened. */
  close(): void
  /** Text, escaped. */
  text(value: string): void
  /** A position in the output, for {@link insertAt}; every mark is used once, the last one first. */
  mark(): number
  /**
   * Writes at `mark` (taken at the same depth, in the same element) what `write` writes, before
   * what was written since: for content that depends on what follows it.
   */
  insertAt(mark: number, write: () => void): void
  /**
   * What `write` writes, written once per `key` and then repeated: for a fragment written the
   * same way many times (the "not yet translated" marker), keyed by a frozen object that stands
   * for its content. The checks run on the first write; the output is kept only when it depends
   * on nothing outside the fragment: no `ancestors` rule consulted (a list item), no element
   * closed that was open before it or left open, no mark taken or used.
   */
  fragment(key: object, write: () => void): void
  /** The HTML written since the last `take`; starts afresh. */
  take(): string
}

/**
 * Properties objects made by {@link constantProperties}, each with the last start tag written
 * with it: by which compiled schema (its tag table) and for which tag name.
 */
const constants = new WeakMap<object, {schema: object | undefined; name: string; start: string}>()

/**
 * Freezes `properties` (and the arrays in them) for use as the properties of many elements:
 * a {@link SafeHtmlWriter} then checks them once per tag name and reuses the start tag.
 *
 * @internal
 */
export function constantProperties<T extends Record<string, unknown>>(properties: T): Readonly<T> {
  for (const value of Object.values(properties)) if (Array.isArray(value)) Object.freeze(value)
  Object.freeze(properties)
  constants.set(properties, {schema: undefined, name: '', start: ''})
  return properties
}

/**
 * Compile a `rehype-sanitize` schema into a maker of {@link SafeHtmlWriter}s, which sanitize and
 * serialize while content is written, with the output of `rehype-sanitize` followed by
 * `rehype-stringify` (default options) on the equivalent hast: elements not allowed are unwrapped
 * (their children kept) or, when listed in `strip`, removed; `ancestors` are enforced; properties
 * not allowed, or whose value is not in the allow-list or has a protocol not allowed, are dropped;
 * text is escaped (`<`, `&`) and attribute values are double-quoted with `"`, `&`, `'`, `` ` ``
 * and NUL escaped, all as hexadecimal character references. Comments, doctypes and raw nodes
 * are never written.
 *
 * Why: building a tree only to walk it once was most of a page's cost; the schemas here are
 * closed lists known when the module loads. Property tests hold the output equal to the rehype
 * path, for arbitrary hast (`compile-safe-html.test.ts`) and for whole pages written directly
 * (`render-treatment-page.test.ts`).
 *
 * @param schema - A schema that sets `tagNames`, `attributes`, `protocols`, `ancestors`, `strip`,
 *   and `clobber` and `required` (empty: they are not supported, nor are comments and doctypes).
 * @throws {TypeError} When the schema leaves out one of those keys, uses a property this
 *   compiler cannot write, or a feature it does not support.
 * @internal
 */
export function compileSafeHtmlWriter(schema: SanitizeSchema): () => SafeHtmlWriter {
  // rehype-sanitize fills a key left out from its default (GitHub's) schema, which allows more
  // tags and any protocol it lists; compiling it as empty would write what rehype drops.
  const missing = schemaKeys.filter((key) => schema[key] === undefined || schema[key] === null)
  if (missing.length > 0) {
    throw new TypeError(`Cannot \`compileSafeHtml\` a schema without ${missing.map((key) => `\`${key}\``).join(', ')}: rehype-sanitize would take them from its default schema`)
  }
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

  // What the schema says of each tag name, looked up once per name.
  interface Tag {
    allowed: boolean
    ancestors: readonly string[] | undefined
    strip: boolean
    isVoid: boolean
    /** Whether some tag requires it as an ancestor, so open ones are counted. */
    counted: boolean
    /** The start tag without attributes. */
    start: string
    end: string
  }
  const ancestorNames = new Set([...ancestors.values()].flat())
  const tags = new Map<string, Tag>()
  const tagOf = (name: string): Tag => {
    let tag = tags.get(name)
    if (tag === undefined) {
      const allowed = name !== '' && name !== '*' && tagNames.has(name)
      tag = {
        allowed,
        ancestors: allowed ? ancestors.get(name) : undefined,
        strip: strip.has(name),
        isVoid: voidElements.has(name),
        counted: ancestorNames.has(name),
        start: `<${name}>`,
        end: `</${name}>`,
      }
      // Names come from content too (hast given to `node`): keep a bounded few.
      if (tags.size < 1000) tags.set(name, tag)
    }
    return tag
  }

  // The start tag of frozen properties (see `constantProperties`) is kept with them: the checks
  // give the same answer every time for the same schema and tag name.
  const startTag = (name: string, properties: Readonly<Record<string, unknown>> | undefined, known: Tag): string => {
    if (properties === undefined) return known.start
    const constant = constants.get(properties)
    if (constant !== undefined && constant.schema === tags && constant.name === name) return constant.start
    const written = attributes(name, properties)
    const start = written === '' ? known.start : `<${name}${written}>`
    if (constant !== undefined) {
      constant.schema = tags
      constant.name = name
      constant.start = start
    }
    return start
  }

  // Fragments written once (see `fragment`), by their key: the same for every writer of the schema.
  const fragments = new WeakMap<object, string>()

  /** An open element that is counted (an ancestor some tag requires) or void. */
  interface Frame {
    /** The end tag, `''` when unwrapped. */
    end: string
    /** Where a void element's content starts, else -1. */
    start: number
    counted: string | undefined
  }

  return () => {
    let html = ''
    // What was written before each open mark (see `mark`), and its length in all.
    const before: string[] = []
    let beforeLength = 0
    // What closing each open element writes, innermost last: its end tag (`''` when it is
    // unwrapped), `null` when it is skipped, or a `Frame`.
    const closes: Array<string | null | Frame> = []
    // How many elements of each ancestor name are open (unwrapped ones included, as
    // rehype-sanitize counts them).
    const openCounts = new Map<string, number>()
    let skipping = 0
    // How many `ancestors` rules were consulted: a fragment that consulted one is not kept.
    let ancestorChecks = 0
    // The fewest elements open since the innermost fragment being written started: below its
    // start, it closed an element opened before it.
    let lowest = 0
    // How many marks were taken or used: a fragment that took or used one is not kept.
    let markUses = 0
    const count = (name: string, by: number) => openCounts.set(name, (openCounts.get(name) ?? 0) + by)

    const writer: SafeHtmlWriter = {
      open(name, properties) {
        if (skipping > 0) {
          skipping++
          closes.push(null)
          return
        }
        const known = tagOf(name)
        // An `ancestors` rule makes the fragment being written depend on its place.
        if (known.ancestors !== undefined) ancestorChecks++
        const safe = known.allowed && (known.ancestors === undefined || anyOpen(known.ancestors, openCounts))
        if (!safe) {
          if (known.strip) {
            skipping = 1
            closes.push(null)
          } else if (known.counted) {
            count(name, 1)
            closes.push({end: '', start: -1, counted: name})
          } else closes.push('')
          return
        }
        html += startTag(name, properties, known)
        if (!known.counted && !known.isVoid) closes.push(known.end)
        else {
          if (known.counted) count(name, 1)
          closes.push({end: known.end, start: known.isVoid ? beforeLength + html.length : -1, counted: known.counted ? name : undefined})
        }
      },
      close() {
        const entry = closes.pop()
        if (entry === undefined) return
        if (closes.length < lowest) lowest = closes.length
        if (entry === null) {
          skipping--
          return
        }
        if (typeof entry === 'string') {
          html += entry
          return
        }
        if (entry.counted !== undefined) count(entry.counted, -1)
        // A void element with content is written with an end tag, as `hast-util-to-html` does.
        if (entry.end !== '' && (entry.start < 0 || beforeLength + html.length > entry.start)) html += entry.end
      },
      text(value) {
        if (skipping === 0) html += escapeText(value)
      },
      // A mark sets aside what was written so far, so inserting there copies nothing.
      mark() {
        markUses++
        before.push(html)
        beforeLength += html.length
        html = ''
        return before.length - 1
      },
      insertAt(mark, write) {
        if (mark !== before.length - 1) throw new TypeError('Cannot `insertAt` a mark other than the last one not yet used')
        markUses++
        const after = html
        html = ''
        write()
        const written = before.pop()!
        beforeLength -= written.length
        html = written + html + after
      },
      fragment(key, write) {
        // Inside a stripped element nothing shows, but its calls keep the open elements in step
        // (a fragment may close the stripped element itself).
        if (skipping > 0) {
          write()
          return
        }
        const kept = fragments.get(key)
        if (kept !== undefined) {
          html += kept
          return
        }
        const start = html.length
        const depth = closes.length
        const checks = ancestorChecks
        const marks = markUses
        const outerLowest = lowest
        lowest = depth
        write()
        const independent = lowest === depth && closes.length === depth && ancestorChecks === checks && skipping === 0 && markUses === marks
        if (outerLowest < lowest) lowest = outerLowest
        if (independent) fragments.set(key, detached(html.slice(start)))
      },
      take() {
        // A fragment being written when its output is taken is not kept.
        lowest = -1
        const result = before.length === 0 ? html : before.join('') + html
        // Setting an array's length or clearing a map calls into the engine: only when not empty.
        if (before.length !== 0) before.length = 0
        beforeLength = 0
        html = ''
        if (closes.length !== 0) closes.length = 0
        if (openCounts.size !== 0) openCounts.clear()
        skipping = 0
        return result
      },
    }
    return writer
  }
}

/**
 * Compile a `rehype-sanitize` schema into one function that sanitizes and serializes hast in a
 * single walk, with the output of `rehype-sanitize` followed by `rehype-stringify`: a
 * {@link compileSafeHtmlWriter} writer fed the tree.
 *
 * @param schema - As for {@link compileSafeHtmlWriter}.
 * @throws {TypeError} As {@link compileSafeHtmlWriter} does.
 * @internal
 */
export function compileSafeHtml(schema: SanitizeSchema): SafeHtmlSerializer {
  const writer = compileSafeHtmlWriter(schema)()
  return (tree) => {
    // Nothing left from a call that threw half-way.
    writer.take()
    writeNode(writer, tree)
    return writer.take()
  }
}

/** Writes a hast tree (or a list of nodes) with `writer`, which sanitizes it as it goes. Outside the writer, so a page that never writes hast does not ship it. */
function writeNode(writer: SafeHtmlWriter, tree: unknown): void {
  if (Array.isArray(tree)) {
    for (const child of tree) writeNode(writer, child)
    return
  }
  if (!tree || typeof tree !== 'object') return
  const {type} = tree as {type?: unknown}
  if (type === 'text') {
    const {value} = tree as {value?: unknown}
    if (typeof value === 'string') writer.text(value)
  } else if (type === 'element') {
    const {tagName, properties, children} = tree as {tagName?: unknown; properties?: unknown; children?: unknown}
    writer.open(typeof tagName === 'string' ? tagName : '', properties as Record<string, unknown>)
    if (Array.isArray(children)) writeNode(writer, children)
    writer.close()
  } else if (type === 'root') {
    const {children} = tree as {children?: unknown}
    if (Array.isArray(children)) writeNode(writer, children)
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

/**
 * `text` in a string of its own: a slice of a longer string (what a fragment is of its page) can
 * keep the whole of it alive in V8, and a kept fragment lives as long as its key.
 */
function detached(text: string): string {
  // Slicing flattens the concatenation into a new string of `text`'s length plus one.
  return ` ${text}`.slice(1)
}

/**
 * Whether an element of one of `names` is open (its count above zero), or with `before`, whether
 * more are open than were then; without a closure per check.
 */
function anyOpen(names: readonly string[], openCounts: ReadonlyMap<string, number>): boolean {
  for (let index = 0; index < names.length; index++) {
    if ((openCounts.get(names[index]!) ?? 0) > 0) return true
  }
  return false
}

function escapeText(value: string): string {
  return textUnsafe.test(value) ? value.replace(textUnsafeAll, reference) : value
}

function escapeAttribute(value: string): string {
  return attributeUnsafe.test(value) ? value.replace(attributeUnsafeAll, reference) : value
}
