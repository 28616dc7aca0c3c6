/**
 * The paths of one field across the items of a list (`contraindications[3].text`), each made
 * once and then reused: a page with fallbacks looks every field's path up in a map of them, and
 * a string made once keeps its hash, where one joined per field is hashed on every page.
 *
 * @param list - The list's path (`contraindications`).
 * @param field - The field's path inside an item (`text`, `ingredient.name`).
 * @internal
 */
export function indexedPaths(list: string, field: string): (index: number) => string {
  const paths: string[] = []
  return (index) => {
    let path = paths[index]
    if (path === undefined) {
      path = `${list}[${index}].${field}`
      // Indexes come from the content's lists: keep the paths of a bounded few.
      if (index < 1000 && index <= paths.length) paths[index] = path
    }
    return path
  }
}
