/**
 * `pnpm next-site [--port N] [--host H] [--origin URL]`: builds @treatments/content and the
 * Next.js site (packages/next-site) on it, then serves the site with `next start`.
 */
import {spawn, spawnSync} from 'node:child_process'
import {existsSync} from 'node:fs'
import {createServer} from 'node:net'
import {join} from 'node:path'
import {CliError, parsePort, runCli, UsageError} from './lib/cli.ts'
import {repoRoot} from './lib/paths.ts'

const USAGE = `Usage: pnpm next-site [--port N] [--host HOST] [--origin URL]

Builds the package and the Next.js App Router site (packages/next-site) on it,
then serves the site and prints its URL.

Options:
  -p, --port N      port to listen on (default: $PORT or 3000; 0 picks a free port)
      --host HOST   address to listen on (default 127.0.0.1, loopback only)
      --origin URL  public origin for canonical, hreflang, sitemap and JSON-LD URLs
                    (default: http://localhost:PORT); pages are made with it at build time
      --debug       show stack traces
  -h, --help        show this help

Content comes from, in order:
  SANITY_PROJECT_ID   a Sanity project or local lake (with SANITY_DATASET, default production;
                      optional SANITY_TOKEN and SANITY_API_HOST)
  CONTENT_DATASET     an NDJSON dataset file (relative to the directory you run it in)
  (neither)           the embedded dataset, content/dataset.ndjson

POST /api/revalidate, signed like a Sanity webhook with SANITY_REVALIDATE_SECRET,
makes the pages again from the content without a rebuild.`

const siteDir = join(repoRoot, 'packages/next-site')
const nextBin = join(siteDir, 'node_modules/next/dist/bin/next')

await runCli(
  {name: 'next-site', usage: USAGE, options: {port: {type: 'string', short: 'p'}, host: {type: 'string'}, origin: {type: 'string'}}},
  async ({values, path, display}) => {
    const requested = values.port === undefined && process.env.PORT?.trim() ? parsePort(process.env.PORT, 'PORT') : parsePort(values.port ?? '3000')
    if (values.origin !== undefined && !/^https?:$/.test(URL.parse(values.origin)?.protocol ?? '')) {
      throw new UsageError(`--origin must be an http(s) URL such as https://clinic.example; got "${values.origin}"`)
    }
    const env: NodeJS.ProcessEnv = {...process.env, NEXT_TELEMETRY_DISABLED: '1'}
    if (!env.SANITY_PROJECT_ID?.trim() && env.CONTENT_DATASET?.trim()) {
      env.CONTENT_DATASET = path(env.CONTENT_DATASET.trim())
      if (!existsSync(env.CONTENT_DATASET)) throw new CliError(`CONTENT_DATASET names a file that does not exist: ${display(env.CONTENT_DATASET)}`)
    }
    const host = values.host ?? '127.0.0.1'
    // The port is taken now, so that a busy one is one line before a minute of building.
    const port = await availablePort(requested, host)
    env.SITE_ORIGIN = values.origin ?? `http://localhost:${port}`

    console.log('[1/3] Building @treatments/content (dist)…')
    run(pnpmCommand(['--filter', '@treatments/content', 'run', 'build']), repoRoot, env, 'building @treatments/content failed')
    console.log('[2/3] Building the Next.js site (next build)…')
    run([process.execPath, nextBin, 'build'], siteDir, env, 'next build failed (its output is above)')
    console.log(`[3/3] Starting the site on http://${host === '127.0.0.1' ? 'localhost' : host}:${port}  (origin ${env.SITE_ORIGIN}${env.SANITY_REVALIDATE_SECRET ? '' : '; revalidation off: set SANITY_REVALIDATE_SECRET'})`)
    const server = spawn(process.execPath, [nextBin, 'start', '-p', String(port), '-H', host], {cwd: siteDir, env, stdio: 'inherit'})
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.kill(signal))
    return new Promise<number>((resolve) => server.on('exit', (code) => resolve(code ?? 0)))
  },
)

/** Runs a build step with its output shown; a failure is one line after it. */
function run([command, ...args]: string[], cwd: string, env: NodeJS.ProcessEnv, failure: string): void {
  const result = spawnSync(command!, args, {cwd, env, stdio: 'inherit'})
  if (result.status !== 0) throw new CliError(failure)
}

/** pnpm as this script was started with it (`npm_execpath`), else the one on PATH. */
function pnpmCommand(args: string[]): string[] {
  const execPath = process.env.npm_execpath
  if (execPath && /pnpm/.test(execPath)) return /\.[cm]?js$/.test(execPath) ? [process.execPath, execPath, ...args] : [execPath, ...args]
  return ['pnpm', ...args]
}

/** `port` when it is free on `host` (a free one for 0), else a one-line error. */
async function availablePort(port: number, host: string): Promise<number> {
  const server = createServer()
  try {
    await new Promise<void>((resolve, reject) => server.once('error', reject).listen(port, host, resolve))
    return (server.address() as {port: number}).port
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'EADDRINUSE') throw new CliError(`port ${port} is in use: pass another with --port N (or PORT=N), or 0 for a free one`)
    if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') throw new CliError(`cannot listen on --host ${host}: no such local address`)
    throw error
  } finally {
    await new Promise((resolve) => server.close(resolve))
  }
}
