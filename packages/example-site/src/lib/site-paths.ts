/** Where the site's draft-mode pages live: the draft-mode cookie is sent for this path only. */
export const previewPathPrefix = '/preview'

/** The public path of a locale's treatment list. */
export const indexPath = (locale: string): string => `/${locale}/treatments`

/** The public path of a treatment page in a locale. */
export const treatmentPath = (locale: string, slug: string): string => `/${locale}/treatments/${slug}`
