import {DIFF_DELETE, DIFF_INSERT, applyPatches, parsePatch} from '@sanity/diff-match-patch'

/**
 * Why a `diffMatchPatch` cannot be applied to `text` as its author meant, or `undefined` when it
 * can. diff-match-patch places each hunk by fuzzy matching its context, which is what lets two
 * people type in the same text; but when someone else has changed that context since the
 * author's editor made the hunk, it either skips the hunk without a word (the author's words go
 * missing) or stretches the hunk's deletion over the other person's new characters (theirs go
 * missing), and Sanity's patcher reports success either way. So a patch passes only when every
 * hunk lands and the text gains and loses exactly the characters the hunks insert and delete.
 */
export function textPatchConflict(text: string, patch: string): string | undefined {
  const hunks = parsePatch(patch)
  // The options Sanity's patcher (`@sanity/mutator`) applies text patches with.
  const [result, landed] = applyPatches(hunks, text, {allowExceedingIndices: true})
  const missed = landed.findIndex((applied) => !applied)
  if (missed >= 0) return `hunk ${missed + 1} of ${hunks.length} no longer matches the text, which another edit changed since`
  const expected = new Map<string, number>()
  for (const hunk of hunks) {
    for (const [operation, part] of hunk.diffs) {
      if (operation === DIFF_INSERT) count(expected, part, 1)
      else if (operation === DIFF_DELETE) count(expected, part, -1)
    }
  }
  const actual = new Map<string, number>()
  count(actual, result, 1)
  count(actual, text, -1)
  for (const character of new Set([...expected.keys(), ...actual.keys()])) {
    if ((expected.get(character) ?? 0) !== (actual.get(character) ?? 0)) {
      return 'it would delete characters another edit added since, not only the ones it was made to delete'
    }
  }
  return undefined
}

/** Adds `sign` to the count of each character (code point) of `part`. */
function count(counts: Map<string, number>, part: string, sign: 1 | -1): void {
  for (const character of part) counts.set(character, (counts.get(character) ?? 0) + sign)
}
