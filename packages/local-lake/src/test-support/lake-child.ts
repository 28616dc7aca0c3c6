/**
 * A lake in its own process, for tests that kill it: serves the NDJSON file given as the first
 * argument and prints `{"url", "token", "pid"}` as one line on stdout once it listens.
 */
import {startLocalLake} from '../lib/server/start-local-lake.ts'

const file = process.argv[2]
if (file === undefined) throw new TypeError('usage: lake-child.ts FILE')
const lake = await startLocalLake({datasets: {production: file}, lock: {command: 'a child lake', server: true}})
process.stdout.write(`${JSON.stringify({url: lake.url, token: lake.token, pid: process.pid})}\n`)
process.on('SIGTERM', () => {
  void lake.close().then(() => process.exit(0))
})
