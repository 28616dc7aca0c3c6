/** Link protocols an editor may use; everything else (javascript:, data:) is refused. */
export const allowedLinkProtocols = ['http', 'https', 'mailto', 'tel'] as const

/** Whether `href` is an absolute URL with an allowed protocol. */
export function isAllowedLink(href: unknown): boolean {
  if (typeof href !== 'string') return false
  try {
    const protocol = new URL(href).protocol.replace(/:$/, '')
    return (allowedLinkProtocols as readonly string[]).includes(protocol)
  } catch {
    return false
  }
}

/** Whether `href` is an absolute http(s) URL: what a source citation may link to. */
export function isWebLink(href: unknown): boolean {
  if (typeof href !== 'string') return false
  try {
    return ['http:', 'https:'].includes(new URL(href).protocol)
  } catch {
    return false
  }
}
