/**
 * `pnpm demo [--port N] [--host H] [--origin URL]`: starts the example site on the embedded
 * dataset, the NDJSON file in CONTENT_DATASET, or the Sanity project in SANITY_PROJECT_ID.
 */
import {existsSync} from 'node:fs'
import {isTreatmentContentError} from '@treatments/content'
import {contentFromEnv, startSite} from '@treatments/example-site'
import {CliError, exitWhenIdle, parsePort, runCli, UsageError} from './lib/cli.ts'

const USAGE = `Usage: pnpm demo [--port N] [--host HOST] [--origin URL]

Starts the example treatment site and prints its URL.

Options:
  -p, --port N      port to listen on (default: $PORT or 3000; 0 picks a free port)
      --host HOST   address to listen on (default 127.0.0.1, loopback only)
      --origin URL  public origin for canonical, hreflang and JSON-LD URLs
                    (default: http://localhost:PORT)
      --debug       show stack traces
  -h, --help        show this help

Content comes from, in order:
  SANITY_PROJECT_ID   a Sanity project (with SANITY_DATASET, default production;
                      optional SANITY_TOKEN and SANITY_API_HOST)
  CONTENT_DATASET     an NDJSON dataset file (relative to the directory you run it in)
  (neither)           the embedded dataset, content/dataset.ndjson`

/** Which environment variable sets each option of a Sanity project source. */
const envNames: Record<string, string> = {projectId: 'SANITY_PROJECT_ID', dataset: 'SANITY_DATASET', apiHost: 'SANITY_API_HOST', token: 'SANITY_TOKEN'}

await runCli(
  {name: 'demo', usage: USAGE, options: {port: {type: 'string', short: 'p'}, host: {type: 'string'}, origin: {type: 'string'}}},
  async ({values, path, display}) => {
    const port = values.port === undefined && process.env.PORT?.trim() ? parsePort(process.env.PORT, 'PORT') : parsePort(values.port ?? '3000')
    if (values.origin !== undefined && !URL.canParse(values.origin)) throw new UsageError(`--origin must be a URL such as https://clinic.example; got "${values.origin}"`)
    const env = {...process.env}
    if (!env.SANITY_PROJECT_ID?.trim() && env.CONTENT_DATASET?.trim()) {
      env.CONTENT_DATASET = path(env.CONTENT_DATASET.trim())
      if (!existsSync(env.CONTENT_DATASET)) throw new CliError(`CONTENT_DATASET names a file that does not exist: ${display(env.CONTENT_DATASET)}`)
    }
    const {content, description} = contentFromEnvVariables(env)
    if (!env.SANITY_PROJECT_ID?.trim()) {
      // A local file is read now, so a broken one is one line at start, not a 503 on every page.
      try {
        await content.listTreatments()
      } catch (error) {
        if (isTreatmentContentError(error)) throw new CliError(`cannot serve ${description}: ${error.message}`)
        throw error
      }
    }
    const host = values.host ?? '127.0.0.1'
    const origin = values.origin ?? (port === 0 ? undefined : `http://localhost:${port}`)
    let site
    try {
      site = await startSite({content, port, host, onError: logFailure, ...(origin === undefined ? {} : {origin})})
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      if (code === 'EADDRINUSE') throw new CliError(`port ${port} is in use: pass another with --port N (or PORT=N), or 0 for a free one`)
      if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') throw new CliError(`cannot listen on --host ${host}: no such local address`)
      throw error
    }
    const shown = host === '127.0.0.1' || host === 'localhost' ? `http://localhost:${site.port}` : site.url
    console.log(`Example site on ${shown}  (content: ${description})\nPress Ctrl+C to stop.`)
    stopOnSignal(site)
  },
)

/**
 * What the visitor's failed request was, in one line: content the package refused (the visitor
 * got the 503 page) says why, naming the request; anything else is a bug and keeps its stack.
 */
function logFailure(error: unknown, request: {method?: string; url?: string}): void {
  if (isTreatmentContentError(error)) console.error(`pnpm demo: ${request.method} ${request.url}: 503: ${error.message}`)
  else console.error(`pnpm demo: ${request.method} ${request.url}:`, error)
}

/** Closes the site on Ctrl+C or SIGTERM, forcing open connections shut after five seconds. */
function stopOnSignal(site: Awaited<ReturnType<typeof startSite>>) {
  let stopping = false
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (stopping) process.exit(1)
      stopping = true
      setTimeout(() => site.server.closeAllConnections(), 5000).unref()
      site.close().then(
        () => exitWhenIdle(0),
        (error: unknown) => {
          console.error(error)
          exitWhenIdle(1)
        },
      )
    })
  }
}

/** {@link contentFromEnv}, with a project setting the package refuses named by its variable, in one line. */
function contentFromEnvVariables(env: Record<string, string | undefined>): ReturnType<typeof contentFromEnv> {
  try {
    return contentFromEnv(env)
  } catch (error) {
    const option = error instanceof TypeError ? /^`createTreatmentContent` option `source\.(\w+)` (.*)$/.exec(error.message) : null
    const name = option ? envNames[option[1]!] : undefined
    if (name !== undefined) throw new CliError(`${name} ${option![2]}`)
    throw error
  }
}
