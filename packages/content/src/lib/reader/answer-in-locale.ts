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
  // one object: it stays one, so what is worked out once per object downstream still is.
  const done = new Map<Shape, Map<Value, Value>>()
  const inChain = (language: unknown) => typeof language === 'string' && chain.includes(language)
  const reshape = (value: unknown, shape: Shape): unknown => {
    if (shape === text || shape === safetyText) {
      if (!isObject(value)) return value
      const out: Value = {...value}
      if (Array.isArray(value.i18n)) out.i18n = value.i18n.filter((item) => isObject(item) && inChain(item.language ?? item._key))
      const hashes = isObject(value.source) ? value.source.hashes : undefined
      // `t[language == $locale][0]…hash`: the first state of the locale, as the one-locale query picks it.
      if (shape === safetyText && (hashes === null || Array.isArray(hashes))) {
        const own = hashes?.find((entry) => isObject(entry) && entry.language === locale)
        out.source = {hash: isObject(own) ? (own.hash ?? null) : null}
      }
      return out
    }
    if (shape === states) return Array.isArray(value) ? value.filter((state) => isObject(state) && inChain(state.language)) : value
    if (Array.isArray(shape)) return Array.isArray(value) ? value.map((item) => reshape(item, shape[0]!)) : value
    if (!isObject(value)) return value
    let byValue = done.get(shape)
    if (!byValue) done.set(shape, (byValue = new Map()))
    let out = byValue.get(value)
    if (!out) {
      out = {...value}
      for (const [key, inner] of Object.entries(shape)) if (key in value) out[key] = reshape(value[key], inner)
      byValue.set(value, out)
    }
    return out
  }
  return reshape(pages, [page])
}

type Value = Record<string, unknown>
type Shape = typeof text | typeof safetyText | typeof states | readonly [Shape] | {readonly [key: string]: Shape}

// Where the page's localized fields are, as `treatmentProjection` lays them out (`queries.ts`).
const text = 1
const safetyText = 2
const states = 3
const page: Shape = {
  title: text,
  summary: text,
  body: text,
  howPerformed: text,
  condition: {name: text, alternateNames: [{name: text}], description: text},
  ingredients: [{role: text, ingredient: {name: text, mechanism: text}}],
  effects: [{text}],
  claims: [{statement: text}],
  sideEffects: [{text: safetyText, whenToSeekHelp: safetyText}],
  contraindications: [{text: safetyText}],
  disclaimer: text,
  translations: states,
}

function isObject(value: unknown): value is Value {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
