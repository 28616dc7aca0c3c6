import type {Emphasis, Link, PhrasingContent, Strong} from 'mdast'
import {isRecord} from '../dataset/dataset-document.ts'
import {describeValue} from '../describe-value.ts'
import type {MessageSink} from './render-message.ts'
import {safeLinkUrl} from './safe-link-url.ts'

/** Inline content of a block, as Markdown phrasing nodes, with its plain text. */
interface Phrasing {
  children: PhrasingContent[]
  /** The text of every span, concatenated. */
  text: string
}

/** A mark that wraps text in an mdast node. */
type WrappingMark = {kind: 'strong'} | {kind: 'emphasis'} | {kind: 'link'; url: string}

/** What a mark name resolves to in one block: wrap, `code`, or nothing (already reported). */
type ResolvedMark = WrappingMark | 'code' | null

const noMarks: string[] = []

/** Decorators that Portable Text editors offer and Markdown cannot express. */
const unsupportedDecorators = new Set(['underline', 'strike-through'])

/**
 * Turn the `children` of a Portable Text block into mdast phrasing content.
 *
 * Adjacent spans that share a mark share one node (`**a *b***`, not `**a****_b_**`), with the
 * longest-running marks outermost, as `@portabletext/toolkit` nests them. A span keeps its first
 * link only (links do not nest). `code` makes the span an
 * `inlineCode` leaf. A `\n` inside a span becomes a line break. Unknown, unsupported and unsafe
 * marks are reported and left out; their text stays. Children that are not spans are reported
 * and left out.
 *
 * @internal
 */
export function spansToPhrasing(
  children: readonly unknown[],
  markDefs: unknown,
  blockKey: string | undefined,
  sink: MessageSink,
): Phrasing {
  const root: PhrasingContent[] = []
  if (plainSpans(children)) {
    // Spans without marks (most blocks): their text, in leaves, with nothing to nest. Leaves of
    // adjacent spans merge, so the joined text gives the same leaves in one pass.
    let text = ''
    for (let index = 0; index < children.length; index++) {
      const value = (children[index] as {text?: unknown}).text
      if (typeof value === 'string') text += value
    }
    if (text !== '') appendLeaves(root, text, false)
    return {children: root, text}
  }
  const definitions = Array.isArray(markDefs) ? markDefs : []
  let resolved: Map<string, ResolvedMark> | undefined
  let text = ''

  // Marks of each span that wrap, and whether the span is code, in the scratch lists.
  let count = 0
  for (let index = 0; index < children.length; index++) {
    const child = children[index]
    if (!isRecord(child) || child._type !== 'span') {
      const type = isRecord(child) && typeof child._type === 'string' ? `"${child._type}"` : 'without a type'
      sink.report('unknown-inline-type', `Inline object ${type} in ${describeBlock(blockKey)} cannot be rendered; it was left out`, blockKey)
      continue
    }
    const spanText = textOf(child.text, blockKey, sink)
    // Most spans have no marks: they share one empty list, never written to.
    let marks = noMarks
    let code = false
    let linked = false
    const childMarks = child.marks
    if (Array.isArray(childMarks) && childMarks.length > 0) {
      for (let at = 0; at < childMarks.length; at++) {
        const mark: unknown = childMarks[at]
        if (typeof mark !== 'string') continue
        // Decorators resolve to constants with nothing to report: no map for them (most marked blocks have only these).
        let result = decorator(mark)
        if (result === undefined) {
          resolved ??= new Map()
          result = resolved.get(mark)
          if (result === undefined) {
            result = resolveMark(mark, definitions, blockKey, sink)
            resolved.set(mark, result)
          }
        }
        if (result === 'code') code = true
        else if (result !== null && !marks.includes(mark)) {
          // A link inside a link is neither HTML nor Markdown (and thousands nested overflow the stack): text keeps its first.
          if (result.kind === 'link') {
            if (linked) {
              sink.report('nested-link', `Link ("${mark}") in ${describeBlock(blockKey)} is on text that has a link already; that text keeps its first link only`, blockKey)
              continue
            }
            linked = true
          }
          if (marks === noMarks) marks = []
          marks.push(mark)
        }
      }
    }
    spanTexts[count] = spanText
    spanMarks[count] = marks
    spanCodes[count] = code
    count++
  }

  // The open marks, outermost first: the first `open` entries of the scratch stack.
  let open = 0
  for (let index = 0; index < count; index++) {
    const spanText = spanTexts[index]!
    if (spanText === '') continue
    text += spanText
    const marks = spanMarks[index]!
    if (marks.length === 0) {
      open = 0
      appendLeaves(root, spanText, spanCodes[index]!)
      continue
    }

    // Keep open the marks this span still has, outermost first; close the rest.
    const needed = sortByRun(marks, count, index)
    let depth = 0
    while (depth < open) {
      const at = needed.indexOf(stackMarks[depth]!)
      if (at === -1) break
      needed.splice(at, 1)
      depth++
    }
    open = depth
    let parent = depth === 0 ? root : stackChildren[depth - 1]!
    for (let at = 0; at < needed.length; at++) {
      const mark = needed[at]!
      const node = wrapper((decorator(mark) ?? resolved!.get(mark)) as WrappingMark)
      parent.push(node)
      stackMarks[open] = mark
      stackChildren[open] = node.children
      open++
      parent = node.children
    }
    appendLeaves(parent, spanText, spanCodes[index]!)
  }
  return {children: root, text}
}

// Scratch lists of one call of `spansToPhrasing` on a block with marks (it calls nothing that
// could call it again): each span's text, wrapping marks and whether it is code, and the stack of
// open marks with the children list of each. Reused, so a block allocates no entry per span.
const spanTexts: string[] = []
const spanMarks: string[][] = []
const spanCodes: boolean[] = []
const stackMarks: string[] = []
const stackChildren: PhrasingContent[][] = []

/** Whether every child is a span without marks. */
function plainSpans(children: readonly unknown[]): boolean {
  for (let index = 0; index < children.length; index++) {
    const child = children[index]
    if (!isRecord(child) || child._type !== 'span' || !(typeof child.text === 'string' || child.text == null)) return false
    const marks = child.marks
    if (marks !== undefined && marks !== null && !(Array.isArray(marks) && marks.length === 0)) return false
  }
  return true
}

/**
 * A span's text. One that is not a string is reported, never dropped unsaid: a number or a
 * boolean (a script's or an import's mistake, `{"text": 18}`) is shown as written, since
 * "Not before age  years" would garble a safety text; anything else is left out. No text
 * (absent or `null`) is no words.
 */
function textOf(text: unknown, blockKey: string | undefined, sink: MessageSink): string {
  if (typeof text === 'string') return text
  if (text == null) return ''
  const shown = typeof text === 'number' || typeof text === 'boolean' ? String(text) : ''
  sink.report('invalid-block', `A span in ${describeBlock(blockKey)} has text that is not a string (${describeValue(text)}); ${shown === '' ? 'it was left out' : `it is shown as "${shown}"`}`, blockKey)
  return shown
}

function describeBlock(blockKey: string | undefined): string {
  return blockKey === undefined ? 'a block' : `block "${blockKey}"`
}

/** Marks sorted by how many following spans keep them, longest first (stable). */
function sortByRun(marks: string[], spanCount: number, index: number): string[] {
  if (marks.length < 2) return marks.slice()
  const run = new Map<string, number>()
  for (const mark of marks) {
    let count = 0
    for (let next = index + 1; next < spanCount && spanMarks[next]!.includes(mark); next++) count++
    run.set(mark, count)
  }
  return [...marks].sort((a, b) => run.get(b)! - run.get(a)!)
}

const strong: WrappingMark = {kind: 'strong'}
const emphasis: WrappingMark = {kind: 'emphasis'}

/** What a decorator mark (`strong`, `em`, `code`) resolves to, as {@link resolveMark} would; `undefined` for other marks. */
function decorator(mark: string): ResolvedMark | undefined {
  return mark === 'strong' ? strong : mark === 'em' ? emphasis : mark === 'code' ? 'code' : undefined
}

function resolveMark(mark: string, definitions: readonly unknown[], blockKey: string | undefined, sink: MessageSink): ResolvedMark {
  const known = decorator(mark)
  if (known !== undefined) return known
  const where = describeBlock(blockKey)
  if (unsupportedDecorators.has(mark)) {
    sink.report('unsupported-mark', `Decorator "${mark}" in ${where} has no equivalent; its text is shown without it`, blockKey)
    return null
  }
  const definition = definitions.find((item) => isRecord(item) && item._key === mark)
  if (!isRecord(definition)) {
    sink.report('unknown-mark', `Mark "${mark}" in ${where} is neither a known decorator nor a mark definition; its text is shown without it`, blockKey)
    return null
  }
  if (definition._type !== 'link') {
    const type = typeof definition._type === 'string' ? `"${definition._type}"` : 'without a type'
    sink.report('unknown-annotation', `Annotation ${type} ("${mark}") in ${where} cannot be rendered; its text is shown without it`, blockKey)
    return null
  }
  const url = safeLinkUrl(definition.href)
  if (url === undefined) {
    const href = typeof definition.href === 'string' ? `"${definition.href}"` : 'no URL'
    sink.report(
      'unsafe-link',
      `Link ("${mark}") in ${where} has ${href}; only http:, https:, mailto: and tel: URLs are linked, so its text is shown without the link`,
      blockKey,
    )
    return null
  }
  return {kind: 'link', url}
}

function wrapper(mark: WrappingMark): Strong | Emphasis | Link {
  if (mark.kind === 'link') return {type: 'link', url: mark.url, children: []}
  return {type: mark.kind, children: []}
}

/** Append text, split at `\n` into line breaks, merging with a preceding leaf of the same kind. */
function appendLeaves(parent: PhrasingContent[], value: string, code: boolean): void {
  if (code) {
    const last = parent.at(-1)
    if (last?.type === 'inlineCode') last.value += value
    else parent.push({type: 'inlineCode', value})
    return
  }
  if (!value.includes('\n')) {
    const last = parent.at(-1)
    if (last?.type === 'text') last.value += value
    else parent.push({type: 'text', value})
    return
  }
  const lines = value.split('\n')
  for (let line = 0; line < lines.length; line++) {
    if (line > 0) parent.push({type: 'break'})
    const part = lines[line]!
    if (part === '') continue
    const last = parent.at(-1)
    if (last?.type === 'text') last.value += part
    else parent.push({type: 'text', value: part})
  }
}
