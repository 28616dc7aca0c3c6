/**
 * Where the Studio reads and writes: a Sanity project and dataset from the environment.
 * `SANITY_STUDIO_*` variables reach both the CLI and the browser bundle.
 */
const offline = process.env.SANITY_STUDIO_OFFLINE === '1'

function required(name: string, example: string): string {
  const value = process.env[name]?.trim()
  if (value) return value
  if (offline) return example
  throw new Error(
    `Missing environment variable ${name}. Set it to your Sanity project's value (for example in studio/.env: ${name}=${example}), ` +
      'find it at sanity.io/manage; or set SANITY_STUDIO_OFFLINE=1 to validate, extract or build the schema without a project.',
  )
}

/** The Sanity project id. */
export const projectId = required('SANITY_STUDIO_PROJECT_ID', 'local')

/** The dataset name. */
export const dataset = process.env.SANITY_STUDIO_DATASET?.trim() || 'production'

if (!/^[a-z0-9-]+$/.test(projectId)) {
  throw new Error(`SANITY_STUDIO_PROJECT_ID must contain only a-z, 0-9 and dashes (got “${projectId}”).`)
}
if (!/^[a-z0-9][a-z0-9_-]{0,63}$/.test(dataset)) {
  throw new Error(`SANITY_STUDIO_DATASET must be a dataset name: lowercase letters, digits, _ and - (got “${dataset}”).`)
}
