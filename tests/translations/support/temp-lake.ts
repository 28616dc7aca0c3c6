import {copyFile, mkdtemp, readFile, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

import {createClient, type SanityClient} from '@sanity/client'
import {parseNdjson, type DatasetDocument} from '@treatments/content/local-dataset'
import {startLocalLake, type LocalLake} from '@treatments/local-lake'

import {defaultDatasetPath} from '../../../scripts/lib/paths.ts'

/** A local lake over a private copy of a dataset file, with the real `@sanity/client`. */
export interface TempLake {
  lake: LocalLake
  client: SanityClient
  /** The dataset file the lake writes to. */
  file: string
  directory: string
  readText(): Promise<string>
  readDocuments(): Promise<DatasetDocument[]>
  close(): Promise<void>
}

/**
 * Copies `content/dataset.ndjson` (or writes `contents`) into a new temporary directory and starts
 * a lake over it on 127.0.0.1, port 0.
 */
export async function startTempLake(contents?: string): Promise<TempLake> {
  const directory = await mkdtemp(join(tmpdir(), 'translations-'))
  const file = join(directory, 'dataset.ndjson')
  if (contents === undefined) await copyFile(defaultDatasetPath, file)
  else await writeFile(file, contents)
  const lake = await startLocalLake({datasets: {production: file}, port: 0, host: '127.0.0.1'})
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
    directory,
    readText,
    readDocuments: async () => parseNdjson(await readText(), file),
    close: async () => {
      await lake.close()
      await rm(directory, {recursive: true, force: true})
    },
  }
}
