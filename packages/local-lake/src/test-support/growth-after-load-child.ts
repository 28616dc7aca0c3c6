/**
 * Starts a read-only lake on the NDJSON file given as the first argument (run it with
 * `--expose-gc`, as `pnpm lake` runs), then keeps about 60 MB of new small objects, as serving
 * promotes what outlives its requests, and prints as one JSON line `{"majorCollections"}`: how
 * many major collections that growth started.
 */
import {PerformanceObserver, constants} from 'node:perf_hooks'

import {startLocalLake} from '../lib/server/start-local-lake.ts'

const file = process.argv[2]
if (file === undefined) throw new TypeError('usage: growth-after-load-child.ts FILE')
const lake = await startLocalLake({datasets: {production: file}, readOnly: true, lock: false, queryWorkers: 0})
let majorCollections = 0
const collections = new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    if ((entry as PerformanceEntry & {detail?: {kind?: number}}).detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR) majorCollections++
  }
})
collections.observe({entryTypes: ['gc']})
const kept: unknown[] = []
for (let step = 0; step < 100; step++) {
  kept.push(Array.from({length: 10_000}, (_, index) => ({index, text: `x${index}`})))
  await new Promise((resolve) => setImmediate(resolve))
}
await new Promise((resolve) => setTimeout(resolve, 50))
collections.disconnect()
process.stdout.write(`${JSON.stringify({majorCollections, kept: kept.length})}\n`)
await lake.close()
