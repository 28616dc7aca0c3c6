import {copyFile, mkdtemp, readFile, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

import {type SanityClient, createClient} from '@sanity/client'

import {parseNdjson} from './parse-ndjson.ts'
import type {DatasetDocument} from '@treatments/content/dataset'
import type {StartLocalLakeOptions} from '../lib/lake-options.ts'
import {type LocalLake, startLocalLake} from '../lib/server/start-local-lake.ts'

/** Path of the fixture dataset shipped with the tests (never written to). */
export const FIXTURE_FILE = new URL('./fixture.ndjson', import.meta.url).pathname

/** A local lake over a private copy of the fixture dataset, with a real `@sanity/client`. */
export interface LakeFixture {
  lake: LocalLake
  /** `@sanity/client` configured exactly as an app would be to use the lake, with its token. */
  client: SanityClient
  /** `Authorization: Bearer <token>` for raw `fetch` calls that write or read drafts. */
  auth: {Authorization: string}
  /** The temporary dataset file the lake persists to. */
  file: string
  /** The temporary directory holding {@link LakeFixture.file}; removed by `close()`. */
  directory: string
  /** Current bytes of {@link LakeFixture.file}. */
  readText(): Promise<string>
  /** Current documents in {@link LakeFixture.file}. */
  readDocuments(): Promise<DatasetDocument[]>
  /** Stops the lake and deletes the temporary directory. */
  close(): Promise<void>
}

/** Where a fixture's dataset comes from: a file to copy, or the NDJSON text itself. */
export type FixtureDataset = {file: string} | {contents: string}

/**
 * Copies a dataset (default: the fixture dataset) into a fresh temporary directory and starts a
 * lake over it on 127.0.0.1, port 0.
 */
export async function startLakeFixture(
  options: Partial<StartLocalLakeOptions> = {},
  dataset: FixtureDataset = {file: FIXTURE_FILE},
): Promise<LakeFixture> {
  const directory = await mkdtemp(join(tmpdir(), 'local-lake-'))
  const file = join(directory, 'dataset.ndjson')
  if ('file' in dataset) await copyFile(dataset.file, file)
  else await writeFile(file, dataset.contents)
  let lake: LocalLake
  try {
    // Stands in for `pnpm lake`: other commands on the same file send their writes to it.
    lake = await startLocalLake({datasets: {production: file}, lock: {command: 'a test lake', server: true}, ...options})
  } catch (error) {
    await rm(directory, {recursive: true, force: true})
    throw error
  }
  const client = createClient({
    apiHost: lake.url,
    useProjectHostname: false,
    projectId: 'local',
    dataset: 'production',
    apiVersion: '2025-02-19',
    useCdn: false,
    token: lake.token,
  })
  const readText = () => readFile(file, 'utf8')
  return {
    lake,
    client,
    auth: {Authorization: `Bearer ${lake.token}`},
    file,
    directory,
    readText,
    readDocuments: async () => parseNdjson(await readText(), file),
    close: async () => {
      await lake.close()
      await rm(directory, {recursive: true, force: true})
    },
  }
}

/** The fixture dataset's documents, parsed. */
export async function fixtureDocuments(): Promise<DatasetDocument[]> {
  return parseNdjson(await readFile(FIXTURE_FILE, 'utf8'), FIXTURE_FILE)
}
