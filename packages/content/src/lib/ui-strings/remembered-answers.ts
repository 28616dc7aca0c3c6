/**
 * Answers remembered by function name and arguments, for the UI strings `createUiStrings` makes.
 *
 * Most calls pass one catalog key, language or number (`t(key)`, `t(key, undefined)`), and a page
 * makes a few dozen of them: such an argument is its own key in the name's map, so a lookup builds
 * no key string (and a string literal's hash is kept by the engine). Other arguments that JSON
 * writes exactly are keyed by their JSON, which starts with `[` (a lone string that does too is
 * keyed by its JSON, so the two never meet); the rest (a `Date`, an array, a boolean) are computed
 * every time.
 */
export type RememberedAnswers = Map<string, Map<unknown, unknown>>

/**
 * What `compute` answers for `name` and `args`, remembered in `answers` (the answers of strings
 * made by `createUiStrings`, see `answersOf`) when the arguments can be keyed exactly; computed
 * every time without `answers`.
 *
 * @internal
 */
export function remembered<T>(answers: RememberedAnswers | undefined, name: string, args: readonly unknown[], compute: () => T): T {
  const [first, second] = args
  const key = !answers ? undefined : args.length < 3 && second === undefined && exact(first) && (first as string)[0] !== '[' ? first : keyOf(args)
  if (key === undefined) return compute()
  let kept = answers!.get(name)
  if (!kept) answers!.set(name, (kept = new Map()))
  else if (kept.has(key)) return kept.get(key) as T
  const answer = compute()
  // A page asks a few dozen distinct things: a bound only against callers that never repeat.
  if (kept.size >= 5000) kept.clear()
  kept.set(key, answer)
  return answer
}

/** The JSON of arguments JSON writes exactly (strings, finite numbers but `-0`, `undefined`, plain objects of those); else `undefined`. */
function keyOf(args: readonly unknown[]): string | undefined {
  for (const arg of args) {
    if (!(arg === undefined || exact(arg) || (arg !== null && Object.getPrototypeOf(arg) === Object.prototype && Object.values(arg as object).every(exact)))) return undefined
  }
  return JSON.stringify(args)
}

function exact(value: unknown): boolean {
  return typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value) && !Object.is(value, -0))
}
