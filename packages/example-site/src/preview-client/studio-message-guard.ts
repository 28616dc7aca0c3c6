/**
 * The domains of the Presentation tool's messages: `@sanity/comlink`'s, and the older channels'
 * that `@sanity/presentation-comlink` still speaks (and converts in place, after this guard).
 */
const presentationDomains: ReadonlySet<unknown> = new Set(['sanity/comlink', 'sanity/channels'])

/** The windows a preview page lives in: its frame's parent, and the window that opened it. */
export type PreviewWindow = Pick<Window, 'parent' | 'opener'>

/** What {@link isFromStudio} reads of a `message` event. */
export type StudioMessageEvent = Pick<MessageEvent, 'data' | 'origin' | 'source'>

/**
 * Whether a message may reach the page's Presentation nodes: anything that is not one passes
 * (other scripts' business); one is accepted only from a Studio origin AND from the window the
 * Presentation tool speaks through: the frame's parent (its iframe) or the opener (its "open in
 * a new window" popup), as `sanity/presentation` connects (`controller.addTarget`).
 */
export function isFromStudio(event: StudioMessageEvent, studioOrigins: readonly string[], here: PreviewWindow): boolean {
  const data: unknown = event.data
  if (typeof data !== 'object' || data === null || !presentationDomains.has((data as {domain?: unknown}).domain)) return true
  // A top-level page is its own parent: a message it posts to itself is no Studio's.
  const parent = here.parent !== here ? here.parent : null
  const source = event.source
  if (source === null || (source !== parent && source !== here.opener)) return false
  return studioOrigins.includes(event.origin)
}

/**
 * Drops every Presentation message (`@sanity/comlink` handshakes, loader answers, overlay
 * commands) that does not come from the Studio, before any comlink node sees it. The installed
 * nodes (`createNode` in `@sanity/comlink` 4, used by this page's loader channel and by
 * `enableVisualEditing`) bind to whichever window sends the first handshake, from any origin, and
 * offer no origin option: without this a page that opened the Studio could write its own
 * "documents" into the preview frame (`w.frames[0].postMessage`), a contraindication changed or
 * gone. A capture listener on `window` runs before the nodes' own (bubble) listeners, so it must
 * be registered before any node starts. Returns a function that removes it.
 */
export function guardStudioMessages(studioOrigins: readonly string[], here: Window = window): () => void {
  const guard = (event: MessageEvent) => {
    if (!isFromStudio(event, studioOrigins, here)) event.stopImmediatePropagation()
  }
  here.addEventListener('message', guard, {capture: true})
  return () => here.removeEventListener('message', guard, {capture: true})
}
