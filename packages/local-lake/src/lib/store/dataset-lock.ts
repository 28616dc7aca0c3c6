import {open, readFile, readdir, rename, rm} from 'node:fs/promises'
import {readFileSync, unlinkSync} from 'node:fs'
import {basename, dirname, join} from 'node:path'

import {temporaryFilePattern} from '@treatments/content/dataset'

import {LocalLakeError} from '../local-lake-error.ts'

/** What a lock file next to a dataset says about the process that owns the file. */
export interface DatasetLockOwner {
  /** Process id of the owner. */
  pid: number
  /** What the owner is, for messages (`pnpm lake`, `pnpm translations import`). */
  command: string
  /** Whether the owner is a lake server that other commands may send their writes to. */
  server: boolean
  /** The owner's lake URL once it listens (`null` while starting, or for a handler without a server). */
  url: string | null
  /** The owner's port once it listens. */
  port: number | null
  /** The owner's token (the lock file is readable only by its user). */
  token: string
  /** When the owner took the lock, ISO 8601. */
  since: string
}

/** The path of the lock file of `file`: `.<name>.lock` beside it. */
export function lockFileOf(file: string): string {
  return join(dirname(file), `.${basename(file)}.lock`)
}

/**
 * The owner of `file` from its lock file, or `undefined` when there is no lock or the process
 * that wrote it no longer runs (a stale lock, left by a crash).
 */
export async function readDatasetLock(file: string): Promise<DatasetLockOwner | undefined> {
  let text: string
  try {
    text = await readFile(lockFileOf(file), 'utf8')
  } catch {
    return undefined
  }
  const owner = parseOwner(text)
  return owner !== undefined && isRunning(owner.pid) ? owner : undefined
}

/**
 * An advisory lock on a dataset file, held by this process for as long as it serves the file.
 * Taking it removes a stale lock and the temporary files that a killed write left behind.
 */
export class DatasetLock {
  readonly file: string
  readonly #path: string
  #owner: DatasetLockOwner
  #released = false
  readonly #onExit = () => {
    this.#releaseSync()
  }

  private constructor(file: string, owner: DatasetLockOwner) {
    this.file = file
    this.#path = lockFileOf(file)
    this.#owner = owner
    process.once('exit', this.#onExit)
  }

  /**
   * Takes the lock on `file` for this process.
   *
   * @throws LocalLakeError `DATASET_LOCKED` naming the owner's PID, command and port when
   *   another running process holds it
   */
  static async acquire(file: string, owner: Pick<DatasetLockOwner, 'command' | 'server' | 'token'>): Promise<DatasetLock> {
    const record: DatasetLockOwner = {pid: process.pid, url: null, port: null, since: new Date().toISOString(), ...owner}
    const path = lockFileOf(file)
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        const handle = await open(path, 'wx', 0o600)
        try {
          await handle.writeFile(`${JSON.stringify(record)}\n`)
        } finally {
          await handle.close()
        }
        const lock = new DatasetLock(file, record)
        await removeLeftoverTemporaryFiles(file)
        return lock
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
          throw new LocalLakeError('DATASET_LOCKED', `Cannot create the lock file ${path}: ${(error as Error).message}`, {file, cause: error})
        }
      }
      const current = await readDatasetLock(file)
      if (current !== undefined) throw lockedError(file, current)
      // Stale: its owner is gone. Remove it and try again (another starter may win the race).
      await rm(path, {force: true})
    }
    throw new LocalLakeError('DATASET_LOCKED', `Cannot take the lock ${path}: other processes keep taking it`, {file})
  }

  /** Records where this process serves the file, so other commands can reach it. */
  async announce(url: string, port: number): Promise<void> {
    if (this.#released) return
    this.#owner = {...this.#owner, url, port}
    const temporary = `${this.#path}.${process.pid}.tmp`
    const handle = await open(temporary, 'w', 0o600)
    try {
      await handle.writeFile(`${JSON.stringify(this.#owner)}\n`)
    } finally {
      await handle.close()
    }
    await rename(temporary, this.#path)
  }

  /** Removes the lock file (only if it is still this process's). */
  async release(): Promise<void> {
    this.#releaseSync()
  }

  #releaseSync(): void {
    if (this.#released) return
    this.#released = true
    process.off('exit', this.#onExit)
    try {
      // Synchronous so it also works in an 'exit' handler.
      const current = parseOwner(readFileSync(this.#path, 'utf8'))
      if (current?.pid === process.pid) unlinkSync(this.#path)
    } catch {
      // Already gone.
    }
  }
}

function lockedError(file: string, owner: DatasetLockOwner): LocalLakeError {
  const where = owner.url === null ? 'not listening yet' : `listening on ${owner.url}`
  const advice = owner.server
    ? `send your changes to it (scripts: --lake ${owner.url ?? 'URL'} with LAKE_TOKEN), or stop it first`
    : 'wait for it to finish'
  return new LocalLakeError(
    'DATASET_LOCKED',
    `${file} is in use by ${owner.command} (PID ${owner.pid}, ${where}${owner.port === null ? '' : `, port ${owner.port}`}); ${advice}. Its lock file is ${lockFileOf(file)}.`,
    {file},
  )
}

function parseOwner(text: string): DatasetLockOwner | undefined {
  try {
    const value = JSON.parse(text) as Partial<DatasetLockOwner>
    if (typeof value.pid !== 'number' || !Number.isInteger(value.pid) || value.pid <= 0) return undefined
    return {
      pid: value.pid,
      command: typeof value.command === 'string' ? value.command : 'another process',
      server: value.server === true,
      url: typeof value.url === 'string' ? value.url : null,
      port: typeof value.port === 'number' ? value.port : null,
      token: typeof value.token === 'string' ? value.token : '',
      since: typeof value.since === 'string' ? value.since : '',
    }
  } catch {
    return undefined
  }
}

/** Whether a process with this id runs (EPERM: it runs, as another user). */
function isRunning(pid: number): boolean {
  if (pid === process.pid) return true
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/**
 * Removes `.<name>.<pid>.<random>.tmp` files beside `file` (the dataset core's
 * `temporaryFilePattern`), which an atomic write leaves
 * only when its process was killed mid-write. Called with the lock held, so no live writer owns them.
 */
async function removeLeftoverTemporaryFiles(file: string): Promise<void> {
  const pattern = temporaryFilePattern(basename(file))
  let names: string[]
  try {
    names = await readdir(dirname(file))
  } catch {
    return
  }
  await Promise.all(names.filter((name) => pattern.test(name)).map((name) => rm(join(dirname(file), name), {force: true})))
}
