// The preview's browser script (bundled by `preview-script.ts`, served only in draft mode):
// Sanity's overlays (click a text to edit its field), navigation in step with the Presentation
// tool, and live updates. Inside the Studio a treatment page is written here from the Studio's
// documents, unsaved edits included, as the server writes it (`showStudioDocuments`); otherwise
// (outside the Studio, another page, or content the page model refuses) the page's <main> is
// fetched again and swapped when the lake says a draft changed (`refresh`).
import {enableVisualEditing} from '@sanity/visual-editing'
import type {DatasetDocument} from '@treatments/content/dataset'
import {previewConfigMetaName, type PreviewConfig} from '../lib/preview/preview-config.ts'
import {writeLivePage} from './live-page.ts'
import {listenToStudioDocuments} from './studio-documents.ts'
import {guardStudioMessages} from './studio-message-guard.ts'

/** Counts the page's updates (`data-preview-revision`), so a test can tell one happened without a navigation. */
function bumpRevision(): void {
  document.documentElement.dataset.previewRevision = String(Number(document.documentElement.dataset.previewRevision ?? '0') + 1)
}

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
      bumpRevision()
    } while (again)
  })().finally(() => {
    refreshing = undefined
  })
  return refreshing
}

/** Whether the page shows the Studio's documents (then the Studio's answers, not `refresh`, keep it current). */
let live = false
let pending: DatasetDocument[] | undefined
let writing = false

/** Writes the page from the Studio's latest documents; one at a time, the last answer always shown. */
async function showStudioDocuments(config: PreviewConfig, documents: DatasetDocument[]): Promise<void> {
  pending = documents
  if (writing) return
  writing = true
  try {
    while (pending !== undefined) {
      const next = pending
      pending = undefined
      try {
        const started = performance.now()
        const page = await writeLivePage(next, location.pathname, config)
        live = page !== undefined
        if (page === undefined) continue
        const main = document.querySelector('main')
        if (main === null) continue
        // Markup of the package's sanitizing page model and the site's escaping templates only.
        const fresh = document.createElement('template')
        fresh.innerHTML = page.main
        document.title = page.title
        document.documentElement.lang = page.lang
        // An answer that changes nothing (the first one, a heartbeat's) leaves the page's nodes
        // alone: an editor may be clicking one of them.
        if (fresh.innerHTML === main.innerHTML) continue
        main.replaceChildren(fresh.content)
        bumpRevision()
        // How long the frame's part takes (read, page model, swap): the bench reports it.
        performance.measure('treatments-preview:write', {start: started})
      } catch {
        // Content the page model refuses (a contraindication missing, say): never a partial
        // page; the server's page stays, kept current by `refresh`.
        live = false
        void refresh()
      }
    }
  } finally {
    writing = false
  }
}

/** `url` read against this page's address, when it is a page of this site. */
function sameOriginUrl(url: string): URL | undefined {
  try {
    const target = new URL(url, location.href)
    return target.origin === location.origin ? target : undefined
  } catch {
    return undefined
  }
}

function readConfig(): PreviewConfig | undefined {
  const content = document.querySelector(`meta[name="${previewConfigMetaName}"]`)?.getAttribute('content')
  try {
    return content ? (JSON.parse(content) as PreviewConfig) : undefined
  } catch {
    return undefined
  }
}

const config = readConfig()
// Before any comlink node starts: the Presentation messages of the Studio's windows and origins
// only (none without settings), or any page holding a handle on the frame could speak as the Studio.
guardStudioMessages(Array.isArray(config?.studioOrigins) ? config.studioOrigins : [])

enableVisualEditing({
  history: {
    subscribe(navigate) {
      // Tells the Studio which page the frame shows (after a link in the page was followed).
      navigate({type: 'push', url: `${location.pathname}${location.search}`, title: document.title})
      return () => {}
    },
    update(update) {
      // The Studio asked for another page of the site (its URL bar, a location link).
      if (update.type === 'pop') return history.back()
      // This site's pages only: a `javascript:` address would run in the page, and another site's
      // page would stand in the Studio's frame as the preview.
      const target = sameOriginUrl(update.url)
      if (target !== undefined && `${target.pathname}${target.search}` !== `${location.pathname}${location.search}`) location.assign(target.href)
    },
  },
  // A saved edit: the Studio's documents show it already when live.
  refresh: (payload) => (live && payload.source === 'mutation' ? false : refresh()),
})

if (config !== undefined) {
  listenToStudioDocuments(config, {
    documents: (documents) => void showStudioDocuments(config, documents),
    unsupported: () => {
      live = false
      void refresh()
    },
  })
}

// Live outside the Studio: the site tells this page when a document changed in the lake
// (server-side, with the token).
const events = new EventSource('/preview/events')
events.addEventListener('change', () => {
  if (!live) void refresh()
})
