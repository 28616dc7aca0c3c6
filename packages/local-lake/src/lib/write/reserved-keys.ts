/**
 * Names that reach an object's prototype chain instead of its own data when used as a property
 * key (`obj["__proto__"]`, `obj.constructor.prototype`). Patch paths may not contain them.
 */
export const RESERVED_PATH_NAMES: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype'])

/** Why `name` may not be a step of `path`, or `undefined` when it may. */
export function reservedPathNameProblem(name: string, path: string): string | undefined {
  if (!RESERVED_PATH_NAMES.has(name)) return undefined
  return `path "${path}" may not contain "${name}" (__proto__, constructor and prototype are reserved)`
}

/**
 * Where the first own `"__proto__"` key in a JSON value is, as a path such as `a.b[0].__proto__`
 * starting with `root`, or `undefined` when there is none. `JSON.parse` keeps such keys as own
 * data properties, but any later plain assignment of them (`copy[key] = value`, as GROQ
 * projections do) would replace an object's prototype instead, so the lake refuses them.
 */
export function findProtoKey(value: unknown, root: string): string | undefined {
  const pending: Array<{value: unknown; path: string}> = [{value, path: root}]
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const {value: current, path} = next
    if (typeof current !== 'object' || current === null) continue
    if (Array.isArray(current)) {
      current.forEach((item, index) => pending.push({value: item, path: `${path}[${index}]`}))
      continue
    }
    if (Object.hasOwn(current, '__proto__')) return path === '' ? '__proto__' : `${path}.__proto__`
    for (const [key, item] of Object.entries(current)) {
      pending.push({value: item, path: path === '' ? key : `${path}.${key}`})
    }
  }
  return undefined
}
