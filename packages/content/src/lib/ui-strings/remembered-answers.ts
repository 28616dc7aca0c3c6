/**
 * Answers remembered by function name and arguments, for the UI strings `createUiStrings` makes:
 * keyed by the name and the arguments' JSON when JSON writes them exactly; the rest (a `Date`, an
 * array, a boolean) are computed every time.
 *
 * A map per name keyed by a lone argument itself renders pages about 20% faster in-process (no
 * key string per call), but its code put the page model over its 33,000 B gzip budget; measured and
 * left out (see docs/architecture.md).
 */
export type RememberedAnswers = Map<string, unknown>

/**
 * What `compute` answers for `name` and `args`, remembered in `answers` (the answers of strings
 * made by `createUiStrings`, see `answersOf`) when the arguments can be keyed exactly; computed
 * every time without `answers`.
 *
 * @internal
 */
export function remembered<T>(answers: RememberedAnswers | undefined, name: string, args: readonly unknown[], compute: () => T): T {
  const key = answers && keyOf(args)
  if (key === undefined) return compute()
  const whole = `${name}:${key}`
  if (answers!.has(whole)) return answers!.get(whole) as T
  const answer = compute()
  // A page asks a few dozen distinct things: a bound only against callers that never repeat.
  if (answers!.size >= 5000) answers!.clear()
  answers!.set(whole, answer)
  return answer
}

/** A key for arguments that JSON writes exactly: strings, finite numbers but `-0`, `undefined`, plain objects of strings and numbers; else `undefined`. */
function keyOf(args: readonly unknown[]): string | undefined {
  for (const arg of args) {
    if (!(arg === undefined || exact(arg) || (arg !== null && Object.getPrototypeOf(arg) === Object.prototype && Object.values(arg as object).every(exact)))) return undefined
  }
  return JSON.stringify(args)
}

function exact(value: unknown): boolean {
  return typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value) && !Object.is(value, -0))
}
