/**
 * `pnpm demo [--port N] [--host H]`: starts the example site on the embedded dataset, the
 * NDJSON file in CONTENT_DATASET, or the Sanity project in SANITY_PROJECT_ID.
 */
import {existsSync} from 'node:fs'
import {parseArgs} from 'node:util'
import {contentFromEnv} from './lib/content-from-env.ts'
import {startSite} from './lib/start-site.ts'

const usage = `Usage: pnpm demo [--port N] [--host HOST] [--origin URL]

Starts the example treatment site and prints its URL.

Options:
  -p, --port N      port to listen on (default: $PORT or 3000; 0 picks a free port)
      --host HOST   address to listen on (default 127.0.0.1, loopback only)
      --origin URL  public origin for canonical, hreflang and JSON-LD URLs
                    (default: http://localhost:PORT)
  -h, --help        show this help

Content comes from, in order:
  SANITY_PROJECT_ID   a Sanity project (with SANITY_DATASET, default production;
                      optional SANITY_TOKEN and SANITY_API_HOST)
  CONTENT_DATASET     an NDJSON dataset file
  (neither)           the embedded dataset, content/dataset.ndjson`

let values: {port?: string | undefined; host?: string | undefined; origin?: string | undefined; help?: boolean | undefined}
try {
  ;({values} = parseArgs({
    options: {
      port: {type: 'string', short: 'p'},
      host: {type: 'string'},
      origin: {type: 'string'},
      help: {type: 'boolean', short: 'h'},
    },
  }))
} catch (error) {
  console.error(`${(error as Error).message}\n\n${usage}`)
  process.exit(2)
}

if (values.help) {
  console.log(usage)
  process.exit(0)
}

const portText = values.port ?? process.env.PORT ?? '3000'
const port = /^\d+$/.test(portText) ? Number(portText) : Number.NaN
if (!Number.isInteger(port) || port > 65_535) {
  console.error(`--port (or PORT) must be a port number from 0 to 65535, got ${JSON.stringify(portText)}`)
  process.exit(2)
}
if (!process.env.SANITY_PROJECT_ID?.trim() && process.env.CONTENT_DATASET?.trim() && !existsSync(process.env.CONTENT_DATASET.trim())) {
  console.error(`CONTENT_DATASET names a file that does not exist: ${process.env.CONTENT_DATASET}`)
  process.exit(2)
}

const {content, description} = contentFromEnv()
const host = values.host ?? '127.0.0.1'
let site
try {
  const origin = values.origin ?? (port === 0 ? undefined : `http://localhost:${port}`)
  site = await startSite({content, port, host, ...(origin === undefined ? {} : {origin})})
} catch (error) {
  const code = (error as NodeJS.ErrnoException).code
  console.error(code === 'EADDRINUSE' ? `Port ${port} is in use: pass another with --port, or PORT=…` : `Could not start the site: ${(error as Error).message}`)
  process.exit(1)
}
const shown = host === '127.0.0.1' || host === 'localhost' ? `http://localhost:${site.port}` : site.url
console.log(`Example site on ${shown}  (content: ${description})\nPress Ctrl+C to stop.`)

let stopping = false
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) process.exit(1)
    stopping = true
    const force = setTimeout(() => {
      site.server.closeAllConnections()
    }, 5000)
    force.unref()
    site.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error)
        process.exit(1)
      },
    )
  })
}
