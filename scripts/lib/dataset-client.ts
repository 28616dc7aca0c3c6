/**
 * Where the translation, seed and export commands read and write: one `@sanity/client` for all
 * of them. With `SANITY_PROJECT_ID` (plus `SANITY_DATASET`, `SANITY_TOKEN`, optional
 * `SANITY_API_HOST`) it is the real project; with a lake URL it is that running local lake (its
 * token from `LAKE_TOKEN`, or from the lock file when that lake serves the dataset file);
 * otherwise the NDJSON file (`CONTENT_DATASET` or content/dataset.ndjson): through the `pnpm lake`
 * that owns it when one runs (found from its lock file), else through a local lake started in
 * this process, which locks the file and writes every transaction back to it atomically.
 */
import {basename, resolve} from 'node:path'

import {createClient, isHttpError, type SanityClient} from '@sanity/client'
import {readDatasetLock, startLocalLake, trustLocalCertificate} from '@treatments/local-lake'

import {invocationDirectory} from './cli.ts'
import {defaultDatasetPath} from './paths.ts'

/** The API version every command uses. */
export const apiVersion = '2025-02-19'

/** Where a client points. */
export interface DatasetTarget {
  kind: 'project' | 'lake' | 'file'
  /** For messages, e.g. `project abc123, dataset production` or `content/dataset.ndjson (local lake)`. */
  description: string
}

/** Options for {@link withDatasetClient}. */
export interface DatasetClientOptions {
  /** URL of a running local lake (`--lake`); takes precedence over the environment. */
  lake?: string
  /** NDJSON file to serve when neither a lake nor a project is configured. */
  file?: string
  /** Environment to read; default `process.env`. */
  env?: Readonly<Record<string, string | undefined>>
}

/** Why no client could be created: `CONFIG_INCOMPLETE` (a variable is missing or invalid). */
export class DatasetClientError extends Error {
  readonly code: 'CONFIG_INCOMPLETE'

  constructor(message: string) {
    super(message)
    this.name = 'DatasetClientError'
    this.code = 'CONFIG_INCOMPLETE'
  }
}

/**
 * Runs `fn` with a `@sanity/client` for the configured dataset, and stops the in-process local
 * lake (waiting for pending writes) when `fn` settles.
 *
 * @throws {DatasetClientError} When `SANITY_PROJECT_ID` is set but the other variables are missing or invalid.
 * @throws {TypeError} When `lake` is not an http(s) URL.
 */
export async function withDatasetClient<T>(
  fn: (client: SanityClient, target: DatasetTarget) => Promise<T>,
  options: DatasetClientOptions = {},
): Promise<T> {
  const env = options.env ?? process.env
  // A relative CONTENT_DATASET means the directory the user ran the command in.
  const file = options.file ?? (env.CONTENT_DATASET?.trim() ? resolve(invocationDirectory(env), env.CONTENT_DATASET.trim()) : defaultDatasetPath)
  if (options.lake !== undefined) {
    const url = parseLakeUrl(options.lake)
    const token = env.LAKE_TOKEN?.trim() || (await tokenFromLock(url, file))
    return fn(createClient(localConfig(url, token)), {kind: 'lake', description: `local lake at ${url}`})
  }
  const projectId = env.SANITY_PROJECT_ID?.trim()
  if (projectId) {
    const client = createClient(projectConfig(projectId, env))
    const {dataset} = client.config()
    return fn(client, {kind: 'project', description: `project ${projectId}, dataset ${dataset}`})
  }
  // One process owns a dataset file: when a lake serves it, write through that lake.
  const owner = await readDatasetLock(resolve(file))
  if (owner?.server === true && owner.url !== null) {
    // `pnpm studio` serves over HTTPS with the local self-signed certificate.
    if (owner.url.startsWith('https:')) await trustLocalCertificate()
    return fn(createClient(localConfig(owner.url, owner.token)), {kind: 'file', description: `${file} (local lake)`})
  }
  const lake = await startLocalLake({
    datasets: {production: file},
    port: 0,
    host: '127.0.0.1',
    lock: {command: `pnpm ${process.argv.slice(1, 3).map((part) => basename(part, '.ts')).join(' ')}`, server: false},
  })
  try {
    return await fn(createClient(localConfig(lake.url, lake.token)), {kind: 'file', description: `${file} (local lake)`})
  } finally {
    await lake.close()
  }
}

/**
 * The token of the lake at `url` when it is the one serving `file` (its lock file says so),
 * so `--lake URL` needs no LAKE_TOKEN for the usual dataset.
 */
async function tokenFromLock(url: string, file: string): Promise<string | undefined> {
  const owner = await readDatasetLock(resolve(file))
  if (owner === undefined || owner.url === null) return undefined
  const sameLake = (a: string, b: string) => {
    const [first, second] = [new URL(a), new URL(b)]
    const loopback = (host: string) => host === 'localhost' || host === '[::1]' || host.startsWith('127.')
    return first.port === second.port && (first.hostname === second.hostname || (loopback(first.hostname) && loopback(second.hostname)))
  }
  return sameLake(owner.url, url) ? owner.token : undefined
}

/** The client configuration for a Sanity project from the environment. */
export function projectConfig(projectId: string, env: Readonly<Record<string, string | undefined>>) {
  const dataset = env.SANITY_DATASET?.trim()
  const token = env.SANITY_TOKEN?.trim()
  const missing = [dataset ? '' : 'SANITY_DATASET', token ? '' : 'SANITY_TOKEN'].filter(Boolean)
  if (missing.length > 0) {
    throw new DatasetClientError(
      `SANITY_PROJECT_ID is set, so the project is used, but ${missing.join(' and ')} ${missing.length === 1 ? 'is' : 'are'} not: ` +
        'set SANITY_DATASET (e.g. production) and SANITY_TOKEN (an API token with write access), or unset SANITY_PROJECT_ID to use the local dataset file',
    )
  }
  if (!/^[a-z0-9-]+$/.test(projectId)) throw new DatasetClientError(`SANITY_PROJECT_ID must contain only a-z, 0-9 and dashes (got "${projectId}")`)
  if (!/^[a-z0-9][a-z0-9_-]{0,63}$/.test(dataset!)) throw new DatasetClientError(`SANITY_DATASET must be a dataset name (got "${dataset}")`)
  const apiHost = env.SANITY_API_HOST?.trim()
  if (apiHost && !/^https?:\/\/[^/?#\s]/i.test(apiHost)) throw new DatasetClientError(`SANITY_API_HOST must be an http or https URL such as http://127.0.0.1:3334 (got "${apiHost}")`)
  return {projectId, dataset: dataset!, token: token!, apiVersion, useCdn: false, ...(apiHost ? {apiHost} : {})}
}

/**
 * The client configuration for a local lake at `url`; `token` (the lake's, from `LAKE_TOKEN` or
 * the lake itself) is needed for writes and drafts.
 */
export function localConfig(url: string, token?: string) {
  return {
    apiHost: url,
    useProjectHostname: false,
    projectId: 'local',
    dataset: 'production',
    apiVersion,
    useCdn: false,
    ...(token === undefined ? {} : {token}),
  } as const
}

/**
 * Checks a `--lake` value and returns its origin.
 *
 * @throws {TypeError} When it is not an http(s) URL.
 */
export function parseLakeUrl(value: string): string {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    throw new TypeError(`--lake must be the URL of a running local lake, such as http://127.0.0.1:3334 (what pnpm lake prints); got "${value}"`)
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new TypeError(`--lake must be an http:// or https:// URL; got "${value}"`)
  }
  return url.origin
}

/** Network codes of a server that cannot be reached. */
const unreachable = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_SOCKET'])

/**
 * One line for the dataset's server failing or refusing a request (an HTTP error from
 * `@sanity/client`, or a server that cannot be reached), or `undefined` when `error` is
 * something else. These are the user's to fix (start the lake, check the project), not bugs.
 */
export function explainRemoteFailure(error: unknown): string | undefined {
  if (isHttpError(error)) return `the server answered ${error.response.statusCode}: ${error.message}`
  for (let cause: unknown = error, depth = 0; cause instanceof Error && depth < 5; cause = cause.cause, depth++) {
    const {code, address, port} = cause as NodeJS.ErrnoException & {address?: string; port?: number}
    if (typeof code === 'string' && unreachable.has(code)) {
      const where = address === undefined ? '' : ` at ${address}${port === undefined ? '' : `:${port}`}`
      return `cannot reach the server${where} (${code}); check that it is running (pnpm lake) or that the project settings are right`
    }
  }
  // undici's fetch reports every network failure as `TypeError('fetch failed')` with the reason as
  // its cause (a refused port, a bad port, a TLS failure); nothing but the message marks it.
  if (error instanceof TypeError && error.message === 'fetch failed' && error.cause instanceof Error) {
    return `cannot reach the server (${error.cause.message}); check that it is running (pnpm lake) or that the project settings are right`
  }
  return undefined
}
