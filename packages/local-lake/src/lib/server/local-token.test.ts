import {chmod, mkdir, mkdtemp, readFile, rm, stat, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

import {afterEach, beforeEach, describe, expect, it} from 'vitest'

import {STUDIO_TOKEN_PATTERN, loadLocalToken} from './local-token.ts'

let directory: string
beforeEach(async () => {
  directory = await mkdtemp(join(tmpdir(), 'local-token-'))
})
afterEach(async () => {
  await rm(directory, {recursive: true, force: true})
})

const mode = async (path: string) => (await stat(path)).mode & 0o777

describe('loadLocalToken', () => {
  it('makes a token the Studio accepts once, in a user-only file, and returns the same one afterwards', async () => {
    const dir = join(directory, 'tls')
    const first = await loadLocalToken(dir)
    expect(first).toEqual({token: expect.stringMatching(STUDIO_TOKEN_PATTERN), file: join(dir, 'token'), created: true})
    expect(await mode(first.file)).toBe(0o600)
    expect(await mode(dir)).toBe(0o700)
    expect((await readFile(first.file, 'utf8')).trim()).toBe(first.token)
    expect(await loadLocalToken(dir)).toEqual({...first, created: false})
  })

  it('gives one token to starts that race', async () => {
    const tokens = await Promise.all(Array.from({length: 5}, () => loadLocalToken(directory)))
    expect(new Set(tokens.map((kept) => kept.token)).size).toBe(1)
  })

  it('makes a kept file that others can read user-only again', async () => {
    const file = join(directory, 'token')
    const token = 'k'.repeat(40)
    await writeFile(file, `${token}\n`)
    await chmod(file, 0o644)
    expect(await loadLocalToken(directory)).toEqual({token, file, created: false})
    expect(await mode(file)).toBe(0o600)
  })

  it('replaces a kept file that holds no usable token', async () => {
    const file = join(directory, 'token')
    await writeFile(file, 'short&bad\n', {mode: 0o644})
    const replaced = await loadLocalToken(directory)
    expect(replaced.created).toBe(true)
    expect(replaced.token).toMatch(STUDIO_TOKEN_PATTERN)
    expect(await mode(file)).toBe(0o600)
  })

  it('says which file it cannot keep the token in', async () => {
    await mkdir(join(directory, 'token'))
    await expect(loadLocalToken(directory)).rejects.toMatchObject({code: 'TOKEN_FILE_UNREADABLE', file: join(directory, 'token')})
  })
})
