import {LaunchIcon} from '@sanity/icons/Launch'
import {createPreviewSecret} from '@sanity/preview-url-secret/create-secret'
import {baseLocale} from '@treatments/content/locales'
import {useState} from 'react'
import {useClient, useCurrentUser, type DocumentActionComponent} from 'sanity'

import {shownTypes} from '../presentation.ts'
import {previewSiteOrigin} from '../preview-url.ts'
import {isLocal} from '../env.ts'

/** The first treatment page a document appears on (itself, for a treatment). */
const firstPageQuery = `*[_type == "treatment" && (_id == $id || references($id)) && defined(slug.current)] | order(slug.current asc)[0].slug.current`

/**
 * "Preview in a new window": the draft's page in a window of its own, in the base locale. The
 * Presentation tool's own "Open preview" opens the page without draft mode whenever the Studio and
 * the site are on different sites (the draft-mode cookie its frame got is partitioned under the
 * Studio's site), so this goes through the site's handshake in the new window itself: a fresh
 * preview secret (`createPreviewSecret`, as the Presentation tool writes for its frame), then
 * `/preview/enable`, which sets the cookie for that window's own site.
 */
export const PreviewWindowAction: DocumentActionComponent = (props) => {
  const client = useClient({apiVersion: '2025-02-19'})
  const user = useCurrentUser()
  const [opening, setOpening] = useState(false)
  const [blocked, setBlocked] = useState(false)
  const siteOrigin = typeof location === 'undefined' ? undefined : previewSiteOrigin(location.origin, process.env.SANITY_STUDIO_PREVIEW_URL?.trim(), isLocal)
  if (!shownTypes.has(props.type) || siteOrigin === undefined) return null
  return {
    label: 'Preview in a new window',
    icon: LaunchIcon,
    disabled: opening,
    dialog: blocked && {
      type: 'dialog',
      header: 'The browser blocked the new window',
      content: 'Allow pop-ups for the Studio in the browser, then choose "Preview in a new window" again.',
      onClose: () => setBlocked(false),
    },
    title: 'The page with this draft, in a window of its own (the first treatment page that shows it, in English).',
    onHandle: () => {
      // Opened now, while the click still allows a new window; its address follows the secret.
      const preview = window.open('about:blank', '_blank')
      if (!preview) return setBlocked(true)
      // The preview keeps no handle on the Studio, whatever headers the site sends.
      preview.opener = null
      setOpening(true)
      void (async () => {
        try {
          const id = props.id.replace(/^drafts\./, '')
          const slug = await client.fetch<string | null>(firstPageQuery, {id}, {perspective: 'drafts'})
          const path = slug ? `/${baseLocale}/treatments/${slug}` : `/${baseLocale}/treatments`
          const {secret} = await createPreviewSecret(client, 'treatments-preview-window', location.href, user?.id)
          const enable = new URL('/preview/enable', siteOrigin)
          enable.searchParams.set('sanity-preview-secret', secret)
          enable.searchParams.set('sanity-preview-pathname', path)
          preview.location.href = enable.href
        } catch (error) {
          // Said where the editor is looking: the new window (still the Studio's blank page).
          preview.document.body.textContent = `Could not open the preview: ${error instanceof Error ? error.message : String(error)}. Close this window and try again.`
        } finally {
          setOpening(false)
          props.onComplete()
        }
      })()
    },
  }
}
PreviewWindowAction.displayName = 'PreviewWindowAction'
