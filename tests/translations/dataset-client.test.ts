import {copyFile, mkdtemp, rm} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

import {describe, expect, it} from 'vitest'

import {DatasetClientError, localConfig, parseLakeUrl, projectConfig, withDatasetClient} from '../../scripts/lib/dataset-client.ts'
import {defaultDatasetPath} from '../../scripts/lib/paths.ts'
import {startLakeFixture} from '../../packages/local-lake/src/test-support/lake-fixture.ts'

describe('withDatasetClient', () => {
  it('uses the Sanity project from the environment when SANITY_PROJECT_ID is set', async () => {
    const env = {SANITY_PROJECT_ID: 'abc123', SANITY_DATASET: 'staging', SANITY_TOKEN: 'sk-test', SANITY_API_HOST: 'https://api.example.test'}
    const seen = await withDatasetClient(async (client, target) => ({config: client.config(), target}), {env})
    expect(seen.target).toEqual({kind: 'project', description: 'project abc123, dataset staging'})
    expect(seen.config).toMatchObject({projectId: 'abc123', dataset: 'staging', token: 'sk-test', apiVersion: '2025-02-19', useCdn: false, apiHost: 'https://api.example.test'})
  })

  it('says which variables are missing for a project', () => {
    expect(() => projectConfig('abc123', {})).toThrow(
      new DatasetClientError(
        'SANITY_PROJECT_ID is set, so the project is used, but SANITY_DATASET and SANITY_TOKEN are not: set SANITY_DATASET (e.g. production) and SANITY_TOKEN (an API token with write access), or unset SANITY_PROJECT_ID to use the local dataset file',
      ),
    )
    expect(() => projectConfig('ABC', {SANITY_DATASET: 'production', SANITY_TOKEN: 't'})).toThrow('SANITY_PROJECT_ID must contain only a-z, 0-9 and dashes (got "ABC")')
    // Without its scheme the host was reported as a server that cannot be reached ("unknown scheme").
    expect(() => projectConfig('abc123', {SANITY_DATASET: 'production', SANITY_TOKEN: 't', SANITY_API_HOST: 'localhost:3334'})).toThrow(
      new DatasetClientError('SANITY_API_HOST must be an http or https URL such as http://127.0.0.1:3334 (got "localhost:3334")'),
    )
  })

  it('otherwise starts a local lake over the dataset file, reads through the same client, and stops it afterwards', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'dataset-client-'))
    try {
      const file = join(directory, 'dataset.ndjson')
      await copyFile(defaultDatasetPath, file)
      let url = ''
      const count = await withDatasetClient(
        async (client, target) => {
          expect(target).toEqual({kind: 'file', description: `${file} (local lake)`})
          url = client.config().apiHost
          expect(client.config()).toMatchObject({...localConfig(url), apiHost: url})
          return client.fetch<number>('count(*)')
        },
        {env: {CONTENT_DATASET: file}},
      )
      expect(count).toBe(26)
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
      await expect(fetch(`${url}/v2025-02-19/data/query/production?query=1`)).rejects.toThrow()
    } finally {
      await rm(directory, {recursive: true, force: true})
    }
  })

  it('writes through the running lake that owns the file, so the lake never reverts the change', async () => {
    const lake = await startLakeFixture({}, {file: defaultDatasetPath})
    try {
      await withDatasetClient(
        async (client) => {
          expect(client.config().apiHost).toBe(lake.lake.url)
          await client.patch('condition-cellulite').set({importedBy: 'script'}).commit()
        },
        {env: {CONTENT_DATASET: lake.file}},
      )
      // The lake's next, unrelated write keeps the script's change.
      await lake.client.create({_id: 'note-after', _type: 'note'})
      const stored = await lake.readDocuments()
      expect(stored.find((document) => document._id === 'condition-cellulite')).toMatchObject({importedBy: 'script'})
      expect(stored.some((document) => document._id === 'note-after')).toBe(true)
    } finally {
      await lake.close()
    }
  })

  it('finds the token of the lake given with --lake in its lock file, when that lake serves the dataset file', async () => {
    const lake = await startLakeFixture({}, {file: defaultDatasetPath})
    try {
      const url = lake.lake.url.replace('127.0.0.1', 'localhost')
      await withDatasetClient(
        async (client) => {
          expect(client.config().token).toBe(lake.lake.token)
          await client.patch('condition-cellulite').set({seenBy: 'lock'}).commit()
        },
        {lake: url, env: {CONTENT_DATASET: lake.file}},
      )
      const withoutLock = await withDatasetClient(async (client) => client.config().token, {lake: url, env: {}})
      expect(withoutLock).toBeUndefined()
    } finally {
      await lake.close()
    }
  })

  it('refuses, naming the owner\'s PID, while another command (not a lake server) writes the file', async () => {
    const lake = await startLakeFixture({lock: {command: 'pnpm translations import', server: false}}, {file: defaultDatasetPath})
    try {
      const error = await withDatasetClient(async () => 'ran', {env: {CONTENT_DATASET: lake.file}}).catch((caught: unknown) => caught)
      expect(error).toMatchObject({code: 'DATASET_LOCKED'})
      expect((error as Error).message).toMatch(
        new RegExp(`^${lake.file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} is in use by pnpm translations import \\(PID ${process.pid}, listening on .*\\); wait for it to finish`),
      )
    } finally {
      await lake.close()
    }
  })

  it('accepts only http(s) lake URLs', () => {
    expect(parseLakeUrl('http://127.0.0.1:3333/')).toBe('http://127.0.0.1:3333')
    expect(() => parseLakeUrl('ftp://127.0.0.1:3333')).toThrow(new TypeError('--lake must be an http:// or https:// URL; got "ftp://127.0.0.1:3333"'))
    expect(() => parseLakeUrl('not a url')).toThrow(
      new TypeError('--lake must be the URL of a running local lake, such as http://127.0.0.1:3334 (what pnpm lake prints); got "not a url"'),
    )
  })
})
