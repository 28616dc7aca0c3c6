/**
 * Why a piece of Portable Text could not be rendered as written.
 *
 * - `invalid-block`: an array entry that is not an object with a `_type`, a `block` whose
 *   `children` is not an array, or a span whose `text` is not a string (a number or boolean is
 *   shown as written, anything else left out).
 * - `unknown-block-type`: a block `_type` other than `block` (an image, a custom object).
 * - `unknown-style`: a block `style` other than `normal`, `h2`, `h3`, `h4`, `blockquote`.
 * - `unknown-list-item`: a `listItem` other than `bullet` or `number` (rendered as a bullet).
 * - `unknown-inline-type`: a child of a block that is not a `span` (an inline object).
 * - `unknown-mark`: a mark that is neither a known decorator nor the `_key` of a mark definition.
 * - `unknown-annotation`: a mark definition whose `_type` is not `link`.
 * - `unsupported-mark`: a Portable Text decorator with no Markdown equivalent (`underline`,
 *   `strike-through`).
 * - `unsafe-link`: a link whose `href` is missing or not an absolute `http:`, `https:`,
 *   `mailto:` or `tel:` URL.
 * - `nested-link`: a second link on the same text (links do not nest); the text keeps its first.
 *
 * In every case the text is kept (where there is text) and the markup is left out.
 *
 * @public
 */
export type RenderRuleId =
  | 'invalid-block'
  | 'unknown-block-type'
  | 'unknown-style'
  | 'unknown-list-item'
  | 'unknown-inline-type'
  | 'unknown-mark'
  | 'unknown-annotation'
  | 'unsupported-mark'
  | 'unsafe-link'
  | 'nested-link'

/**
 * A content problem found while rendering. Rendering never throws for content: problems are
 * returned as data so a page still renders and an editor can be told what to fix. Field names
 * follow unified's `VFileMessage` (`ruleId`, `reason`, `source`).
 *
 * @public
 */
export interface RenderMessage {
  /** What kind of problem it is. */
  ruleId: RenderRuleId
  /** A sentence for an editor, naming the block and the offending value. */
  reason: string
  /** The `_key` of the top-level block the problem is in, when it has one. */
  blockKey?: string
  /** Always `@treatments/content`. */
  source: '@treatments/content'
}

/**
 * Collects render messages, once per distinct problem.
 *
 * @internal
 */
export interface MessageSink {
  report(ruleId: RenderRuleId, reason: string, blockKey: string | undefined): void
  readonly messages: RenderMessage[]
}

/**
 * A new, empty message collector. The same problem reported twice for the same block (say, ten
 * underlined spans) gives one message.
 *
 * @internal
 */
export function createMessageSink(): MessageSink {
  const messages: RenderMessage[] = []
  const seen = new Set<string>()
  return {
    messages,
    report(ruleId, reason, blockKey) {
      const id = `${ruleId}\u0000${blockKey ?? ''}\u0000${reason}`
      if (seen.has(id)) return
      seen.add(id)
      messages.push(
        blockKey === undefined
          ? {ruleId, reason, source: '@treatments/content'}
          : {ruleId, reason, blockKey, source: '@treatments/content'},
      )
    },
  }
}
