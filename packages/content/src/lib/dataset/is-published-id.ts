/**
 * Whether `id` is a published document's: not a draft (`drafts.…`) and not a release version
 * (`versions.…`), the published perspective a site reads Content Lake with.
 *
 * @internal
 */
export function isPublishedId(id: string): boolean {
  return !id.startsWith('drafts.') && !id.startsWith('versions.')
}
