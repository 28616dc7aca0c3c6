import {badRequest} from '../api-error.ts'

/**
 * The GROQ parameters of a GET request: every `$name=<JSON>` in the query string.
 *
 * @throws ApiError 400 naming a parameter whose value is not JSON
 */
export function paramsFromSearch(search: URLSearchParams): Record<string, unknown> {
  const params: Record<string, unknown> = {}
  for (const [key, raw] of search) {
    if (!key.startsWith('$') || key.length === 1) continue
    try {
      // An own data property even for "$__proto__", which plain assignment would turn into a prototype.
      Object.defineProperty(params, key.slice(1), {value: JSON.parse(raw), writable: true, enumerable: true, configurable: true})
    } catch {
      throw badRequest(
        `Parameter "${key}" is not valid JSON: ${raw.length > 60 ? `${raw.slice(0, 60)}…` : raw} (parameters are JSON-encoded; quote strings, e.g. ${key}="value")`,
      )
    }
  }
  return params
}
