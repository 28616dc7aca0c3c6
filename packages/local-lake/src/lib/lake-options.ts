import {randomBytes} from 'node:crypto'
import {userInfo} from 'node:os'
import {basename, resolve} from 'node:path'

import {describeJson, writeFileAtomically} from '@treatments/content/dataset'
import {DEFAULT_CORS_ORIGINS, normalizeOrigin} from './http/cors-policy.ts'
import type {OpenAppendHandle} from './history/append-fully.ts'
import type {DatasetWriter} from './store/dataset-store.ts'
import {AUTHOR_NAME_RULE, isAuthorName} from './lake-identity.ts'

/** Where a dataset's documents come from: an NDJSON file path, or documents kept in memory. */
export type DatasetSource = string | readonly Record<string, unknown>[]

/** Options for {@link createLocalLakeHandler} (and {@link startLocalLake}). */
export interface LocalLakeOptions {
  /**
   * The datasets to serve: a directory (every `*.ndjson` file in it is a dataset named after the
   * file; hidden files, such as history logs, are not), or an object mapping dataset names to an NDJSON file path or an array of documents.
   * Relative paths are resolved against the current working directory. Documents passed in
   * memory are served as they are, not copied (a second copy would double the lake's memory):
   * do not change them after passing them, or the lake serves the change without a write (and
   * kept answers miss it).
   */
  datasets: string | Readonly<Record<string, DatasetSource>>
  /** Reject every mutation with 403. Default `false`. */
  readOnly?: boolean
  /** Apply mutations in memory but never write files. Default `false`. */
  inMemory?: boolean
  /** Largest request body accepted, in bytes; larger requests get 413. Default 10 MiB. */
  maxBodyBytes?: number
  /** How many parsed GROQ queries to cache. Default 500. */
  queryCacheSize?: number
  /**
   * Bytes of query answers to keep, per dataset, until the next change to it (as Sanity's API
   * CDN does; every mutation drops them). `0` keeps none. Default 32 MiB.
   */
  answerCacheBytes?: number
  /**
   * Milliseconds a query may run before it is stopped with 408 `queryTimeoutError`. While it
   * runs, other requests are still served. Default 5000.
   */
  queryTimeoutMs?: number
  /**
   * The secret clients send as `Authorization: Bearer <token>` for writes, listen, and reads of
   * drafts and versions. At least 16 characters, no whitespace. Default: a random token made at
   * start (read it from {@link LocalLakeHandler.token} / {@link LocalLake.token}).
   */
  token?: string
  /**
   * Browser origins (`scheme://host:port`) that may call the lake (CORS, with credentials).
   * Requests from any other origin get 403. Never `*`. Default: the Studio's
   * `http://localhost:3333` and `https://localhost:3333`.
   */
  corsOrigins?: readonly string[]
  /**
   * Worker threads that evaluate queries. A query past `queryTimeoutMs` is stopped by terminating
   * its worker, whatever it is doing (even inside one regular-expression match), and the worker
   * is replaced. `0` evaluates on the main thread, where only dataset scans are metered: one
   * `match` or a query over parameters alone can then hold the lake. Default 2.
   */
  queryWorkers?: number
  /**
   * Heap limit of each query worker, in MiB: a query that needs more is stopped with 400
   * `queryMemoryLimitError`. Default: 512 plus the lake's heap after loading its datasets (each
   * worker holds a copy of the datasets it queries).
   */
  queryMemoryMb?: number
  /** Largest JSON answer sent, in bytes; a larger query result gets 400 `queryResultTooLarge`. Default 64 MiB. */
  maxResponseBytes?: number
  /**
   * The advisory lock taken on each dataset file the lake writes (`.<file>.lock` beside it,
   * naming this process; removed on close and on exit). `command` names this process in the
   * message another process gets; `server: true` tells other commands they may send their
   * writes to this lake over HTTP. `false` takes no lock. Read-only and in-memory lakes take none.
   * Default: `{command: "node <script>", server: false}`.
   */
  lock?: false | {command?: string; server?: boolean}
  /**
   * Who the history log names as the author of every change made through this lake (the person
   * behind its token). Default: the operating-system user name.
   */
  author?: string
  /**
   * Before loading, cut each damaged history log at its first damaged line, keeping that line and
   * the rest in a side file beside it (`pnpm lake --repair-history`). Not with `readOnly`. Default `false`.
   */
  repairHistory?: boolean
  /**
   * Replaces the atomic file writer. Meant for tests that simulate a failing disk.
   * @internal
   */
  writeFile?: DatasetWriter
  /**
   * Replaces how history logs are opened for appending. Meant for tests that simulate a full disk.
   * @internal
   */
  openHistoryFile?: OpenAppendHandle
}

/** Options for {@link startLocalLake}. */
export interface StartLocalLakeOptions extends LocalLakeOptions {
  /** TCP port; `0` (the default) picks a free one. */
  port?: number
  /** Interface to listen on. Default `127.0.0.1` (loopback only). */
  host?: string
}

/** {@link LocalLakeOptions} checked and filled with defaults. */
export interface ResolvedLakeOptions {
  datasets:
    | {kind: 'directory'; path: string}
    | {kind: 'map'; entries: Array<{name: string; source: string | readonly Record<string, unknown>[]}>}
  readOnly: boolean
  inMemory: boolean
  maxBodyBytes: number
  queryCacheSize: number
  answerCacheBytes: number
  queryTimeoutMs: number
  queryWorkers: number
  queryMemoryMb: number | undefined
  maxResponseBytes: number
  token: string
  corsOrigins: ReadonlySet<string>
  lock: false | {command: string; server: boolean}
  author: string
  writeFile: DatasetWriter
  repairHistory: boolean
  openHistoryFile: OpenAppendHandle | undefined
}

const DATASET_NAME = /^[a-z0-9][a-z0-9_-]{0,63}$/
const DEFAULT_MAX_BODY_BYTES = 10 * 1024 * 1024
const DEFAULT_MAX_RESPONSE_BYTES = 64 * 1024 * 1024
const DEFAULT_QUERY_TIMEOUT_MS = 5000
const DEFAULT_QUERY_WORKERS = 2
const DEFAULT_ANSWER_CACHE_BYTES = 32 * 1024 * 1024

/**
 * Checks `options` and fills in defaults.
 *
 * @param call - the public function being called, for error messages
 * @throws TypeError naming `call`, the option, the expected form and the received value
 */
export function resolveLakeOptions(options: unknown, call: string): ResolvedLakeOptions {
  if (typeof options !== 'object' || options === null) {
    throw new TypeError(`${call}: options must be an object like {datasets: {production: 'content/dataset.ndjson'}}; received ${describeJson(options)}`)
  }
  const record = options as Record<string, unknown>
  // `shown` replaces the value in the message where the value is a secret.
  const bad = (name: string, expected: string, received: unknown = record[name], shown = describeJson(received)): never => {
    throw new TypeError(`${call}: option "${name}" must be ${expected}; received ${shown}`)
  }
  const boolean = (name: string): boolean => {
    const value = record[name]
    if (value === undefined) return false
    return typeof value === 'boolean' ? value : bad(name, 'a boolean')
  }
  const integer = (name: string, fallback: number, min: number): number => {
    const value = record[name]
    if (value === undefined) return fallback
    return Number.isInteger(value) && (value as number) >= min ? (value as number) : bad(name, `an integer >= ${min}`)
  }
  const writeFile = record.writeFile ?? writeFileAtomically
  if (typeof writeFile !== 'function') bad('writeFile', 'a function (file, contents) => Promise<void>')
  const openHistoryFile = record.openHistoryFile
  if (openHistoryFile !== undefined && typeof openHistoryFile !== 'function') bad('openHistoryFile', 'a function (file) => Promise<FileHandle>')
  return {
    datasets: resolveDatasets(record.datasets, bad),
    readOnly: boolean('readOnly'),
    inMemory: boolean('inMemory'),
    maxBodyBytes: integer('maxBodyBytes', DEFAULT_MAX_BODY_BYTES, 1),
    queryCacheSize: integer('queryCacheSize', 500, 0),
    answerCacheBytes: integer('answerCacheBytes', DEFAULT_ANSWER_CACHE_BYTES, 0),
    queryTimeoutMs: integer('queryTimeoutMs', DEFAULT_QUERY_TIMEOUT_MS, 1),
    queryWorkers: integer('queryWorkers', DEFAULT_QUERY_WORKERS, 0),
    queryMemoryMb: record.queryMemoryMb === undefined ? undefined : integer('queryMemoryMb', 0, 64),
    maxResponseBytes: integer('maxResponseBytes', DEFAULT_MAX_RESPONSE_BYTES, 1024),
    token: resolveToken(record.token, bad),
    corsOrigins: resolveCorsOrigins(record.corsOrigins, bad),
    lock: resolveLock(record.lock, bad),
    author: resolveAuthor(record.author, bad),
    writeFile: writeFile as DatasetWriter,
    repairHistory: boolean('repairHistory'),
    openHistoryFile: openHistoryFile as OpenAppendHandle | undefined,
  }
}

/** Throws the `TypeError` of one option: `shown` replaces the received value where it is a secret. */
type Bad = (name: string, expected: string, received?: unknown, shown?: string) => never

function resolveToken(value: unknown, bad: Bad): string {
  if (value === undefined) return randomBytes(24).toString('base64url')
  if (typeof value !== 'string' || !/^[\x21-\x7e]{16,512}$/.test(value)) {
    // Never echo a secret back: describe it instead.
    return bad('token', 'a string of 16 to 512 visible ASCII characters without spaces', value, typeof value === 'string' ? `a string of ${value.length} characters` : undefined)
  }
  return value
}

function resolveAuthor(value: unknown, bad: Bad): string {
  if (value === undefined) return osUser()
  if (!isAuthorName(value)) return bad('author', AUTHOR_NAME_RULE)
  return value.trim()
}

function osUser(): string {
  try {
    return userInfo().username
  } catch {
    return process.env.USER ?? process.env.USERNAME ?? 'unknown'
  }
}

function resolveLock(value: unknown, bad: Bad): ResolvedLakeOptions['lock'] {
  if (value === false) return false
  const fallback = `node ${basename(process.argv[1] ?? 'script')}`
  if (value === undefined) return {command: fallback, server: false}
  const expected = 'false or {command?: string, server?: boolean}'
  if (typeof value !== 'object' || value === null) return bad('lock', expected)
  const {command = fallback, server = false} = value as {command?: unknown; server?: unknown}
  if (typeof command !== 'string' || command.trim() === '' || typeof server !== 'boolean') return bad('lock', expected)
  return {command, server}
}

function resolveCorsOrigins(value: unknown, bad: Bad): ReadonlySet<string> {
  if (value === undefined) return new Set(DEFAULT_CORS_ORIGINS)
  const expected = 'an array of origins like ["http://localhost:3333"] (scheme, host and port only; "*" is not allowed)'
  if (!Array.isArray(value)) return bad('corsOrigins', expected)
  const origins = new Set<string>()
  for (const entry of value) {
    const origin = typeof entry === 'string' ? normalizeOrigin(entry) : undefined
    if (origin === undefined) return bad('corsOrigins', expected, entry)
    origins.add(origin)
  }
  return origins
}

function resolveDatasets(
  value: unknown,
  bad: Bad,
): ResolvedLakeOptions['datasets'] {
  const expected =
    'a directory path, or an object mapping dataset names to NDJSON file paths or arrays of documents, like {production: "content/dataset.ndjson"}'
  if (typeof value === 'string') {
    return value.trim() === '' ? bad('datasets', expected) : {kind: 'directory', path: resolve(value)}
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return bad('datasets', expected)
  const entries = Object.entries(value)
  if (entries.length === 0) return bad('datasets', `${expected} with at least one dataset`)
  const files = new Map<string, string>()
  return {
    kind: 'map',
    entries: entries.map(([name, source]) => {
      if (!DATASET_NAME.test(name)) {
        return bad('datasets', `keyed by dataset names of 1–64 lowercase letters, digits, "_" or "-" (starting with a letter or digit), but has key "${name}"`)
      }
      if (typeof source === 'string') {
        if (source.trim() === '') return bad(`datasets.${name}`, 'an NDJSON file path or an array of documents', source)
        const file = resolve(source)
        const other = files.get(file)
        if (other !== undefined) {
          return bad(`datasets.${name}`, `a file not used by another dataset, but dataset "${other}" also uses ${file}`, source)
        }
        files.set(file, name)
        return {name, source: file}
      }
      if (Array.isArray(source)) return {name, source: source as readonly Record<string, unknown>[]}
      return bad(`datasets.${name}`, 'an NDJSON file path or an array of documents', source)
    }),
  }
}

/**
 * Checks the server options of {@link startLocalLake}.
 *
 * @throws TypeError naming the option, the expected form and the received value
 */
export function resolveListenOptions(options: StartLocalLakeOptions, call: string): {port: number; host: string} {
  const {port = 0, host = '127.0.0.1'} = options
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new TypeError(`${call}: option "port" must be an integer from 0 to 65535 (0 picks a free port); received ${describeJson(port)}`)
  }
  if (typeof host !== 'string' || host.trim() === '') {
    throw new TypeError(`${call}: option "host" must be a non-empty host name or IP address such as "127.0.0.1"; received ${describeJson(host)}`)
  }
  return {port, host}
}
