import {badRequest} from '../api-error.ts'

/**
 * How a query sees drafts:
 * - `published`: only published documents (no `drafts.*` or `versions.*` ids);
 * - `raw`: every document as stored;
 * - `drafts`: drafts overlaid on published documents, with the published `_id`
 *   (the stored id is kept in `_originalId`).
 */
export type Perspective = 'published' | 'raw' | 'drafts'

/** The first API version whose default perspective is `published` (earlier ones default to `raw`). */
export const PUBLISHED_BY_DEFAULT_SINCE = '2025-02-19'

/**
 * The perspective a query asks for, from its `perspective` parameter and the API version in its URL.
 * `previewDrafts` is the older name of `drafts`. Without a parameter, versions from
 * 2025-02-19 on (and `vX`) default to `published`, older ones (and `v1`) to `raw`, as Sanity does.
 *
 * @throws ApiError 400 for an unknown perspective or a release perspective (not supported locally)
 */
export function resolvePerspective(value: string | null, apiVersion: string): Perspective {
  if (value === null || value === '') {
    if (apiVersion === 'X') return 'published'
    if (/^\d{4}-\d{2}-\d{2}$/.test(apiVersion) && apiVersion >= PUBLISHED_BY_DEFAULT_SINCE) {
      return 'published'
    }
    return 'raw'
  }
  if (value === 'published' || value === 'raw' || value === 'drafts') return value
  if (value === 'previewDrafts') return 'drafts'
  if (value.includes(',')) {
    throw badRequest(
      `Perspective "${value}" is a perspective stack (releases), which the local lake does not support; use "published", "drafts" or "raw"`,
    )
  }
  throw badRequest(
    `Unknown perspective "${value}"; expected "published", "drafts", "previewDrafts" or "raw"`,
  )
}
