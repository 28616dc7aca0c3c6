import {localeIds} from '@treatments/content/locales'
import type {TreatmentContent} from '@treatments/content'

/** The content source did not answer (it failed, or only the cache's last good answer came back). */
export class ContentUnavailableError extends Error {
  readonly code = 'CONTENT_UNAVAILABLE'

  constructor(message: string, options?: {cause?: unknown}) {
    super(message, options)
    this.name = 'ContentUnavailableError'
  }
}

/**
 * Reads everything the pages and the sitemap read, in every locale, from the source itself.
 * The revalidation route calls it before it lets any page go: when the source cannot answer,
 * the pages already made (with their safety texts) stay instead of becoming error pages.
 */
export async function readEverything(content: TreatmentContent): Promise<void> {
  const stale = (answer: {stale: boolean}, what: string) => {
    if (answer.stale) throw new ContentUnavailableError(`the content source did not answer ${what}`)
  }
  try {
    for (const locale of localeIds) {
      const list = await content.listTreatments({locale})
      stale(list, `the ${locale} list`)
      stale(await content.getAllTreatments({locale}), `the ${locale} pages`)
      for (const treatment of list.treatments) stale(await content.getTreatment(treatment.slug, {locale}), `${locale}/${treatment.slug}`)
    }
  } catch (error) {
    if (error instanceof ContentUnavailableError) throw error
    throw new ContentUnavailableError(`the content source failed: ${(error as Error).message}`, {cause: error})
  }
}
