/**
 * Starts a read-only lake on the NDJSON file given as the first argument (run it with
 * `--expose-gc`, as `pnpm lake` runs), prints the heap V8 keeps committed once the lake has
 * loaded as one JSON line `{"newSpaceBytes", "heapTotalBytes", "heapUsedBytes"}`, and exits.
 */
import {getHeapSpaceStatistics} from 'node:v8'

import {startLocalLake} from '../lib/server/start-local-lake.ts'

const file = process.argv[2]
if (file === undefined) throw new TypeError('usage: loaded-heap-child.ts FILE')
const lake = await startLocalLake({datasets: {production: file}, readOnly: true, lock: false, queryWorkers: 0})
const newSpace = getHeapSpaceStatistics().find((space) => space.space_name === 'new_space')
const {heapTotal, heapUsed} = process.memoryUsage()
process.stdout.write(`${JSON.stringify({newSpaceBytes: newSpace?.space_size, heapTotalBytes: heapTotal, heapUsedBytes: heapUsed})}\n`)
await lake.close()
