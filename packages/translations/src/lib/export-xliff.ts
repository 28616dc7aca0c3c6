import type {SanityClient} from '@sanity/client'

import {createXliffExport, type XliffExport, type XliffExportOptions} from './create-xliff-export.ts'
import {fetchPublishedDocuments} from './fetch-published-documents.ts'

/**
 * Reads the published documents through `client` (Sanity or the local lake) and builds their
 * XLIFF 2.0 export for one locale; see {@link createXliffExport}.
 *
 * @throws {TypeError} For an unknown locale or state.
 */
export async function exportXliff(client: SanityClient, options: XliffExportOptions): Promise<XliffExport> {
  return createXliffExport(await fetchPublishedDocuments(client), options)
}
