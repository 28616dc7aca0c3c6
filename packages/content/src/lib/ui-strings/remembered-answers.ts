/**
 * The answers UI strings made by `createUiStrings` remember, by function name and arguments.
 *
 * Most calls pass one catalog key, language or number, and a page makes a few dozen of them: they
 * are kept in a map per name keyed by that argument itself, so a lookup builds no key string (and
 * a string literal's hash is kept by the engine). Other arguments that JSON writes exactly are
 * keyed by their JSON; the rest (a `Date`, an array, a boolean) are computed every time.
 */
export class RememberedAnswers {
  // Two maps, so that a lone string argument never meets another call's JSON key.
  readonly #byLoneArgument = new Map<string, Map<unknown, unknown>>()
  readonly #byJson = new Map<string, Map<unknown, unknown>>()
  #size = 0

  /** How many answers are kept. */
  get size(): number {
    return this.#size
  }

  /** Forgets every answer. */
  clear(): void {
    this.#byLoneArgument.clear()
    this.#byJson.clear()
    this.#size = 0
  }

  /** What `compute` answers for `name` and `args`: remembered when the arguments can be keyed exactly. */
  answer<T>(name: string, args: readonly unknown[], compute: () => T): T {
    let length = args.length
    // A trailing `undefined` is a call's missing argument: `t(key)` and `t(key, undefined)` agree.
    while (length > 0 && args[length - 1] === undefined) length--
    const lone = length === 1 && exact(args[0])
    const key = lone ? args[0] : jsonKeyOf(args, length)
    if (key === undefined) return compute()
    const byName = lone ? this.#byLoneArgument : this.#byJson
    const answers = byName.get(name)
    if (answers?.has(key)) return answers.get(key) as T
    const answer = compute()
    // A page asks a few dozen distinct things: a bound only against callers that never repeat.
    if (this.#size >= 5000) this.clear()
    let kept = byName.get(name)
    if (kept === undefined) byName.set(name, (kept = new Map()))
    kept.set(key, answer)
    this.#size++
    return answer
  }
}

/** The JSON of the first `length` arguments when JSON writes each exactly (strings, finite numbers but `-0`, `undefined`, plain objects of those); else `undefined`. */
function jsonKeyOf(args: readonly unknown[], length: number): string | undefined {
  for (let index = 0; index < length; index++) {
    const arg = args[index]
    if (!(arg === undefined || exact(arg) || (arg !== null && Object.getPrototypeOf(arg) === Object.prototype && Object.values(arg as object).every(exact)))) return undefined
  }
  return JSON.stringify(args.slice(0, length))
}

function exact(value: unknown): value is string | number {
  return typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value) && !Object.is(value, -0))
}
