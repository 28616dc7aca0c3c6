import {findPreviousSources, type PreviousSources, type TranslatableDocument} from '@treatments/translations'
import {useEffect, useState} from 'react'
import {getPublishedId, useClient} from 'sanity'

/**
 * The English each stale field of `document` was translated from, per locale, found as
 * `pnpm translations status --diff` finds it (the copy in the translation state, else the lake's
 * History API at `translatedAt`). `undefined` until known; refreshed when the document changes.
 */
export function usePreviousSources(document: TranslatableDocument | undefined, locales: readonly string[]): ReadonlyMap<string, PreviousSources> | undefined {
  const client = useClient({apiVersion: '2025-02-19'})
  const [result, setResult] = useState<{document: TranslatableDocument; sources: Map<string, PreviousSources>}>()
  useEffect(() => {
    if (document === undefined) return undefined
    let current = true
    // The history is kept under the published id; a draft's English is compared with it by hash.
    const asPublished = {...document, _id: getPublishedId(document._id)}
    void Promise.all(locales.map(async (locale) => [locale, await findPreviousSources(client, [asPublished], locale)] as const))
      .then((entries) => {
        if (current) setResult({document, sources: new Map(entries)})
      })
      .catch(() => {})
    return () => {
      current = false
    }
  }, [client, document, locales])
  return result !== undefined && result.document === document ? result.sources : undefined
}
