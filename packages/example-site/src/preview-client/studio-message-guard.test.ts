import {describe, expect, it} from 'vitest'
import {isFromStudio, type PreviewWindow} from './studio-message-guard.ts'

// The wiring (a capture listener ahead of the comlink nodes) runs in Chromium:
// tests/preview/preview-messages.test.ts.
const studio = 'https://studio.example'
const origins = [studio, 'http://localhost:3333']
const studioWindow = {name: 'studio'} as unknown as Window
const other = {name: 'other'} as unknown as Window
const syn = {domain: 'sanity/comlink', type: 'comlink/handshake/syn', from: 'presentation', to: 'loaders'}
const framed = (): PreviewWindow => ({parent: studioWindow, opener: null})
/** A top-level window: its own parent. */
const topLevel = (opener: Window | null): PreviewWindow => {
  const here: {parent?: unknown; opener: Window | null} = {opener}
  here.parent = here
  return here as PreviewWindow
}

describe('isFromStudio', () => {
  it("accepts Presentation messages from a Studio origin through the frame's parent or the opener", () => {
    expect(isFromStudio({data: syn, origin: studio, source: studioWindow}, origins, framed())).toBe(true)
    expect(isFromStudio({data: syn, origin: 'http://localhost:3333', source: studioWindow}, origins, framed())).toBe(true)
    expect(isFromStudio({data: {...syn, domain: 'sanity/channels', type: 'handshake/syn'}, origin: studio, source: studioWindow}, origins, topLevel(studioWindow))).toBe(true)
  })

  it('refuses them from another origin, another window, no window, or the page itself', () => {
    expect(isFromStudio({data: syn, origin: 'https://evil.example', source: studioWindow}, origins, framed())).toBe(false)
    expect(isFromStudio({data: syn, origin: 'null', source: studioWindow}, origins, framed())).toBe(false)
    expect(isFromStudio({data: syn, origin: studio, source: other}, origins, framed())).toBe(false)
    expect(isFromStudio({data: syn, origin: studio, source: null}, origins, {parent: studioWindow, opener: null})).toBe(false)
    expect(isFromStudio({data: {...syn, domain: 'sanity/channels'}, origin: 'https://evil.example', source: studioWindow}, origins, framed())).toBe(false)
    // A top-level page (its own parent) posting to itself.
    const top = topLevel(null)
    expect(isFromStudio({data: syn, origin: studio, source: top as Window}, origins, top)).toBe(false)
    // No Studio origin configured: nothing is accepted.
    expect(isFromStudio({data: syn, origin: studio, source: studioWindow}, [], framed())).toBe(false)
  })

  it("lets other messages through untouched (they are not the Presentation nodes' business)", () => {
    for (const data of ['text', null, 42, {domain: 'other'}, {type: 'comlink/handshake/syn'}]) {
      expect(isFromStudio({data, origin: 'https://evil.example', source: other}, origins, framed())).toBe(true)
    }
  })
})
