import {type ChildProcess, spawn, spawnSync} from 'node:child_process'
import {copyFile, mkdtemp, readFile, rm, stat} from 'node:fs/promises'
import {request} from 'node:https'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import {defaultDatasetPath, repoRoot} from '../../scripts/lib/paths.ts'
import {pnpm} from '../support/pnpm.ts'

// `pnpm studio` as an editor runs it: one command, one address to open.

const TOKEN = 'command-test-token-0123456789abcdef-xyz'

let directory: string
beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'studio-command-'))
  await copyFile(defaultDatasetPath, join(directory, 'dataset.ndjson'))
})
afterAll(async () => {
  await rm(directory, {recursive: true, force: true})
})

function runStudio(args: string[], env: Record<string, string | undefined> = {LAKE_TOKEN: TOKEN}): ChildProcess {
  return spawn(process.execPath, ['--conditions=@treatments/source', 'scripts/studio.ts', ...args], {
    cwd: repoRoot,
    // The certificate goes to a private cache, not the developer's.
    env: {...process.env, XDG_CACHE_HOME: join(directory, 'cache'), LAKE_TOKEN: undefined, SANITY_STUDIO_PROJECT_ID: '', ...env},
    stdio: ['ignore', 'pipe', 'pipe'],
  })
}

/** Waits for the address `pnpm studio` prints; returns it with everything printed so far. */
async function printedAddress(child: ChildProcess, exited: Promise<number | null>): Promise<{address: URL; output: () => string}> {
  let output = ''
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (output += chunk))
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (output += chunk))
  const address = await new Promise<URL>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no address printed within 120 s:\n${output}`)), 120_000)
    child.stdout?.on('data', () => {
      const match = /https:\/\/local\.localhost:(\d+)\/#token=(\S+)/.exec(output)
      if (match) {
        clearTimeout(timer)
        resolve(new URL(match[0]))
      }
    })
    void exited.then((code) => reject(new Error(`pnpm studio exited with ${code}:\n${output}`)))
  })
  return {address, output: () => output}
}

function exit(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)))
}

describe('pnpm studio', () => {
  it('serves the Studio and the lake on one HTTPS address, prints it with the token, and stops cleanly', async () => {
    const child = runStudio(['--port', '0', '--file', join(directory, 'dataset.ndjson')])
    const exited = exit(child)
    const {address, output} = await printedAddress(child, exited)
    expect(address.hash).toBe(`#token=${TOKEN}`)
    expect(output()).toContain(join(directory, 'cache', 'treatments', 'tls', 'cert.pem'))

    const get = (path: string, token?: string) =>
      new Promise<{status: number; body: string}>((resolve, reject) => {
        const call = request(
          {host: '127.0.0.1', port: Number(address.port), path, servername: 'localhost', rejectUnauthorized: false, headers: {host: address.host, ...(token ? {authorization: `Bearer ${token}`} : {})}},
          (response) => {
            let body = ''
            response.setEncoding('utf8').on('data', (chunk: string) => (body += chunk))
            response.on('end', () => resolve({status: response.statusCode ?? 0, body}))
          },
        )
        call.once('error', reject)
        call.end()
      })
    expect((await get('/')).body).toContain('<div id="sanity"')
    expect((await get('/v2025-02-19/users/me')).status).toBe(401)
    expect(JSON.parse((await get('/v2025-02-19/users/me', TOKEN)).body).name).toBe('Local editor')
    const count = await get(`/v2025-02-19/data/query/production?query=${encodeURIComponent('count(*[_type == "contraindication"])')}`, TOKEN)
    expect(JSON.parse(count.body).result).toBe(10)

    // Another command on the same file writes through the running Studio lake, over HTTPS.
    const status = spawnSync(process.execPath, ['--conditions=@treatments/source', 'scripts/translations.ts', 'status', '--json'], {
      cwd: repoRoot,
      encoding: 'utf8',
      env: {...process.env, XDG_CACHE_HOME: join(directory, 'cache'), CONTENT_DATASET: join(directory, 'dataset.ndjson'), SANITY_PROJECT_ID: ''},
    })
    expect(status.stderr).toBe('')
    expect(status.status).toBe(0)

    child.kill('SIGTERM')
    expect(await exited).toBe(0)
  }, 180_000)

  it('keeps the token it makes at first start, readable only by the user, so a restart keeps the address', async () => {
    const file = join(directory, 'dataset.ndjson')
    const tokens: string[] = []
    for (let start = 0; start < 2; start++) {
      const child = runStudio(['--port', '0', '--file', file], {})
      const exited = exit(child)
      const {address, output} = await printedAddress(child, exited)
      tokens.push(decodeURIComponent(address.hash.slice('#token='.length)))
      expect(output()).toContain(`The token is kept in ${join(directory, 'cache', 'treatments', 'tls', 'token')} (readable only by you)`)
      child.kill('SIGTERM')
      expect(await exited).toBe(0)
    }
    expect(tokens[0]).toMatch(/^[\w-]{43}$/)
    expect(tokens[1]).toBe(tokens[0])
    const kept = join(directory, 'cache', 'treatments', 'tls', 'token')
    expect((await stat(kept)).mode & 0o777).toBe(0o600)
    expect((await readFile(kept, 'utf8')).trim()).toBe(tokens[0])
  }, 240_000)

  it('takes --token with a one-line warning that other users can see it', async () => {
    const child = runStudio(['--port', '0', '--file', join(directory, 'dataset.ndjson'), '--token', TOKEN], {})
    const exited = exit(child)
    let stderr = ''
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
    const {address} = await printedAddress(child, exited)
    expect(address.hash).toBe(`#token=${TOKEN}`)
    expect(stderr).toBe('pnpm studio: warning: other users of this computer can see a --token value (with ps); set LAKE_TOKEN instead\n')
    child.kill('SIGTERM')
    expect(await exited).toBe(0)
  }, 180_000)

  it('refuses a bad port with one line and exit code 2', async () => {
    const child = runStudio(['--port', 'web'])
    let stderr = ''
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
    expect(await exit(child)).toBe(2)
    expect(stderr).toBe('pnpm studio: --port must be an integer from 0 to 65535, got "web"; run "pnpm studio --help" for the usage\n')
  })

  it('takes --port and --help through pnpm without "--"', () => {
    const help = pnpm(['studio', '--help'], {cwd: repoRoot})
    expect(help).toContain('Usage: pnpm studio [--port PORT]')
    expect(pnpm(['studio', '--', '--help'], {cwd: repoRoot})).toContain('Usage: pnpm studio [--port PORT]')
  })
})
