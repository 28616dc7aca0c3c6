import {headingSlug} from './heading-slug.ts'

/**
 * Gives each heading of one document a unique id: the {@link headingSlug} of its text, then
 * `-1`, `-2`… for repeats, with `prefix` in front. The same document always gets the same ids.
 *
 * @internal
 */
export function createHeadingSlugger(prefix: string): (text: string) => string {
  const used = new Set<string>()
  return (text) => {
    const base = `${prefix}${headingSlug(text)}`
    let id = base
    for (let n = 1; used.has(id); n++) id = `${base}-${n}`
    used.add(id)
    return id
  }
}
