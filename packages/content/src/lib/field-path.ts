/** One path in the tree of paths made so far; `children` by the next segment. */
interface PathNode {
  readonly path: string
  children?: Map<string | number, PathNode>
}

let root: PathNode = {path: ''}
let made = 0
/** Paths remembered before the tree starts afresh (a result with huge arrays must not grow it for ever). */
const maxPaths = 20_000

/**
 * The path of a field in a result, `contraindications[3].text` for
 * `('contraindications', 3, 'text')`: numbers are array indexes, strings attribute names.
 *
 * The same path is the same string object every time (until many thousands were made): a
 * fallback's path, made by `localize`, is looked up by the page renderer with a path it makes
 * too, for every field of every page of a build, and a string made afresh each time has to be
 * joined and hashed each time, a string seen before does not.
 *
 * @internal
 */
export function fieldPath(...segments: Array<string | number>): string {
  return fieldPathOf(segments, segments.length)
}

/**
 * {@link fieldPath} of the first `length` segments of `segments`.
 *
 * @internal
 */
export function fieldPathOf(segments: ArrayLike<string | number>, length: number): string {
  let node = root
  for (let index = 0; index < length; index++) {
    const segment = segments[index]!
    let children = node.children
    if (children === undefined) node.children = children = new Map()
    let next = children.get(segment)
    if (next === undefined) {
      if (made >= maxPaths) {
        root = {path: ''}
        made = 0
      }
      const path = typeof segment === 'number' ? `${node.path}[${segment}]` : node.path === '' ? segment : `${node.path}.${segment}`
      next = {path}
      children.set(segment, next)
      made++
    }
    node = next
  }
  return node.path
}
