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
