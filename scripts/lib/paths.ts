import {fileURLToPath} from 'node:url'

/** The repository root. */
export const repoRoot = fileURLToPath(new URL('../../', import.meta.url))

/** The embedded default dataset. */
export const defaultDatasetPath = fileURLToPath(new URL('../../content/dataset.ndjson', import.meta.url))
