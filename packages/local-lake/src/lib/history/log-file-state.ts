import {lstat} from 'node:fs/promises'

/** A history log as the lake last left it: its inode (once it exists) and its length. */
export interface LogFileState {
  ino: bigint | undefined
  size: number
}

/**
 * The inode of `file` itself (a link is not followed), or `undefined` when there is none.
 *
 * @throws the `lstat` error for any other failure
 */
export async function logInode(file: string): Promise<bigint | undefined> {
  try {
    return (await lstat(file, {bigint: true})).ino
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw error
  }
}

/**
 * Why `file` is no longer the log the lake last left as `known`, or `undefined` when it still
 * is. The lake writes the log at the offsets it keeps, so a log that someone moved, cut, wrote
 * to or replaced (by a link to another file, a pipe, another file) must not be written: the
 * write would pad a new file with NUL bytes or land inside another file, and a take-back would
 * cut that file.
 *
 * @param longerAllowed - whether the file may hold bytes past `known.size` (a failed take-back)
 * @throws the `lstat` error for a failure other than a missing file
 */
export async function logChangeProblem(file: string, known: LogFileState, longerAllowed: boolean): Promise<string | undefined> {
  let stats
  try {
    stats = await lstat(file, {bigint: true})
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
    return known.ino === undefined && known.size === 0 ? undefined : 'was removed'
  }
  if (stats.isSymbolicLink()) return 'was replaced by a link'
  if (!stats.isFile()) return 'is no longer a regular file'
  if (known.ino !== undefined && stats.ino !== known.ino) return 'was replaced by another file'
  const size = Number(stats.size)
  if (size < known.size || (size > known.size && !longerAllowed)) return `is ${size} bytes long instead of ${known.size}`
  return undefined
}
