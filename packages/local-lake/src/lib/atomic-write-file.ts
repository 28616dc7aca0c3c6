import {randomBytes} from 'node:crypto'
import {open, rename, rm} from 'node:fs/promises'
import {basename, dirname, join} from 'node:path'

/**
 * Replaces `file` with `contents` atomically: writes a temporary file in the same directory,
 * flushes it to disk (fsync), then renames it over `file`, so readers see either the old or the
 * new contents, never a torn file. On failure the temporary file is removed and `file` is untouched.
 */
export async function atomicWriteFile(file: string, contents: string): Promise<void> {
  const directory = dirname(file)
  const temporary = join(
    directory,
    `.${basename(file)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`,
  )
  try {
    const handle = await open(temporary, 'wx', 0o644)
    try {
      await handle.writeFile(contents, 'utf8')
      await handle.sync()
    } finally {
      await handle.close()
    }
    await rename(temporary, file)
  } catch (error) {
    await rm(temporary, {force: true}).catch(() => {})
    throw error
  }
  await syncDirectory(directory)
}

/** Flushes a directory entry change (the rename) to disk; best effort, not every OS allows it. */
async function syncDirectory(directory: string): Promise<void> {
  try {
    const handle = await open(directory, 'r')
    try {
      await handle.sync()
    } finally {
      await handle.close()
    }
  } catch {
    // Directories cannot be opened or fsynced on some platforms (Windows); the rename is done.
  }
}
