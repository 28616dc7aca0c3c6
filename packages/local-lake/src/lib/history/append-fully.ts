import {constants} from 'node:fs'
import {open} from 'node:fs/promises'

/**
 * The part of a file handle an append needs. Injectable so tests can stand in for a nearly full
 * disk, where `write` writes fewer bytes than asked without an error.
 */
export interface AppendHandle {
  write(buffer: Uint8Array, offset: number, length: number, position: number): Promise<{bytesWritten: number}>
  truncate(length: number): Promise<void>
  sync(): Promise<void>
  close(): Promise<void>
}

/** Opens `file` for reading and writing at chosen positions, creating it if missing. */
export type OpenAppendHandle = (file: string) => Promise<AppendHandle>

/**
 * The real opener: not `O_APPEND`, so each write lands exactly where the log says its end is;
 * never through a link (`O_NOFOLLOW`, where the platform has it), which would write into another file.
 */
export const openForAppend: OpenAppendHandle = (file) => open(file, constants.O_RDWR | constants.O_CREAT | (constants.O_NOFOLLOW ?? 0), 0o644)

/**
 * Writes all of `bytes` at `position`, looping over short writes (a `write` may take fewer bytes
 * than asked, without an error, when the disk is nearly full).
 *
 * @throws the write's error, or an `Error` with code `ENOSPC` when a write takes no bytes at all
 */
export async function writeFully(handle: AppendHandle, bytes: Uint8Array, position: number): Promise<void> {
  let written = 0
  while (written < bytes.length) {
    const {bytesWritten} = await handle.write(bytes, written, bytes.length - written, position + written)
    if (bytesWritten <= 0) {
      throw Object.assign(new Error(`wrote ${written} of ${bytes.length} bytes, then the disk took no more`), {code: 'ENOSPC'})
    }
    written += bytesWritten
  }
}
