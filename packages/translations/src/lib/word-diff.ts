import {diffWords} from 'diff'

/** One run of a word diff: kept, removed (only in the old text) or added (only in the new). */
export interface WordDiffPart {
  kind: 'same' | 'removed' | 'added'
  text: string
}

/** The word diff from `before` to `after` (jsdiff's `diffWords`), as runs. */
export function wordDiffParts(before: string, after: string): WordDiffPart[] {
  return diffWords(before, after).map((part) => ({kind: part.added ? 'added' : part.removed ? 'removed' : 'same', text: part.value}))
}

/** `[-removed-]{+added+}` around the words that changed, as `git diff --word-diff` prints them. */
export function wordDiff(before: string, after: string): string {
  return wordDiffParts(before, after)
    .map((part) => (part.kind === 'added' ? `{+${part.text}+}` : part.kind === 'removed' ? `[-${part.text}-]` : part.text))
    .join('')
}
