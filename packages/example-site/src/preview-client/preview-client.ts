// The preview's browser script (bundled by `overlay-script.ts`, served only in draft mode):
// Sanity's overlays (click a text to edit its field), navigation in step with the Presentation
// tool, and live updates: the page's <main> is fetched again and swapped when a draft changes.
import {enableVisualEditing} from '@sanity/visual-editing'

let refreshing: Promise<void> | undefined
let again = false

/** Fetches this page again (drafts, no-store) and swaps its <main> and title; one at a time, the last change always shown. */
function refresh(): Promise<void> {
  if (refreshing) {
    again = true
    return refreshing
  }
  refreshing = (async () => {
    do {
      again = false
      const response = await fetch(location.pathname, {credentials: 'same-origin', cache: 'no-store'})
      if (!response.ok) return
      const next = new DOMParser().parseFromString(await response.text(), 'text/html')
      const main = document.querySelector('main')
      const fresh = next.querySelector('main')
      // The children copied first: adopting one removes it from the live list being read.
      if (main && fresh) main.replaceChildren(...Array.from(document.adoptNode(fresh).childNodes))
      document.title = next.title
      document.documentElement.dataset.previewRevision = String(Number(document.documentElement.dataset.previewRevision ?? '0') + 1)
    } while (again)
  })().finally(() => {
    refreshing = undefined
  })
  return refreshing
}

enableVisualEditing({
  history: {
    subscribe(navigate) {
      // Tells the Studio which page the frame shows (after a link in the page was followed).
      navigate({type: 'push', url: `${location.pathname}${location.search}`, title: document.title})
      return () => {}
    },
    update(update) {
      // The Studio asked for another page of the site (its URL bar, a location link).
      if (update.type === 'pop') history.back()
      else if (update.url !== `${location.pathname}${location.search}`) location.assign(update.url)
    },
  },
  refresh: () => refresh(),
})

// Live: the site tells this page when a document changed in the lake (server-side, with the token).
const events = new EventSource('/preview/events')
events.addEventListener('change', () => void refresh())
