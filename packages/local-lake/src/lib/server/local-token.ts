import {randomBytes} from 'node:crypto'
import {chmod, mkdir, readFile, stat, writeFile} from 'node:fs/promises'
import {join} from 'node:path'

import {defaultCertificateDir} from './local-certificate.ts'
import {LocalLakeError} from '../local-lake-error.ts'

/** The Studio's login token, kept beside the local certificate. */
export interface LocalToken {
  token: string
  /** The file it is kept in (`<dir>/token`, mode 0600). */
  file: string
  /** Whether this call made it (first start, or the kept one was unusable). */
  created: boolean
}

/** What the Studio takes from `#token=`: 32 or more characters, none of `&`, `#` or whitespace. */
export const STUDIO_TOKEN_PATTERN = /^[^&#\s]{32,}$/

/**
 * Returns the Studio's login token kept in `dir` (the local certificate's folder), making it at
 * first use: 32 random bytes, base64url. Kept, so a Studio tab stays logged in when the server
 * restarts (a new token each start refused every open tab); in a user-only file (mode 0600, in
 * a 0700 folder), so other users of the computer cannot read it, as they could on a command line.
 * A kept file readable by others is made user-only again; an unusable one is replaced.
 *
 * @param dir - where to keep it (default {@link defaultCertificateDir}, `~/.cache/treatments/tls`)
 * @throws LocalLakeError `TOKEN_FILE_UNREADABLE` when the file exists but cannot be read or written
 */
export async function loadLocalToken(dir: string = defaultCertificateDir()): Promise<LocalToken> {
  const file = join(dir, 'token')
  for (let attempt = 0; attempt < 3; attempt++) {
    const kept = await readKept(file)
    if (kept.state === 'kept') return {token: kept.token, file, created: false}
    const token = randomBytes(32).toString('base64url')
    try {
      await mkdir(dir, {recursive: true, mode: 0o700})
      if (kept.state === 'unusable') {
        await writeFile(file, `${token}\n`, {mode: 0o600})
        await chmod(file, 0o600)
      } else {
        // `wx`: when two starts race, one file wins and the other reads it on its next turn.
        await writeFile(file, `${token}\n`, {mode: 0o600, flag: 'wx'})
      }
      return {token, file, created: true}
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw unreadable(file, error)
    }
  }
  throw unreadable(file, new Error('another process keeps replacing it'))
}

/** The kept token; `missing` when there is no file; `unusable` when it holds no valid token. */
async function readKept(file: string): Promise<{state: 'kept'; token: string} | {state: 'missing' | 'unusable'}> {
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {state: 'missing'}
    throw unreadable(file, error)
  }
  const token = text.trim()
  if (!STUDIO_TOKEN_PATTERN.test(token)) return {state: 'unusable'}
  try {
    if (((await stat(file)).mode & 0o077) !== 0) await chmod(file, 0o600)
  } catch (error) {
    throw unreadable(file, error)
  }
  return {state: 'kept', token}
}

function unreadable(file: string, cause: unknown): LocalLakeError {
  return new LocalLakeError('TOKEN_FILE_UNREADABLE', `Cannot keep the Studio's token in ${file}: ${(cause as Error).message}`, {file, cause})
}
