import type {UiStrings} from './create-ui-strings.ts'

/** UI strings whose answers are remembered: nothing can change what they answer unseen. */
const remembered = new WeakSet<UiStrings>()
/** Bound on remembered answers per function (a page asks a few dozen distinct ones). */
const maxRemembered = 2000

/**
 * `ui` with its answers remembered: an i18next lookup, and `Intl` formatting of the same ranges,
 * dates and language names, on every page were most of a page's cost in a static build. Only
 * for strings whose resources cannot change under the remembered answers: the renderer's own,
 * or a caller's through {@link rememberedUiOf}, which forgets them when they change.
 *
 * @internal
 */
export function rememberUi(inner: UiStrings): UiStrings {
  // One map per function, keyed by the argument itself when there is one string or number (no
  // key to build), else by the arguments joined.
  const remember = <A extends unknown[]>(call: (...args: A) => string) => {
    const answers = new Map<unknown, string>()
    return (...args: A): string => {
      const first = args[0]
      const single = args.length === 1 || (args.length === 2 && args[1] === undefined)
      const key = single && (typeof first === 'string' || typeof first === 'number') ? first : keyOf(args)
      let answer = answers.get(key)
      if (answer === undefined) {
        answer = call(...args)
        if (answers.size >= maxRemembered) answers.clear()
        answers.set(key, answer)
      }
      return answer
    }
  }
  /** `t(key)` without values is most calls of a page: one lookup by the key. */
  const rememberT = (call: UiStrings['t']): UiStrings['t'] => {
    const plain = new Map<string, string>()
    const withValues = remember(call)
    return (key, values) => {
      if (values !== undefined) return withValues(key, values)
      let answer = plain.get(key)
      if (answer === undefined) {
        answer = call(key)
        if (plain.size >= maxRemembered) plain.clear()
        plain.set(key, answer)
      }
      return answer
    }
  }
  const ui: UiStrings = {
    ...inner,
    t: rememberT((key, values) => inner.t(key, values)),
    tHtml: rememberT((key, values) => inner.tHtml(key, values)),
    formatSessions: remember((min: number, max?: number) => inner.formatSessions(min, max)),
    formatWeeksApart: remember((min: number, max?: number) => inner.formatWeeksApart(min, max)),
    formatResultsFromDay: remember((day: number) => inner.formatResultsFromDay(day)),
    formatRange: remember((min: number, max: number) => inner.formatRange(min, max)),
    formatDate: remember((value: string | Date) => inner.formatDate(value)),
    formatLanguageName: remember((id: string) => inner.formatLanguageName(id)),
  }
  remembered.add(ui)
  return ui
}

/** The functions a caller's strings answer with, as they were when their answers were first remembered. */
const answering = ['t', 'tHtml', 'formatSessions', 'formatWeeksApart', 'formatResultsFromDay', 'formatRange', 'formatDate', 'formatLanguageName'] as const
const byCallerUi = new WeakMap<UiStrings, {ui: UiStrings; functions: unknown[]}>()

/**
 * A caller's UI strings (`createUiStrings(locale)`, passed to the renderer for many pages) with
 * their answers remembered per strings object, so they cost a page what the renderer's own do.
 * Forgotten, and remembered afresh, when the strings change: a function of the object replaced,
 * or its i18next instance told of new or removed resources or another language (i18next's
 * `added`, `removed` and `languageChanged` events). Strings without an i18next instance that
 * emits those are not remembered.
 *
 * @internal
 */
export function rememberedUiOf(given: UiStrings): UiStrings {
  const kept = byCallerUi.get(given)
  if (kept !== undefined && answering.every((name, index) => given[name] === kept.functions[index])) return kept.ui
  const i18n = given.i18n as Partial<UiStrings['i18n']> | undefined
  if (typeof i18n?.on !== 'function' || typeof i18n.store?.on !== 'function') return given
  const entry = {ui: rememberUi(given), functions: answering.map((name) => given[name])}
  if (kept === undefined) {
    const forget = () => byCallerUi.delete(given)
    i18n.on('languageChanged', forget)
    i18n.store.on('added', forget)
    i18n.store.on('removed', forget)
  }
  byCallerUi.set(given, entry)
  return entry.ui
}

/**
 * Whether answers drawn from `ui` may be remembered (see {@link rememberUi}).
 *
 * @internal
 */
export function isRememberedUi(ui: UiStrings): boolean {
  return remembered.has(ui)
}

/** A key for several arguments: numbers and strings as written, anything else as JSON. */
function keyOf(args: readonly unknown[]): string {
  let key = ''
  for (const arg of args) key += typeof arg === 'number' ? `\u0000n${arg}` : typeof arg === 'string' ? `\u0000s${arg}` : `\u0000j${valuesKey(arg)}`
  return key
}

/** `{date: '…'}` and the like as `\u0001date\u0002s…`, without JSON; anything else as JSON (which starts with `{`, so the two never meet). */
function valuesKey(value: unknown): string | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value) || Object.getPrototypeOf(value) !== Object.prototype) return JSON.stringify(value)
  let key = ''
  for (const name in value) {
    const item = (value as Record<string, unknown>)[name]
    if (typeof item === 'string' && !/[\u0001\u0002]/.test(item)) key += `\u0001${name}\u0002s${item}`
    else if (typeof item === 'number') key += `\u0001${name}\u0002n${item}`
    else return JSON.stringify(value)
  }
  return key
}
