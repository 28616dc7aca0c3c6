/**
 * A lake in its own process, for tests that kill it or that must not share its event loop:
 * serves the NDJSON file given as the first argument and prints `{"url", "token", "pid"}` as one
 * line on stdout once it listens. `LAKE_CHILD_OPTIONS` (JSON) adds lake options. With
 * `--log-requests` it then prints one line per answered request:
 * `{"request": {method, url, site, dest, status}}` (site and dest: `Sec-Fetch-Site`, `Sec-Fetch-Dest`).
 */
import {startLocalLake} from '../lib/server/start-local-lake.ts'

const file = process.argv[2]
if (file === undefined) throw new TypeError('usage: lake-child.ts FILE [--log-requests]')
const extra = JSON.parse(process.env.LAKE_CHILD_OPTIONS ?? '{}') as Record<string, unknown>
const lake = await startLocalLake({datasets: {production: file}, lock: {command: 'a child lake', server: true}, ...extra})
if (process.argv.includes('--log-requests')) {
  lake.server.on('request', (request, response) => {
    response.once('finish', () => {
      const {method, url, headers} = request
      const line = {method, url, site: headers['sec-fetch-site'], dest: headers['sec-fetch-dest'], status: response.statusCode}
      process.stdout.write(`${JSON.stringify({request: line})}\n`)
    })
  })
}
process.stdout.write(`${JSON.stringify({url: lake.url, token: lake.token, pid: process.pid})}\n`)
process.on('SIGTERM', () => {
  // Ends when its event loop runs dry: process.exit() can deadlock in Node 24 (nodejs/node#54918).
  void lake.close().then(() => {
    process.exitCode = 0
  })
})
