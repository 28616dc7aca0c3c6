import fc from 'fast-check'
import type {Root} from 'hast'
import rehypeSanitize from 'rehype-sanitize'
import rehypeStringify from 'rehype-stringify'
import {unified} from 'unified'
import {describe, expect, it} from 'vitest'
import {pageSanitizeSchema} from '../page/page-sanitize-schema.ts'
import {recordingWriter} from '../../test-support/recording-writer.ts'
import {compileSafeHtmlWriter, type SafeHtmlWriter} from './compile-safe-html.ts'
import {propertyRuns} from '../../test-support/property-runs.ts'

const processor = unified().use(rehypeSanitize, pageSanitizeSchema).use(rehypeStringify).freeze()
const viaRehype = (tree: Root) => processor.stringify(processor.runSync(structuredClone(tree)))

// Lists and their items (the `ancestors` rule), stripped, void, unknown and plain elements.
const tags = ['ol', 'ul', 'li', 'li', 'li', 'p', 'div', 'script', 'style', 'br', 'img', 'x', 'a', 'section', 'h2']

type Op =
  | {t: 'open'; tag: string}
  | {t: 'close'}
  | {t: 'text'; v: string}
  | {t: 'fragment'; index: number}
  | {t: 'markInsert'; before: Op[]; inserted: Op[]}

/** Balanced calls (every element opened is closed), which may call fragments below `max`. */
const balanced = (max: number): fc.Arbitrary<Op[]> =>
  fc.letrec<{list: Op[]; item: Op[]}>((tie) => ({
    item: fc.oneof(
      {depthSize: 'small', maxDepth: 4},
      fc.constantFrom('a', '<b>', '&').map((v): Op[] => [{t: 'text', v}]),
      fc.tuple(fc.constantFrom(...tags), tie('list')).map(([tag, inner]): Op[] => [{t: 'open', tag}, ...inner, {t: 'close'}]),
      ...(max > 0 ? [fc.integer({min: 0, max: max - 1}).map((index): Op[] => [{t: 'fragment', index}])] : []),
      fc.tuple(tie('list'), tie('list')).map(([before, inserted]): Op[] => [{t: 'markInsert', before, inserted}]),
    ),
    list: fc.array(tie('item'), {maxLength: 4}).map((items) => items.flat()),
  })).list

/** A fragment that may also close elements opened before it and leave elements open. */
const unbalanced = (max: number) =>
  fc
    .tuple(
      balanced(max),
      fc.array(fc.oneof(fc.constant<Op>({t: 'close'}), fc.constantFrom(...tags).map((tag): Op => ({t: 'open', tag}))), {maxLength: 3}),
      balanced(max),
    )
    .map(([first, middle, last]) => [...first, ...middle, ...last])

/** The lowest depth a run of calls reaches, and the depth it ends at, relative to its start. */
function shape(ops: Op[], fragments: Op[][]): {low: number; net: number} {
  let depth = 0
  let low = 0
  for (const op of ops) {
    if (op.t === 'open') depth++
    else if (op.t === 'close') low = Math.min(low, --depth)
    else if (op.t === 'fragment') {
      const inner = shape(fragments[op.index]!, fragments)
      low = Math.min(low, depth + inner.low)
      depth += inner.net
    } else if (op.t === 'markInsert') {
      low = Math.min(low, depth + shape(op.before, fragments).low, depth + shape(op.inserted, fragments).low)
    }
  }
  return {low, net: depth}
}

function run(out: SafeHtmlWriter, ops: Op[], fragments: Op[][], keys: object[]): void {
  for (const op of ops) {
    if (op.t === 'open') out.open(op.tag)
    else if (op.t === 'close') out.close()
    else if (op.t === 'text') out.text(op.v)
    else if (op.t === 'fragment') out.fragment(keys[op.index]!, () => run(out, fragments[op.index]!, fragments, keys))
    else {
      const mark = out.mark()
      run(out, op.before, fragments, keys)
      out.insertAt(mark, () => run(out, op.inserted, fragments, keys))
    }
  }
}

describe('compileSafeHtmlWriter fragments', () => {
  it('write, kept or repeated, what rehype-sanitize + rehype-stringify give for the same calls, wherever they are called', () => {
    // Fragment i may call fragments below i; the last two may be unbalanced.
    const programArb = fc.tuple(
      balanced(0),
      balanced(1),
      balanced(2),
      unbalanced(3),
      unbalanced(3),
      // Where the fragments are called: elements open around them, which ones, and inside a mark or not.
      fc.array(fc.tuple(fc.array(fc.constantFrom(...tags), {maxLength: 4}), fc.array(fc.integer({min: 0, max: 4}), {minLength: 1, maxLength: 4}), fc.boolean()), {minLength: 2, maxLength: 6}),
    )
    fc.assert(
      fc.property(programArb, ([a, b, c, d, e, places]) => {
        const fragments = [a, b, c, d, e]
        const keys = fragments.map(() => Object.freeze({}))
        const out = recordingWriter(compileSafeHtmlWriter(pageSanitizeSchema)())
        for (const [around, calls, marked] of places) {
          // Enough elements open for fragments that close ones opened before them.
          for (let index = 0; index < 4; index++) out.open('div')
          for (const tag of around) out.open(tag)
          let depth = 4 + around.length
          const mark = marked ? out.mark() : -1
          for (const index of calls) {
            const {low, net} = shape(fragments[index]!, fragments)
            if (depth + low < 0) continue
            // `insertAt` needs the depth it was marked at.
            if (marked && (low < 0 || net !== 0)) continue
            out.fragment(keys[index]!, () => run(out, fragments[index]!, fragments, keys))
            depth += net
          }
          if (marked) out.insertAt(mark, () => out.text('@'))
          for (; depth > 0; depth--) out.close()
          out.take()
        }
        out.trees.forEach((tree, index) => expect(out.written[index]).toBe(viaRehype(tree)))
      }),
      {numRuns: propertyRuns(400)},
    )
  })
})
