/**
 * What `allTreatmentsQuery` answers for one locale, made from the answer of
 * `allTreatmentsEveryLocaleQuery` (the same pages with every locale's text): each localized
 * field keeps the items of the locale's chain, each safety text the source hash recorded by the
 * locale's own translation state, and `translations` the chain's states, all in the order they
 * came. Everything else is shared with the answer, not copied.
 *
 * The answer is not checked yet: a value of another shape than the query's is passed on as it
 * is, for the response checks to refuse with the path they name.
 *
 * @internal
 */
export function answerInLocale(pages: unknown, chain: readonly string[], locale: string): unknown {
  // A document several pages reference (one contraindication in many treatments) may arrive as
  // one object: it stays one, so what is worked out once per object downstream still is. Only
  // referenced documents can recur; a page's own objects are copied without being looked up.
  const done = new Map<Fields, Map<Value, Value>>()
  const inChain = (language: unknown) => {
    for (let index = 0; index < chain.length; index++) if (chain[index] === language) return true
    return false
  }
  const localized = (value: Value, safety: boolean): Value => {
    const out: Value = {...value}
    const items = value.i18n
    if (Array.isArray(items)) {
      const kept: unknown[] = []
      for (let index = 0; index < items.length; index++) {
        const item: unknown = items[index]
        if (isObject(item) && inChain(item.language ?? item._key)) kept.push(item)
      }
      out.i18n = kept
    }
    const hashes = isObject(value.source) ? value.source.hashes : undefined
    // `t[language == $locale][0]…hash`: the first state of the locale, as the one-locale query picks it.
    if (safety && (hashes === null || Array.isArray(hashes))) {
      const own = hashes?.find((entry) => isObject(entry) && entry.language === locale)
      out.source = {hash: isObject(own) ? (own.hash ?? null) : null}
    }
    return out
  }
  const reshape = (value: unknown, shape: Shape): unknown => {
    if (shape === text || shape === safetyText) return isObject(value) ? localized(value, shape === safetyText) : value
    if (shape === states) return Array.isArray(value) ? value.filter((state) => isObject(state) && inChain(state.language)) : value
    if (shape instanceof List) {
      if (!Array.isArray(value)) return value
      const out: unknown[] = []
      for (let index = 0; index < value.length; index++) out.push(reshape(value[index], shape.item))
      return out
    }
    if (!isObject(value)) return value
    if (!shape.shared) return copy(value, shape)
    let byValue = done.get(shape)
    if (!byValue) done.set(shape, (byValue = new Map()))
    let out = byValue.get(value)
    if (!out) byValue.set(value, (out = copy(value, shape)))
    return out
  }
  const copy = (value: Value, shape: Fields): Value => {
    const out: Value = {...value}
    const {names, inner} = shape
    for (let index = 0; index < names.length; index++) {
      const name = names[index]!
      if (name in value) out[name] = reshape(value[name], inner[index]!)
    }
    return out
  }
  return reshape(pages, new List(page))
}

type Value = Record<string, unknown>
type Shape = typeof text | typeof safetyText | typeof states | List | Fields

/** A list of items of one shape. */
class List {
  readonly item: Shape
  constructor(item: Shape) {
    this.item = item
  }
}

/** An object's localized fields, names and shapes side by side; `shared` for a referenced document. */
class Fields {
  readonly names: string[]
  readonly inner: Shape[]
  readonly shared: boolean
  constructor(fields: Record<string, Shape>, shared = false) {
    this.names = Object.keys(fields)
    this.inner = this.names.map((name) => fields[name]!)
    this.shared = shared
  }
}

// Where the page's localized fields are, as `treatmentProjection` lays them out (`queries.ts`).
const text = 1
const safetyText = 2
const states = 3
const document = (fields: Record<string, Shape>) => new Fields(fields, true)
const page = new Fields({
  title: text,
  summary: text,
  body: text,
  howPerformed: text,
  condition: document({name: text, alternateNames: new List(new Fields({name: text})), description: text}),
  ingredients: new List(new Fields({role: text, ingredient: document({name: text, mechanism: text})})),
  effects: new List(document({text})),
  claims: new List(new Fields({statement: text})),
  sideEffects: new List(document({text: safetyText, whenToSeekHelp: safetyText})),
  contraindications: new List(document({text: safetyText})),
  disclaimer: text,
  translations: states,
})

function isObject(value: unknown): value is Value {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
