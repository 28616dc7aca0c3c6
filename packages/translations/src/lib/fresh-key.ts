/** `base` when unused, else `base-2`, `base-3`…; with `numbered`, `base1`, `base2`… */
export function freshKey(base: string, used: ReadonlyArray<string | undefined>, numbered = false): string {
  const taken = new Set(used)
  if (!numbered && !taken.has(base)) return base
  for (let number = numbered ? 1 : 2; ; number++) {
    const key = numbered ? `${base}${number}` : `${base}-${number}`
    if (!taken.has(key)) return key
  }
}
