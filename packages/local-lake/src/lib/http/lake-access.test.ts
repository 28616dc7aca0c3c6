import {type ChildProcess} from 'node:child_process'
import {once} from 'node:events'
import {fileURLToPath} from 'node:url'

import {ClientError, createClient} from '@sanity/client'
import {afterEach, describe, expect, it} from 'vitest'

import {firstLine} from '../../test-support/first-line.ts'
import {FIXTURE_FILE, type LakeFixture, startLakeFixture} from '../../test-support/lake-fixture.ts'
import {createTwoHosts, type TwoHosts} from '../../test-support/network-namespaces.ts'
import {startLocalLake} from '../server/start-local-lake.ts'

let fixture: LakeFixture | undefined
afterEach(async () => {
  await fixture?.close()
  fixture = undefined
})

const TOKEN = 'test-token-0123456789abcdef'

describe('the token', () => {
  it('is required for writes: an anonymous or wrong-token client gets 401 and nothing is written', async () => {
    fixture = await startLakeFixture({token: TOKEN})
    const bytes = await fixture.readText()
    const anonymous = createClient({...fixture.lake.clientConfig, token: undefined})
    const error = await anonymous.create({_id: 'x', _type: 'note'}).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(ClientError)
    expect(error).toMatchObject({statusCode: 401})
    expect((error as Error).message).toMatch(/^Requests to \/data\/mutate need the local lake's token/)
    const wrong = createClient({...fixture.lake.clientConfig, token: 'not-the-token-at-all-000'})
    await expect(wrong.create({_id: 'x', _type: 'note'})).rejects.toMatchObject({statusCode: 401})
    expect(await fixture.readText()).toBe(bytes)
    await fixture.client.create({_id: 'x', _type: 'note'})
    expect(await fixture.client.getDocument('x')).toMatchObject({_id: 'x'})
  })

  it('is required for drafts: perspective drafts or raw without it is 401', async () => {
    fixture = await startLakeFixture({token: TOKEN})
    const anonymous = createClient({...fixture.lake.clientConfig, token: undefined})
    for (const perspective of ['drafts', 'raw', 'previewDrafts'] as const) {
      await expect(anonymous.fetch('*._id', {}, {perspective})).rejects.toMatchObject({statusCode: 401})
    }
    expect(await fixture.client.fetch('*[_id in path("drafts.**")]._id', {}, {perspective: 'raw'})).toEqual([
      'drafts.treatment-botox',
      'drafts.treatment-peel',
    ])
  })

  it('lets anonymous loopback clients read published documents, even on API versions that default to raw', async () => {
    fixture = await startLakeFixture({token: TOKEN})
    for (const apiVersion of ['2025-02-19', '2021-10-21', '1']) {
      const anonymous = createClient({...fixture.lake.clientConfig, apiVersion, token: undefined})
      expect(await anonymous.fetch('*._id')).toEqual(['treatment-botox', 'treatment-fillers', 'clinic-berlin'])
    }
  })

  it('hides drafts from anonymous /data/doc reads, as Content Lake does', async () => {
    fixture = await startLakeFixture({token: TOKEN})
    const response = await fetch(`${fixture.lake.url}/v2025-02-19/data/doc/production/treatment-botox,drafts.treatment-botox`)
    expect(await response.json()).toMatchObject({
      documents: [{_id: 'treatment-botox'}],
      omitted: [{id: 'drafts.treatment-botox', reason: 'permission'}],
    })
    expect(await fixture.client.getDocument('drafts.treatment-botox')).toMatchObject({_id: 'drafts.treatment-botox'})
  })

  it('is made at random when not given, and refused when too short (without echoing it)', async () => {
    fixture = await startLakeFixture()
    expect(fixture.lake.token).toMatch(/^[A-Za-z0-9_-]{32}$/)
    await expect(startLocalLake({datasets: {production: []}, token: 'short'})).rejects.toThrow(
      new TypeError(
        'startLocalLake: option "token" must be a string of 16 to 512 visible ASCII characters without spaces; received a string of 5 characters',
      ),
    )
  })

})

describe('a request from another machine', () => {
  // A real one: the lake (`pnpm lake --host 0.0.0.0`) in one network namespace, the client in
  // another, joined by a virtual Ethernet link, so the remote address is not loopback on any host.
  let hosts: TwoHosts | undefined
  let lakeProcess: ChildProcess | undefined
  afterEach(async () => {
    if (lakeProcess?.exitCode === null) {
      const exited = once(lakeProcess, 'exit')
      lakeProcess.kill('SIGTERM')
      await exited
    }
    lakeProcess = undefined
    await hosts?.remove()
    hosts = undefined
  })

  /** The status and body of each GET `paths[i]` made from `host`, with `headers`. */
  async function getFrom(host: 'server' | 'client', base: string, requests: Array<{path: string; headers?: Record<string, string>}>) {
    const script = `const out = []; for (const r of ${JSON.stringify(requests)}) { const res = await fetch(${JSON.stringify(base)} + r.path, {headers: r.headers ?? {}}); out.push({status: res.status, body: await res.json()}) } console.log(JSON.stringify(out))`
    const child = hosts!.spawnIn(host, process.execPath, ['--input-type=module', '-e', script])
    let stdout = ''
    let stderr = ''
    child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')))
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')))
    const [code] = (await once(child, 'exit')) as [number]
    expect(stderr).toBe('')
    expect(code).toBe(0)
    return JSON.parse(stdout) as Array<{status: number; body: {result?: unknown; documents?: unknown[]; error?: {type: string}}}>
  }

  it('needs the token for every request, published reads included; the same read from loopback does not', async () => {
    hosts = await createTwoHosts()
    const root = fileURLToPath(new URL('../../../../../', import.meta.url))
    lakeProcess = hosts.spawnIn(
      'server',
      process.execPath,
      ['--conditions=@treatments/source', 'scripts/lake.ts', '--host', '0.0.0.0', '--port', '3334', '--token', TOKEN, '--read-only', '--dataset', `production=${FIXTURE_FILE}`],
      {cwd: root},
    )
    expect(await firstLine(lakeProcess)).toBe('Local lake listening on http://0.0.0.0:3334 (read-only)')
    const query = {path: '/v2025-02-19/data/query/production?query=count(*)'}
    const doc = {path: '/v2025-02-19/data/doc/production/treatment-botox'}
    const withToken = {...query, headers: {Authorization: `Bearer ${TOKEN}`}}
    const remote = await getFrom('client', `http://${hosts.serverAddress}:3334`, [query, doc, withToken])
    expect(remote).toEqual([
      {status: 401, body: expect.objectContaining({error: expect.objectContaining({type: 'httpUnauthorized'})})},
      {status: 401, body: expect.objectContaining({error: expect.objectContaining({type: 'httpUnauthorized'})})},
      {status: 200, body: expect.objectContaining({result: 3})},
    ])
    expect(await getFrom('server', 'http://127.0.0.1:3334', [query])).toEqual([{status: 200, body: expect.objectContaining({result: 3})}])
  })
})

describe('CORS', () => {
  const query = (url: string) => `${url}/v2025-02-19/data/query/production?query=*._id&perspective=raw`

  it('refuses the preflight and every request of a page on another origin; no data is read', async () => {
    fixture = await startLakeFixture()
    const preflight = await fetch(query(fixture.lake.url), {
      method: 'OPTIONS',
      headers: {Origin: 'http://localhost:5173', 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'authorization'},
    })
    expect(preflight.status).toBe(403)
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull()
    expect(preflight.headers.get('access-control-allow-credentials')).toBeNull()
    // Even with the token (which a hostile page should not have), no answer carries data.
    const read = await fetch(query(fixture.lake.url), {headers: {Origin: 'http://localhost:5173', ...fixture.auth}})
    expect(read.status).toBe(403)
    expect(read.headers.get('access-control-allow-origin')).toBeNull()
    const body = await read.text()
    expect(body).not.toContain('treatment-botox')
    expect(JSON.parse(body)).toMatchObject({
      error: {type: 'httpForbidden', description: 'Origin http://localhost:5173 is not allowed to use the local lake; start it with --cors-origin http://localhost:5173 if you trust that page'},
    })
  })

  it('answers the Studio origin (by default) with its own origin and credentials, never *', async () => {
    fixture = await startLakeFixture()
    for (const origin of ['http://localhost:3333', 'https://localhost:3333']) {
      const preflight = await fetch(query(fixture.lake.url), {
        method: 'OPTIONS',
        headers: {Origin: origin, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'authorization,content-type'},
      })
      expect(preflight.status).toBe(204)
      expect(preflight.headers.get('access-control-allow-origin')).toBe(origin)
      expect(preflight.headers.get('access-control-allow-credentials')).toBe('true')
      expect(preflight.headers.get('access-control-allow-headers')).toContain('Authorization')
      expect(preflight.headers.get('vary')).toBe('Origin')
      const read = await fetch(query(fixture.lake.url), {headers: {Origin: origin, ...fixture.auth}})
      expect(read.headers.get('access-control-allow-origin')).toBe(origin)
      expect(await read.json()).toMatchObject({result: expect.arrayContaining(['drafts.treatment-botox'])})
    }
  })

  it('allows exactly the origins listed, and refuses "*" as an option', async () => {
    fixture = await startLakeFixture({corsOrigins: ['http://localhost:5173']})
    const allowed = await fetch(query(fixture.lake.url), {headers: {Origin: 'http://localhost:5173', ...fixture.auth}})
    expect(allowed.headers.get('access-control-allow-origin')).toBe('http://localhost:5173')
    const studio = await fetch(query(fixture.lake.url), {headers: {Origin: 'http://localhost:3333'}})
    expect(studio.status).toBe(403)
    await expect(startLocalLake({datasets: {production: []}, corsOrigins: ['*']})).rejects.toThrow(
      /option "corsOrigins" must be an array of origins like \["http:\/\/localhost:3333"\] \(scheme, host and port only; "\*" is not allowed\); received the string "\*"/,
    )
  })
})

describe('the Host check', () => {
  it('accepts <projectId>.localhost, which @sanity/client builds from a localhost apiHost', async () => {
    fixture = await startLakeFixture()
    const client = createClient({
      projectId: 'abc123',
      dataset: 'production',
      apiHost: `http://localhost:${fixture.lake.port}`,
      useProjectHostname: true,
      apiVersion: '2025-02-19',
      useCdn: false,
    })
    expect(client.getUrl('/data/query/production')).toBe(`http://abc123.localhost:${fixture.lake.port}/v2025-02-19/data/query/production`)
    const response = await fetch(`${fixture.lake.url}/v2025-02-19/data/query/production?query=count(*)`, {
      headers: {Host: `abc123.localhost:${fixture.lake.port}`},
    })
    expect(await response.json()).toMatchObject({result: 3})
  })
})
