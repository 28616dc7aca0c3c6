import type {List, ListItem, Nodes, PhrasingContent, Root, RootContent} from 'mdast'

/**
 * Write the mdast trees {@link portableTextToMdast} makes as CommonMark: ATX headings, `>`
 * quotes, `-` bullets and `1.` numbers (one space after the marker, tight lists), `**strong**`,
 * `*emphasis*`, `` `code` ``, `[text](url)`, backslash line breaks, blocks separated by a blank
 * line and a final newline. Only those nodes: anything else, `html` included, is dropped.
 *
 * Text is escaped so that it reads back as the same text and never as markup or HTML: `\`,
 * `` ` ``, `*`, `_`, `[`, `]`, `<` always, `&` when it would start a character reference, and
 * what would start a block at the start of a line (`#`, `>`, `-`, `+`, `=`, `~`, `1.`).
 * Whitespace a parser would strip (at the start or end of a line) and characters that would
 * stop `*` from opening or closing are written as character references; whitespace at the
 * edges of strong or emphasis is moved outside it, where it looks the same.
 *
 * Why not `remark-stringify`: it checks some 40 "unsafe" patterns against every text node and
 * costs several times what `@portabletext/to-html` takes to render HTML. A property test parses
 * the output back with `mdast-util-from-markdown` and requires the same text and formatting.
 *
 * @internal
 */
export function mdastToMarkdown(tree: Root): string {
  const blocks = sequence(tree.children)
  return blocks.length === 0 ? '' : `${blocks.join('\n\n')}\n`
}

/** Blocks in order; of two lists of a kind in a row, the second uses the other marker (one list otherwise). */
function sequence(nodes: ReadonlyArray<RootContent | Nodes>): string[] {
  const blocks: string[] = []
  let previousList: {ordered: boolean; other: boolean} | undefined
  for (const node of nodes) {
    const other = node.type === 'list' && previousList !== undefined && previousList.ordered === (node.ordered ?? false) && !previousList.other
    const text = node.type === 'list' ? list(node, other) : block(node)
    if (text === undefined) continue
    previousList = node.type === 'list' ? {ordered: node.ordered ?? false, other} : undefined
    blocks.push(text)
  }
  return blocks
}

function block(node: RootContent | Nodes): string | undefined {
  switch (node.type) {
    case 'paragraph':
      return phrasing(node.children, false)
    case 'heading':
      return `${'#'.repeat(node.depth)} ${phrasing(node.children, true)}`
    case 'blockquote':
      return prefixLines(sequence(node.children).join('\n\n'), '> ', '>')
    default:
      return undefined
  }
}

function list(node: List, other = false): string {
  return node.children
    .map((item, index) => listItem(item, node.ordered ? `${(node.start ?? 1) + index}${other ? ')' : '.'} ` : other ? '* ' : '- '))
    .join('\n')
}

function listItem(item: ListItem, marker: string): string {
  const parts = sequence(item.children)
  // An empty item cannot follow a paragraph line (it would underline it as a heading).
  const content = parts.length === 0 || parts[0] === '' ? [reference(' '), ...parts.slice(1)] : parts
  const indent = ' '.repeat(marker.length)
  return marker + prefixLines(content.join('\n'), indent, '').slice(indent.length)
}

function prefixLines(text: string, prefix: string, blankPrefix: string): string {
  return text
    .split('\n')
    .map((line) => (line === '' ? blankPrefix : prefix + line))
    .join('\n')
}

/**
 * Whitespace and punctuation for delimiter runs: CommonMark's definitions (Unicode `Zs`, `P`,
 * `S`), widened where parsers differ (micromark tests `\s`, and one UTF-16 unit at a time, so
 * it reads an emoji as a letter): a character either could read as a letter counts as one.
 */
const whitespace = /[\s\p{Zs}]/u
const punctuation = /[\p{P}\p{S}]/u

/** One piece of inline output: literal markup, a strong/emphasis delimiter run, text still to be escaped, or a line break. */
type Piece = {kind: 'markup'; value: string} | {kind: 'run'; value: string; open: boolean} | {kind: 'text'; value: string} | {kind: 'break'}

function phrasing(nodes: readonly PhrasingContent[], inHeading: boolean): string {
  const pieces: Piece[] = []
  collect(nodes, pieces, inHeading)
  const lines: Piece[][] = [[]]
  for (const piece of pieces) {
    if (piece.kind === 'break') lines.push([])
    else lines.at(-1)!.push(piece)
  }
  // A break at the end of a block shows nothing, and a backslash there would be text.
  while (lines.length > 1 && lines.at(-1)!.every((piece) => piece.kind === 'text' && piece.value === '')) lines.pop()
  return lines.map((line) => writeLine(line, inHeading)).join('\\\n')
}

function collect(nodes: readonly PhrasingContent[], pieces: Piece[], inHeading: boolean): void {
  for (const node of nodes) {
    switch (node.type) {
      case 'text':
        pieces.push({kind: 'text', value: node.value})
        break
      case 'break':
        // ATX headings are one line: a break there is a space.
        pieces.push(inHeading ? {kind: 'text', value: ' '} : {kind: 'break'})
        break
      case 'inlineCode':
        if (node.value !== '') pieces.push({kind: 'markup', value: inlineCode(node.value)})
        break
      case 'link':
        pieces.push({kind: 'markup', value: '['})
        collect(node.children, pieces, inHeading)
        pieces.push({kind: 'markup', value: `](${destination(node.url)})`})
        break
      case 'strong':
      case 'emphasis': {
        const inner: Piece[] = []
        collect(node.children, inner, inHeading)
        attention(inner, node.type === 'strong' ? 2 : 1, pieces)
        break
      }
      default:
        break
    }
  }
}

/**
 * Wrap pieces in a delimiter run, with whitespace at either edge moved outside (a run with
 * whitespace on its inner side neither opens nor closes). Right after another run's closer the
 * other character is used, so that the two runs do not merge into one.
 */
function attention(inner: Piece[], size: 1 | 2, pieces: Piece[]): void {
  const leading = takeEdgeWhitespace(inner, 'start')
  const trailing = takeEdgeWhitespace(inner, 'end')
  pieces.push(...leading)
  if (inner.some((piece) => piece.kind !== 'text' || piece.value !== '')) {
    const previous = pieces.at(-1)
    const character = previous?.kind === 'run' && previous.value.startsWith('*') ? '_' : '*'
    const marker = character.repeat(size)
    pieces.push({kind: 'run', value: marker, open: true}, ...inner, {kind: 'run', value: marker, open: false})
  }
  pieces.push(...trailing)
}

/** Take whitespace and line breaks off one edge of `pieces`, in order. */
function takeEdgeWhitespace(pieces: Piece[], edge: 'start' | 'end'): Piece[] {
  const taken: Piece[] = []
  while (pieces.length > 0) {
    const index = edge === 'start' ? 0 : pieces.length - 1
    const piece = pieces[index]!
    if (piece.kind === 'break') {
      pieces.splice(index, 1)
      if (edge === 'start') taken.push(piece)
      else taken.unshift(piece)
      continue
    }
    if (piece.kind !== 'text') break
    const match = edge === 'start' ? /^[\s\p{Zs}]+/u.exec(piece.value) : /[\s\p{Zs}]+$/u.exec(piece.value)
    if (!match) {
      if (piece.value !== '') break
      pieces.splice(index, 1)
      continue
    }
    const text: Piece = {kind: 'text', value: match[0]}
    if (edge === 'start') taken.push(text)
    else taken.unshift(text)
    piece.value = edge === 'start' ? piece.value.slice(match[0].length) : piece.value.slice(0, -match[0].length)
    if (piece.value !== '') break
    pieces.splice(index, 1)
  }
  return taken
}

/**
 * Write one line: text escaped, block syntax at its start escaped, whitespace a parser would
 * strip at its edges encoded, and an alphanumeric character outside a delimiter run that would
 * keep it from opening or closing encoded as a character reference (which ends in `;`,
 * punctuation).
 */
function writeLine(pieces: Piece[], inHeading: boolean): string {
  // Merge neighbouring text so that escaping sees whole runs of it.
  const parts: Piece[] = []
  for (const piece of pieces) {
    const last = parts.at(-1)
    if (piece.kind === 'text' && last?.kind === 'text') last.value += piece.value
    else if (piece.kind !== 'text' || piece.value !== '') parts.push({...piece})
  }
  let out = ''
  let encodeNext = false
  /** Where each opener run ends in `out`: an opener whose next character changes is checked again. */
  const openerEnds: number[] = []
  for (let index = 0; index < parts.length; index++) {
    const part = parts[index]!
    if (part.kind === 'run') {
      if (part.open) out = fixBeforeOpener(out, part.value, firstCharAfter(parts, index), openerEnds)
      else encodeNext ||= needsEncodedAfter(out, part.value, firstCharAfter(parts, index))
      out += part.value
      if (part.open) openerEnds.push(out.length)
      continue
    }
    if (part.kind === 'break') continue
    if (part.kind !== 'text') {
      // `![` would start an image.
      if (part.value === '[' && out.endsWith('!')) out = `${out.slice(0, -1)}\\!`
      out += part.value
      encodeNext = false
      continue
    }
    let value = part.value
    let head = ''
    if (encodeNext) {
      head = reference(firstChar(value))
      value = value.slice(firstChar(value).length)
      encodeNext = false
    }
    value = escapeText(value, inHeading)
    if (out === '' && head === '') value = escapeLineStart(value)
    out += head + value
  }
  return encodeEdges(out)
}

function isAlphanumeric(character: string): boolean {
  return character !== '' && !whitespace.test(character) && !(character.length === 1 && punctuation.test(character))
}

/**
 * Before an opener: encode the character before it when it would keep the run from opening.
 * The reference starts with `&`, punctuation: when an opener stands right before that
 * character, it is now followed by punctuation and gets the same check (`a**a*!***` →
 * `&#x61;**&#x61;*!***`, where `a**&#x61;…` would leave `**` unable to open).
 */
function fixBeforeOpener(out: string, run: string, next: string, openerEnds: number[]): string {
  const before = lastChar(out)
  if (!isAlphanumeric(before)) return out
  // `_` never opens inside a word; `*` does unless punctuation follows it.
  if (!run.startsWith('_') && !punctuation.test(next)) return out
  let head = out.slice(0, -before.length)
  if (openerEnds.at(-1) === head.length) {
    openerEnds.pop()
    const previous = /[*_]+$/.exec(head)![0]
    head = fixBeforeOpener(head.slice(0, -previous.length), previous, '&', openerEnds) + previous
    openerEnds.push(head.length)
  }
  return head + reference(before)
}

/** After a closer: whether the character after it must be encoded for the run to close. */
function needsEncodedAfter(out: string, run: string, next: string): boolean {
  if (!isAlphanumeric(next)) return false
  if (run.startsWith('_')) return true
  return punctuation.test(lastChar(out.replace(/[*_]+$/, '')))
}

function firstCharAfter(parts: readonly Piece[], index: number): string {
  for (let next = index + 1; next < parts.length; next++) {
    const part = parts[next]!
    if (part.kind === 'run') continue
    return part.kind === 'text' ? firstChar(part.value) : part.kind === 'markup' ? part.value[0]! : ''
  }
  return ''
}

function firstChar(value: string): string {
  const code = value.codePointAt(0)
  return code === undefined ? '' : String.fromCodePoint(code)
}

function lastChar(value: string): string {
  if (value === '') return ''
  const low = value.charCodeAt(value.length - 1)
  return low >= 0xdc00 && low <= 0xdfff && value.length > 1 ? value.slice(-2) : value.slice(-1)
}

const alwaysEscaped = /[\\`*_[\]<]/g
const characterReference = /&(?=#[0-9]{1,7};|#[xX][0-9a-fA-F]{1,6};|[A-Za-z][A-Za-z0-9]{0,31};)/g

function escapeText(value: string, inHeading: boolean): string {
  let escaped = value.replace(alwaysEscaped, '\\$&').replace(characterReference, '\\&')
  if (inHeading) escaped = escaped.replace(/#/g, '\\#')
  return escaped.replace(/\r/g, reference('\r'))
}

/** What would start a block at the start of a line. */
function escapeLineStart(value: string): string {
  return value.replace(/^([#>+\-=~])/, '\\$1').replace(/^(\d{1,9})([.)])/, '$1\\$2')
}

/** Spaces and tabs at the start or end of a line would be stripped: write them as references. */
function encodeEdges(line: string): string {
  const start = /^[ \t]+/.exec(line)?.[0] ?? ''
  if (start.length === line.length) return [...line].map(reference).join('')
  const end = /[ \t]+$/.exec(line)?.[0] ?? ''
  return [...start].map(reference).join('') + line.slice(start.length, line.length - end.length) + [...end].map(reference).join('')
}

function reference(character: string): string {
  return `&#x${character.codePointAt(0)!.toString(16).toUpperCase()};`
}

function inlineCode(value: string): string {
  let text = value.replace(/\r?\n|\r/g, ' ')
  let fence = '`'
  while (text.includes(fence)) fence += '`'
  if (/[^ ]/.test(text) && ((text.startsWith(' ') && text.endsWith(' ')) || text.startsWith('`') || text.endsWith('`'))) text = ` ${text} `
  return fence + text + fence
}

/** A link destination: bare when it can be, else in `<…>`; `\` and would-be references escaped. */
function destination(url: string): string {
  const escaped = url.replace(/\\/g, '\\\\').replace(characterReference, '\\&')
  if (!/[\s()<>\u0000-\u001F\u007F]/.test(escaped)) return escaped
  return `<${escaped.replace(/[<>]/g, '\\$&').replace(/[\r\n]/g, (character) => reference(character))}>`
}
