/**
 * Answers remembered by function name and arguments, for the UI strings `createUiStrings` makes.
 *
 * Most calls pass one catalog key, language or number (`t(key)`, `t(key, undefined)`), and a page
 * makes about seventy of them: such an argument is its own key in the name's map, so a lookup
 * builds no key string (and a string literal's hash is kept by the engine). Other arguments that
 * JSON writes exactly are keyed by their JSON, which starts with `[` (a lone string that does too
 * is keyed by its JSON, so the two never meet); the rest (a `Date`, an array, a boolean) are
 * computed every time. A name's map lives as long as its answers (`createUiStrings` forgets by
 * emptying each), so a caller may hold it ({@link keptAnswers}).
 */
export type RememberedAnswers = Map<string, Map<unknown, unknown>>

/** A name's map of remembered answers, made on first use and never replaced. @internal */
export function keptAnswers(answers: RememberedAnswers, name: string): Map<unknown, unknown> {
  let kept = answers.get(name)
  if (!kept) answers.set(name, (kept = new Map()))
  return kept
}

/**
 * What `compute` answers for `name` and `args`, remembered in `answers` (the answers of strings
 * made by `createUiStrings`, see `answersOf`) when the arguments can be keyed exactly; computed
 * every time without `answers`.
 *
 * @internal
 */
export function remembered<T>(answers: RememberedAnswers | undefined, name: string, args: readonly unknown[], compute: () => T): T {
  return answers ? rememberedIn(keptAnswers(answers, name), args, compute) : compute()
}

/** {@link remembered} in one name's map. @internal */
export function rememberedIn<T>(kept: Map<unknown, unknown>, args: readonly unknown[], compute: () => T): T {
  const first = args[0]
  const key = args.length < 3 && args[1] === undefined && exact(first) && (first as string)[0] !== '[' ? first : keyOf(args)
  if (key === undefined) return compute()
  if (kept.has(key)) return kept.get(key) as T
  const answer = compute()
  // A page asks a few dozen distinct things: a bound only against callers that never repeat.
  if (kept.size >= 5000) kept.clear()
  kept.set(key, answer)
  return answer
}

/** The JSON of arguments JSON writes exactly (strings, finite numbers but `-0`, `undefined`, plain objects of those); else `undefined`. */
function keyOf(args: readonly unknown[]): string | undefined {
  for (const arg of args) {
    if (arg === undefined || exact(arg)) continue
    if (arg === null || typeof arg !== 'object' || Object.getPrototypeOf(arg) !== Object.prototype) return undefined
    for (const name in arg) if (!exact((arg as Record<string, unknown>)[name])) return undefined
  }
  return JSON.stringify(args)
}

function exact(value: unknown): boolean {
  return typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value) && !Object.is(value, -0))
}
