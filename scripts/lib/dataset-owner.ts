import {realpath} from 'node:fs/promises'
import {resolve} from 'node:path'

import {readDatasetLock, type DatasetLockOwner} from '@treatments/local-lake'

/**
 * The running process (a local lake) that owns the dataset file at `path`, from its lock file,
 * looked for beside the path as given and beside the file it leads to (a lake started on a
 * symlink locks the link's name); `undefined` when none. A lake holds its dataset in memory and
 * writes the whole file on each change, so a command writing the file under it would be undone.
 */
export async function datasetOwner(path: string): Promise<DatasetLockOwner | undefined> {
  const given = resolve(path)
  const target = await realpath(given).catch(() => given)
  return (await readDatasetLock(given)) ?? (target === given ? undefined : await readDatasetLock(target))
}

/** How a message names an owner: `pnpm lake (PID 42, listening on http://127.0.0.1:3334)`. */
export function describeOwner(owner: DatasetLockOwner): string {
  return `${owner.command} (PID ${owner.pid}, ${owner.url === null ? 'not listening yet' : `listening on ${owner.url}`})`
}
