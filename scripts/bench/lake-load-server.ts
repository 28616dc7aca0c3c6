/**
 * The lake under load, in its own process so the load generator does not share its event loop:
 * serves the NDJSON file given as the first argument (read-only) and prints `{"url"}` once it
 * listens. Stopped with SIGTERM.
 */
import {startLocalLake} from '@treatments/local-lake'

const file = process.argv[2]
if (file === undefined) throw new TypeError('usage: lake-load-server.ts FILE')
const lake = await startLocalLake({datasets: {production: file}, readOnly: true, lock: false})
process.stdout.write(`${JSON.stringify({url: lake.url})}\n`)
process.on('SIGTERM', () => {
  void lake.close().then(() => process.exit(0))
})
