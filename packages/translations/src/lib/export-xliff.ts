import type {SanityClient} from '@sanity/client'

import {createXliffExport, type XliffExport, type XliffExportOptions} from './create-xliff-export.ts'
import {fetchPublishedDocuments} from './fetch-published-documents.ts'
import {findPreviousSources} from './previous-sources.ts'

/**
 * Reads the published documents through `client` (Sanity or the local lake), finds the old
 * sources of stale fields ({@link findPreviousSources}: the copy in the translation state, else
 * the history), and builds their XLIFF 2.0 export for one locale; see {@link createXliffExport}.
 *
 * @throws {TypeError} For an unknown locale or state.
 */
export async function exportXliff(client: SanityClient, options: XliffExportOptions): Promise<XliffExport> {
  const documents = await fetchPublishedDocuments(client)
  const wantsStale = options.only === undefined || options.only.includes('stale')
  const previousSources = options.previousSources ?? (wantsStale ? await findPreviousSources(client, documents, options.locale) : undefined)
  return createXliffExport(documents, {...options, ...(previousSources === undefined ? {} : {previousSources})})
}
