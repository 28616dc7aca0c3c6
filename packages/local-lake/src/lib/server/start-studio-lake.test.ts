import {mkdir, mkdtemp, readFile, rm, writeFile} from 'node:fs/promises'
import {connect} from 'node:http2'
import {request as httpsRequest} from 'node:https'
import {tmpdir} from 'node:os'
import {connect as tlsConnect} from 'node:tls'
import {join} from 'node:path'

import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import {FIXTURE_FILE} from '../../test-support/lake-fixture.ts'
import {readToEnd} from '../../test-support/read-to-end.ts'
import {LOCAL_GRANTS, LOCAL_PROJECT_GRANTS, LOCAL_USER} from '../endpoints/handle-studio-api.ts'
import {authorIdentity, authorOfIdentity} from '../lake-identity.ts'
import {loadLocalCertificate} from './local-certificate.ts'
import {type StudioLake, startStudioLake} from './start-studio-lake.ts'

const TOKEN = 'test-token-0123456789abcdef-0123456789'

let directory: string
let studio: StudioLake

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'studio-lake-'))
  const studioDir = join(directory, 'dist')
  await mkdir(join(studioDir, 'static'), {recursive: true})
  await writeFile(join(studioDir, 'index.html'), '<!doctype html><title>Studio</title>')
  await writeFile(join(studioDir, 'static', 'app.js'), 'console.log("studio")')
  await writeFile(join(directory, 'dataset.ndjson'), await readFile(FIXTURE_FILE))
  studio = await startStudioLake({
    datasets: {production: join(directory, 'dataset.ndjson')},
    studioDir,
    token: TOKEN,
    certificateDir: join(directory, 'tls'),
  })
})
afterAll(async () => {
  await studio?.close()
  await rm(directory, {recursive: true, force: true})
})

interface Answer {
  status: number
  headers: Record<string, unknown>
  text: string
}

/** One HTTP/2 request, as a browser on `authority` would send it. */
function h2(
  path: string,
  {token, authority = `local.localhost:${studio.port}`, method = 'GET', body, headers: extra = {}}: {token?: string; authority?: string; method?: string; body?: string; headers?: Record<string, string>} = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const session = connect(`https://127.0.0.1:${studio.port}`, {ca: studio.certificate.cert, servername: 'localhost'})
    session.once('error', reject)
    const stream = session.request({':method': method, ':path': path, ':authority': authority, ...(token ? {authorization: `Bearer ${token}`} : {}), ...extra})
    let headers: Record<string, unknown> = {}
    let text = ''
    stream.on('response', (received) => (headers = received))
    stream.setEncoding('utf8')
    stream.on('data', (chunk: string) => (text += chunk))
    stream.on('end', () => {
      session.close()
      resolve({status: Number(headers[':status']), headers, text})
    })
    stream.on('error', reject)
    stream.end(body)
  })
}

describe('startStudioLake', () => {
  it('serves over HTTP/2 with a certificate for localhost and <projectId>.localhost', async () => {
    expect(studio.url).toBe(`https://local.localhost:${studio.port}/`)
    expect(studio.loginUrl).toBe(`${studio.url}#token=${TOKEN}`)
    const answer = await h2('/')
    expect(answer.status).toBe(200)
    expect(answer.text).toContain('<title>Studio</title>')
  })

  it('still answers HTTP/1.1 clients', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const request = httpsRequest({host: '127.0.0.1', port: studio.port, path: '/static/app.js', ca: studio.certificate.cert, servername: 'localhost', headers: {host: 'localhost'}}, (response) => {
        response.resume()
        resolve(response.statusCode ?? 0)
      })
      request.once('error', reject)
      request.end()
    })
    expect(status).toBe(200)
  })

  it('answers an HTTP/1.1 request with two Content-Length headers with 400 in Sanity\'s error shape and keeps serving', async () => {
    const socket = tlsConnect({host: '127.0.0.1', port: studio.port, ca: studio.certificate.cert, servername: 'localhost', ALPNProtocols: ['http/1.1']}, () =>
      socket.write('POST /v2025-02-19/data/query/production HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 13\r\nContent-Length: 5\r\n\r\n{"query":"1"}'),
    )
    const answer = await readToEnd(socket)
    const [head = '', body = ''] = answer.split('\r\n\r\n')
    expect(head).toMatch(/^HTTP\/1\.1 400 /)
    expect(head).toMatch(/\r\ncontent-type: application\/json; charset=utf-8\r\n/i)
    expect(JSON.parse(body)).toEqual({error: {type: 'httpBadRequest', description: expect.stringMatching(/Content-Length/)}})
    expect((await h2('/static/app.js')).status).toBe(200)
  })

  it("serves the Studio's index for its own routes, so a reload of /structure/treatment works", async () => {
    const answer = await h2('/structure/treatment;treatment-botox')
    expect(answer.status).toBe(200)
    expect(answer.text).toContain('<title>Studio</title>')
  })

  it("serves the Studio's files so that no other site keeps a handle on its window or frames it", async () => {
    for (const path of ['/', '/structure/treatment', '/static/app.js']) {
      const {status, headers} = await h2(path)
      expect(status, path).toBe(200)
      expect(headers['cross-origin-opener-policy'], path).toBe('same-origin-allow-popups')
      expect(headers['content-security-policy'], path).toBe("frame-ancestors 'self'")
      expect(headers['x-frame-options'], path).toBe('SAMEORIGIN')
      expect(headers['x-content-type-options'], path).toBe('nosniff')
    }
  })

  it('answers /users/me and the dataset ACL only with the token', async () => {
    for (const path of ['/v2025-02-19/users/me', '/v2025-02-19/projects/local/datasets/production/acl']) {
      const anonymous = await h2(path)
      expect(anonymous.status).toBe(401)
      expect(JSON.parse(anonymous.text)).toMatchObject({error: {type: 'httpUnauthorized'}})
      expect((await h2(path, {token: 'wrong-token-0123456789abcdef'})).status).toBe(401)
    }
    expect(JSON.parse((await h2('/v2025-02-19/users/me', {token: TOKEN})).text)).toEqual(LOCAL_USER)
    expect(JSON.parse((await h2('/vX/projects/local/datasets/production/acl', {token: TOKEN})).text)).toEqual(LOCAL_GRANTS)
  })

  it('names the users of the history: the editor, and each tool that named itself as a write’s author, only with the token', async () => {
    const tool = authorIdentity('translations import übersetzung.xlf')
    const path = `/v2021-06-07/users/${tool},${LOCAL_USER.id},someone-else,lake-author.${'@'.repeat(4)}`
    expect((await h2(path)).status).toBe(401)
    expect(JSON.parse((await h2(path, {token: TOKEN})).text)).toEqual([
      {id: tool, displayName: 'translations import übersetzung.xlf', isCurrentUser: false},
      {id: LOCAL_USER.id, displayName: LOCAL_USER.name, isCurrentUser: true},
    ])
    // An id that is not one authorIdentity makes (not base64url, or not a valid author name) names no one.
    expect(authorOfIdentity(`lake-author.${Buffer.from('a\u0000b').toString('base64url')}`)).toBeUndefined()
    expect(authorOfIdentity(`${tool}=`)).toBeUndefined()
  })

  it('answers on the plain localhost host too (Sanity SDK requests)', async () => {
    expect((await h2('/v2025-02-19/users/me', {token: TOKEN, authority: `localhost:${studio.port}`})).status).toBe(200)
  })

  it('answers the project requests the Studio makes as a one-user project would, only with the token', async () => {
    const answers: Record<string, unknown> = {
      '/v2025-02-19/projects/local/grants': LOCAL_PROJECT_GRANTS,
      '/vX/features': [],
      '/vX/projects/local/user-applications': [],
      '/vX/journey/trial?studioVersion=6.16.0': null,
      '/v1/help?m=sanity%406.16.0': {resources: {sectionArray: []}},
      '/vX/intake/telemetry-status': {status: 'denied'},
      '/vX/projects/local/datasets?datasetProfile=comments&addonFor=production': [],
      '/vX/schedules/local/production?limit=1': {schedules: []},
      '/vX/users/me/keyvalue/studio.announcement.seen': [],
      '/v2026-05-04/auth/id': {id: LOCAL_USER.id},
    }
    for (const [path, body] of Object.entries(answers)) {
      expect((await h2(path)).status, path).toBe(401)
      const answer = await h2(path, {token: TOKEN})
      expect(answer.status, path).toBe(200)
      expect(JSON.parse(answer.text), path).toEqual(body)
    }
    expect(JSON.parse((await h2('/v2021-12-15/projects/local', {token: TOKEN})).text)).toMatchObject({id: 'local', members: [{id: LOCAL_USER.id, isCurrentUser: true}]})
    expect(JSON.parse((await h2('/vX/projects/local/datasets', {token: TOKEN})).text)).toEqual([expect.objectContaining({name: 'production', aclMode: 'private'})])
    // Incoming references from other datasets: the local datasets hold none (nothing private: a read).
    expect(JSON.parse((await h2('/v2025-02-19/data/references/production/documents/a/to?excludeInternalReferences=true&excludePaths=true')).text)).toEqual({totalCount: 0, references: []})
    // The protocol probe carries no token.
    expect((await h2('/v2025-03-01/ping')).status).toBe(200)
  })

  it("keeps the Studio's key-value pairs (layout, sort order) for the token holder", async () => {
    const pairs = [{key: 'studio.structure-tool.layout.treatment', value: 'detail'}]
    const put = await h2('/vX/users/me/keyvalue', {token: TOKEN, method: 'PUT', body: JSON.stringify(pairs)})
    expect(put.status).toBe(200)
    expect(JSON.parse(put.text)).toEqual(pairs)
    const got = await h2('/vX/users/me/keyvalue/studio.structure-tool.layout.treatment,studio.structure-tool.sort-order.treatment', {token: TOKEN})
    expect(JSON.parse(got.text)).toEqual(pairs)
    expect((await h2('/vX/users/me/keyvalue', {method: 'PUT', body: JSON.stringify(pairs)})).status).toBe(401)
    expect((await h2('/vX/users/me/keyvalue', {token: TOKEN, method: 'PUT', body: '[{"value": 1}]'})).status).toBe(400)
  })

  it('says which hosted services are not available offline, with 404', async () => {
    for (const path of ['/vX/comments/production', '/vX/media-libraries', '/vX/auth/providers']) {
      const answer = await h2(path, {token: TOKEN})
      expect(answer.status, path).toBe(404)
      expect(JSON.parse(answer.text).error.description).toContain('not available offline')
    }
    expect((await h2('/vX/projects/local/datasets/staging/acl', {token: TOKEN})).status).toBe(404)
  })

  it('refuses a request addressed to another host name (DNS rebinding)', async () => {
    const answer = await h2('/', {authority: `evil.example:${studio.port}`})
    expect(answer.status).toBe(403)
    expect(answer.text).not.toContain('<title>Studio</title>')
  })

  it('routes the data API to the local lake', async () => {
    const answer = await h2(`/v2025-02-19/data/query/production?query=${encodeURIComponent('count(*[_type == "treatment"])')}`, {token: TOKEN})
    expect(answer.status).toBe(200)
    expect(JSON.parse(answer.text).result).toBe(2)
  })

  it('opens from a link on any site, and refuses its files, project API and data API to other sites without CORS', async () => {
    const navigate = {'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'navigate', 'sec-fetch-dest': 'document'}
    const image = {'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'no-cors', 'sec-fetch-dest': 'image'}
    expect((await h2('/structure', {headers: navigate})).status).toBe(200)
    expect((await h2('/static/app.js', {headers: {...image, 'sec-fetch-dest': 'script'}})).status).toBe(403)
    expect((await h2('/v2025-02-19/users/me', {token: TOKEN, headers: image})).status).toBe(403)
    expect((await h2('/v2025-02-19/data/query/production?query=1', {headers: navigate})).status).toBe(403)
    expect((await h2('/v2025-02-19/data/query/production?query=1', {headers: image})).status).toBe(403)
    // The Studio's own requests are same-origin.
    expect((await h2('/v2025-02-19/data/query/production?query=1', {headers: {'sec-fetch-site': 'same-origin', 'sec-fetch-mode': 'cors', 'sec-fetch-dest': 'empty'}})).status).toBe(200)
  })

  it('reuses the certificate it made at first start', async () => {
    const again = await loadLocalCertificate(join(directory, 'tls'), ['local.localhost'])
    expect(again.created).toBe(false)
    expect(again.fingerprint).toBe(studio.certificate.fingerprint)
  })

  it('serves only the API to a Studio dev server on a listed origin (pnpm studio --dev)', async () => {
    const dev = await startStudioLake({
      datasets: {staging: join(directory, 'dataset.ndjson')},
      corsOrigins: ['http://localhost:4444'],
      inMemory: true,
      certificateDir: join(directory, 'tls'),
    })
    try {
      const ask = (path: string, headers: Record<string, string>, method = 'GET') =>
        new Promise<Answer>((resolve, reject) => {
          const session = connect(`https://127.0.0.1:${dev.port}`, {ca: dev.certificate.cert, servername: 'localhost'})
          session.once('error', reject)
          const stream = session.request({':method': method, ':path': path, ':authority': `local.localhost:${dev.port}`, ...headers})
          let received: Record<string, unknown> = {}
          let text = ''
          stream.on('response', (value) => (received = value))
          stream.setEncoding('utf8').on('data', (chunk: string) => (text += chunk))
          stream.on('end', () => {
            session.close()
            resolve({status: Number(received[':status']), headers: received, text})
          })
          stream.end()
        })
      const preflight = await ask('/v2026-05-04/users/me', {origin: 'http://localhost:4444', 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization,x-sanity-app'}, 'OPTIONS')
      expect(preflight.status).toBe(204)
      expect(preflight.headers['access-control-allow-origin']).toBe('http://localhost:4444')
      expect(String(preflight.headers['access-control-allow-headers'])).toMatch(/X-Sanity-App/)
      const me = await ask('/v2026-05-04/users/me', {origin: 'http://localhost:4444', authorization: `Bearer ${dev.token}`})
      expect(me.status).toBe(200)
      expect(me.headers['access-control-allow-origin']).toBe('http://localhost:4444')
      expect((await ask('/v2026-05-04/users/me', {origin: 'http://localhost:5555', authorization: `Bearer ${dev.token}`})).status).toBe(403)
      // The dev server is another port (same-site, or cross-site over http): its CORS requests pass, its Origin-less ones do not.
      const fromDev = {'sec-fetch-site': 'same-site', 'sec-fetch-mode': 'cors', 'sec-fetch-dest': 'empty'}
      expect((await ask('/v2026-05-04/data/query/staging?query=1', {...fromDev, origin: 'http://localhost:4444'})).status).toBe(200)
      expect((await ask('/v2026-05-04/data/query/staging?query=1', {...fromDev, 'sec-fetch-mode': 'no-cors', 'sec-fetch-dest': 'image'})).status).toBe(403)
      const page = await ask('/', {})
      expect(page.status).toBe(404)
      expect(JSON.parse(page.text).error.description).toContain('pnpm studio --dev')
    } finally {
      await dev.close()
    }
  })

  it('refuses a token the Studio could not read from its address (under 32 characters)', async () => {
    await expect(
      startStudioLake({datasets: {production: join(directory, 'dataset.ndjson')}, studioDir: join(directory, 'dist'), token: 'short-token-0123456789', certificateDir: join(directory, 'tls')}),
    ).rejects.toThrow(/option "token" must have at least 32 characters.*received a string of 22 characters$/)
  })

  it('refuses to start without a built Studio, naming the folder', async () => {
    await expect(
      startStudioLake({datasets: {production: join(directory, 'dataset.ndjson')}, studioDir: join(directory, 'nothing'), certificateDir: join(directory, 'tls')}),
    ).rejects.toMatchObject({code: 'STUDIO_NOT_BUILT', message: expect.stringContaining(join(directory, 'nothing'))})
  })
})

describe('requests that are not URLs', () => {
  it('answers `GET //` with 400 over HTTP/2 and keeps serving', async () => {
    for (const path of ['//', '///', '//@']) {
      const answer = await h2(path)
      expect(answer.status, path).toBe(400)
      expect(JSON.parse(answer.text)).toMatchObject({error: {type: 'httpBadRequest'}})
    }
    expect((await h2('/index.html')).status).toBe(200)
  })
})

