/**
 * Stable codes for operational failures of the local lake.
 *
 * - `DATASET_FILE_UNREADABLE`: a dataset file or directory could not be read (missing, permissions).
 * - `DATASET_FILE_INVALID`: a dataset file is not valid NDJSON of Sanity documents.
 * - `DATASET_INVALID`: an in-memory dataset holds something that is not a Sanity document.
 * - `DATASET_WRITE_FAILED`: writing a dataset back to its file failed; nothing was changed.
 * - `DATASET_CHANGED_OUTSIDE`: the dataset file was changed by someone else since the lake loaded or
 *   last wrote it; the write was refused (nothing was changed) so the outside edit is kept. A
 *   restart records the change in the history log and takes writes again. HTTP answers 409.
 * - `LISTEN_FAILED`: the HTTP server could not listen (port in use, bad host).
 * - `DATASET_LOCKED`: another running process owns the dataset file (see its lock file).
 * - `HISTORY_LOG_INVALID`: a dataset's history log (`.<name>.history.ndjson`) has a malformed entry, or is a link or not a regular file.
 * - `STUDIO_NOT_BUILT`: the Studio folder to serve has no built Studio in it.
 * - `TOKEN_FILE_UNREADABLE`: the Studio's kept token (`token` beside the local certificate) cannot be read or written.
 * - `QUERY_WORKER_FAILED`: a worker thread that evaluates queries could not start.
 */
export type LocalLakeErrorCode =
  | 'DATASET_FILE_UNREADABLE'
  | 'DATASET_FILE_INVALID'
  | 'DATASET_INVALID'
  | 'DATASET_WRITE_FAILED'
  | 'DATASET_CHANGED_OUTSIDE'
  | 'LISTEN_FAILED'
  | 'DATASET_LOCKED'
  | 'HISTORY_LOG_INVALID'
  | 'STUDIO_NOT_BUILT'
  | 'TOKEN_FILE_UNREADABLE'
  | 'QUERY_WORKER_FAILED'

/** Where in a dataset file a problem was found. */
export interface LocalLakeErrorLocation {
  /** Absolute path of the file. */
  file?: string
  /** 1-based line number in the file. */
  line?: number
}

/**
 * An operational failure of the local lake (bad dataset file, failed write, busy port).
 * Misuse of the API throws `TypeError` instead.
 */
export class LocalLakeError extends Error {
  /** Stable, machine-readable reason; see {@link LocalLakeErrorCode}. */
  readonly code: LocalLakeErrorCode
  /** File the problem is about, when there is one. */
  readonly file: string | undefined
  /** 1-based line in {@link LocalLakeError.file}, when known. */
  readonly line: number | undefined

  constructor(
    code: LocalLakeErrorCode,
    message: string,
    options: LocalLakeErrorLocation & {cause?: unknown} = {},
  ) {
    super(message, options.cause === undefined ? undefined : {cause: options.cause})
    this.name = 'LocalLakeError'
    this.code = code
    this.file = options.file
    this.line = options.line
  }
}

/** Whether `value` is a {@link LocalLakeError} (works across module copies by checking the shape). */
export function isLocalLakeError(value: unknown): value is LocalLakeError {
  return (
    value instanceof LocalLakeError ||
    (value instanceof Error &&
      value.name === 'LocalLakeError' &&
      typeof (value as {code?: unknown}).code === 'string')
  )
}
