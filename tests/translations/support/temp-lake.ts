import {startLakeFixture, type LakeFixture} from '../../../packages/local-lake/src/test-support/lake-fixture.ts'
import {defaultDatasetPath} from '../../../scripts/lib/paths.ts'

/** A local lake over a private copy of a dataset file, with the real `@sanity/client`. */
export type TempLake = LakeFixture

/**
 * Copies `content/dataset.ndjson` (or writes `contents`) into a new temporary directory and starts
 * a lake over it on 127.0.0.1, port 0.
 */
export function startTempLake(contents?: string): Promise<TempLake> {
  return startLakeFixture({}, contents === undefined ? {file: defaultDatasetPath} : {contents})
}
