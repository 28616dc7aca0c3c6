/**
 * Where the Studio reads and writes. With `SANITY_STUDIO_PROJECT_ID` set: that Sanity project.
 * Without it: the local lake served by `pnpm studio` (project `local`), offline, no account.
 * `SANITY_STUDIO_*` variables reach both the CLI and the browser bundle.
 */

/** The project id used for the local lake: Sanity's client needs one, the lake ignores it. */
export const LOCAL_PROJECT_ID = 'local'

const configuredProjectId = process.env.SANITY_STUDIO_PROJECT_ID?.trim() ?? ''

/** Whether the Studio runs against the local lake (no `SANITY_STUDIO_PROJECT_ID`). */
export const isLocal = configuredProjectId === ''

/** The Sanity project id (`local` for the local lake). */
export const projectId = isLocal ? LOCAL_PROJECT_ID : configuredProjectId

/** The dataset name. */
export const dataset = process.env.SANITY_STUDIO_DATASET?.trim() || 'production'

if (!/^[a-z0-9-]+$/.test(projectId)) {
  throw new Error(`SANITY_STUDIO_PROJECT_ID must contain only a-z, 0-9 and dashes (got “${projectId}”).`)
}
if (!/^[a-z0-9][a-z0-9_-]{0,63}$/.test(dataset)) {
  throw new Error(`SANITY_STUDIO_DATASET must be a dataset name: lowercase letters, digits, _ and - (got “${dataset}”).`)
}
