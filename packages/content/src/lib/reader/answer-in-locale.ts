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
  const inChain = (language: unknown) => typeof language === 'string' && chain.includes(language)
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
    if (Array.isArray(shape)) return Array.isArray(value) ? value.map((item) => reshape(item, shape[0]!)) : value
    if (!isObject(value)) return value
    const object = shape as Fields
    if (!object.shared) return copy(value, object)
    let byValue = done.get(object)
    if (!byValue) done.set(object, (byValue = new Map()))
    let out = byValue.get(value)
    if (!out) byValue.set(value, (out = copy(value, object)))
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
  return reshape(pages, [page])
}

type Value = Record<string, unknown>
type Shape = typeof text | typeof safetyText | typeof states | readonly [Shape] | Fields
/** An object's localized fields, names and shapes side by side; `shared` for a referenced document. */
interface Fields {
  names: string[]
  inner: Shape[]
  shared: boolean
}

// Where the page's localized fields are, as `treatmentProjection` lays them out (`queries.ts`).
const text = 1
const safetyText = 2
const states = 3
const fields = (shapes: Record<string, Shape>, shared = false): Fields => ({names: Object.keys(shapes), inner: Object.values(shapes), shared})
const document = (shapes: Record<string, Shape>) => fields(shapes, true)
const page = fields({
  title: text,
  summary: text,
  body: text,
  howPerformed: text,
  condition: document({name: text, alternateNames: [fields({name: text})], description: text}),
  ingredients: [fields({role: text, ingredient: document({name: text, mechanism: text})})],
  effects: [document({text: safetyText})],
  claims: [fields({statement: safetyText})],
  sideEffects: [document({text: safetyText, whenToSeekHelp: safetyText})],
  contraindications: [document({text: safetyText})],
  disclaimer: safetyText,
  translations: states,
})

function isObject(value: unknown): value is Value {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
