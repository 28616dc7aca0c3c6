import type {CheckedPreview} from './preview-options.ts'

/** The `<meta name>` that carries {@link PreviewConfig} to the preview's script. */
export const previewConfigMetaName = 'treatments-preview'

/**
 * What the preview's script needs besides the page: which project and dataset to ask the
 * Studio about (the Presentation tool answers only its own), the site's origin and the
 * Studio's URL and the site's name (to write the page as the server does), and the Studio's
 * origins (the only senders of Presentation messages it accepts). No token: it never reaches the browser.
 */
export interface PreviewConfig {
  projectId: string
  dataset: string
  origin: string
  studioUrl: string
  studioOrigins: readonly string[]
  siteName: string
}

/** The preview script's settings of a site. */
export function previewConfig(preview: CheckedPreview, origin: string, siteName: string): PreviewConfig {
  const {projectId = '', dataset = ''} = preview.client.config()
  return {projectId, dataset, origin, studioUrl: preview.studioUrl, studioOrigins: preview.studioOrigins, siteName}
}
