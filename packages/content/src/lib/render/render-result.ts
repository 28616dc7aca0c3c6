import type {RenderMessage} from './render-message.ts'

/**
 * Rendered output with the content problems found while rendering it.
 *
 * @public
 */
export interface RenderResult {
  /** The rendered HTML, Markdown or plain text; `''` for an empty document. */
  value: string
  /** Content problems, in document order; empty when the document rendered as written. */
  messages: RenderMessage[]
}
