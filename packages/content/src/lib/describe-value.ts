/**
 * How an error message names a value it received: `nothing`, `null`, `an array`, `an object`,
 * `a function`, or a primitive with its value (`the string "abc"`, shortened after 40
 * characters; `number NaN`). The one describer of both packages: option checks, response
 * checks, dataset and mutation problems all name what they got the same way.
 *
 * @internal
 */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing'
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  switch (typeof value) {
    case 'string':
      return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`
    case 'number':
    case 'boolean':
    case 'bigint':
      return `${typeof value} ${String(value)}`
    case 'function':
      return 'a function'
    case 'symbol':
      return 'a symbol'
    default:
      return 'an object'
  }
}
