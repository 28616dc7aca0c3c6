import {makeDiff, xIndex} from '@sanity/diff-match-patch'

/** A text selection (a caret when `start === end`), as UTF-16 offsets like `selectionStart`. */
export interface TextSelection {
  start: number
  end: number
}

/**
 * Where `selection`, made in `before`, lies in `after` once someone else's edit turned one into
 * the other: a change wholly before an end shifts it by the length gained or lost, a change after
 * it leaves it, an end inside deleted text moves to where the deletion was. Text inserted exactly
 * at an end goes before it, so a caret at the end of the text stays at the end.
 *
 * @param before - The text the selection was made in (what the field showed).
 * @param after - The text now.
 * @param selection - The selection in `before`.
 * @returns The same selection in `after`.
 */
export function mapSelection(before: string, after: string, selection: TextSelection): TextSelection {
  if (before === after) return selection
  const diffs = makeDiff(before, after)
  const start = xIndex(diffs, selection.start)
  return {start, end: selection.end === selection.start ? start : xIndex(diffs, selection.end)}
}
