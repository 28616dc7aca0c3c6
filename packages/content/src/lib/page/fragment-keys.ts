/**
 * A maker of keys for the page writer's `fragment`: one frozen object per distinct text, so that
 * a run of elements whose output depends only on that text (a heading, a term, a note) is
 * checked once and then repeated.
 *
 * @internal
 */
export function fragmentKeys(): (text: string) => object {
  const keys = new Map<string, object>()
  return (text) => {
    let key = keys.get(text)
    if (key === undefined) {
      // Texts come from UI strings (a few per locale) and the caller's `idPrefix`: keep a bounded few.
      if (keys.size >= 1000) keys.clear()
      keys.set(text, (key = Object.freeze({text})))
    }
    return key
  }
}
