import {copyFile, mkdtemp, readFile, rm} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

import {type SanityClient, createClient} from '@sanity/client'

import {parseNdjson} from '../lib/parse-ndjson.ts'
import type {LakeDocument} from '../lib/lake-document.ts'
import type {StartLocalLakeOptions} from '../lib/lake-options.ts'
import {type LocalLake, startLocalLake} from '../lib/start-local-lake.ts'

/** Path of the fixture dataset shipped with the tests (never written to). */
export const FIXTURE_FILE = new URL('./fixture.ndjson', import.meta.url).pathname

/** A local lake over a private copy of the fixture dataset, with a real `@sanity/client`. */
export interface LakeFixture {
  lake: LocalLake
  /** `@sanity/client` configured exactly as an app would be to use the lake. */
  client: SanityClient
  /** The temporary dataset file the lake persists to. */
  file: string
  /** Current bytes of {@link LakeFixture.file}. */
  readText(): Promise<string>
  /** Current documents in {@link LakeFixture.file}. */
  readDocuments(): Promise<LakeDocument[]>
  /** Stops the lake and deletes the temporary directory. */
  close(): Promise<void>
}

/** Copies the fixture dataset into a fresh temporary directory and starts a lake over it. */
export async function startLakeFixture(options: Partial<StartLocalLakeOptions> = {}): Promise<LakeFixture> {
  const directory = await mkdtemp(join(tmpdir(), 'local-lake-'))
  const file = join(directory, 'dataset.ndjson')
  await copyFile(FIXTURE_FILE, file)
  let lake: LocalLake
  try {
    lake = await startLocalLake({datasets: {production: file}, ...options})
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
  })
  const readText = () => readFile(file, 'utf8')
  return {
    lake,
    client,
    file,
    readText,
    readDocuments: async () => parseNdjson(await readText(), file),
    close: async () => {
      await lake.close()
      await rm(directory, {recursive: true, force: true})
    },
  }
}

/** The fixture dataset's documents, parsed. */
export async function fixtureDocuments(): Promise<LakeDocument[]> {
  return parseNdjson(await readFile(FIXTURE_FILE, 'utf8'), FIXTURE_FILE)
}
