import {safeLinkUrl} from '@treatments/content/render'

/**
 * Link protocols an editor may use, for the Studio's `url` input; everything else
 * (`javascript:`, `data:`) is refused. The same list `safeLinkUrl()` renders.
 */
export const allowedLinkProtocols = ['http', 'https', 'mailto', 'tel'] as const

/**
 * Whether `href` is a link the site will render: one rule, `safeLinkUrl()` of the package's
 * renderer, for the Studio, content:check and every page.
 */
export function isAllowedLink(href: unknown): boolean {
  return safeLinkUrl(href) !== undefined
}

/** Whether `href` is an absolute http(s) URL: what a source citation may link to. */
export function isWebLink(href: unknown): boolean {
  return isAllowedLink(href) && /^https?:/i.test(String(href).trim())
}
