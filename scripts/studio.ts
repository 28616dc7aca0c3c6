/**
 * `pnpm studio`: the Sanity Studio for editors and translators. Without a Sanity project id it
 * serves the built Studio and the local lake it edits (content/dataset.ndjson) from one HTTPS
 * address, offline and without an account; with SANITY_STUDIO_PROJECT_ID it runs Sanity's dev
 * server against that hosted project.
 */
import {spawn} from 'node:child_process'
import {stat} from 'node:fs/promises'
import {join, resolve} from 'node:path'
import {parseArgs} from 'node:util'

import {isLocalLakeError, type StudioLake, startStudioLake} from '@treatments/local-lake'

import {studioDir, studioEnv} from '../studio/build-info.ts'
import {closeOnSignals, describeParseError, exitWhenIdle, invocationDirectory, tokenFromCommandLine} from './lib/cli.ts'
import {defaultDatasetPath} from './lib/paths.ts'
import {ensureStudioBuilt, studioDistDir} from './lib/studio-build.ts'
import {startPreviewSite} from './lib/preview-site.ts'
import type {RunningSite} from '@treatments/example-site'

const DEFAULT_PORT = 3333
/** Where the lake listens with --dev (the Studio dev server takes --port). */
const DEFAULT_DEV_LAKE_PORT = 3335

const USAGE = `Usage: pnpm studio [--port PORT] [--file DATASET] [--token TOKEN] [--author NAME] [--rebuild] [--dev [--lake-port PORT]]

Without SANITY_STUDIO_PROJECT_ID (in the environment or studio/.env): builds the Studio when its
build is missing or older than its sources, starts the local lake on the dataset file over HTTPS
(HTTP/2, a self-signed certificate made at first start and kept in ~/.cache/treatments/tls), and
prints the one address to open. Edits are written to the dataset file.

With SANITY_STUDIO_PROJECT_ID: runs Sanity's dev server (sanity dev) against that project.

Options:
  --port PORT     port to serve on (default ${DEFAULT_PORT}; the demo uses 3000, pnpm lake 3334)
  --file DATASET  the NDJSON dataset to edit (default: content/dataset.ndjson)
  --token TOKEN   the token the Studio logs in with, 32 or more characters (other users
                  can see it with ps: prefer $LAKE_TOKEN; default: $LAKE_TOKEN, else the one
                  made at first start and kept, readable only by you, in
                  ~/.cache/treatments/tls/token, so open tabs stay logged in across restarts)
  --author NAME   who the history log (.<file>.history.ndjson) names as the author of the
                  edits made in this Studio (default: your operating-system user name)
  --rebuild       build the Studio even when its build is up to date
  --dev           run Sanity's dev server (hot reload, for Studio developers) on --port
                  instead of the built Studio, with the lake on --lake-port (default ${DEFAULT_DEV_LAKE_PORT})
  -h, --help      show this help`

/** Exit codes: 0 stopped normally, 1 could not start, 2 bad command line. */
function usageError(message: string): never {
  console.error(`pnpm studio: ${message}; run "pnpm studio --help" for the usage`)
  process.exit(2)
}

const options = {
  port: {type: 'string'},
  file: {type: 'string', default: defaultDatasetPath},
  token: {type: 'string'},
  author: {type: 'string'},
  rebuild: {type: 'boolean', default: false},
  dev: {type: 'boolean', default: false},
  'lake-port': {type: 'string'},
  help: {type: 'boolean', short: 'h', default: false},
} as const

function parseCommandLine() {
  // pnpm forwards a `--` typed before the script's options (`pnpm studio -- --port 1`).
  const args = process.argv.slice(2)
  if (args[0] === '--') args.shift()
  try {
    return parseArgs({args, options}).values
  } catch (error) {
    return usageError(describeParseError(error, Object.keys(options)))
  }
}

const values = parseCommandLine()
if (values.help) {
  console.log(USAGE)
  process.exit(0)
}

const portText = values.port ?? String(DEFAULT_PORT)
const port = /^\d+$/.test(portText) ? Number(portText) : Number.NaN
if (!Number.isInteger(port) || port > 65535) usageError(`--port must be an integer from 0 to 65535, got "${portText}"`)
const lakePortText = values['lake-port'] ?? String(DEFAULT_DEV_LAKE_PORT)
const lakePort = /^\d+$/.test(lakePortText) ? Number(lakePortText) : Number.NaN
if (!Number.isInteger(lakePort) || lakePort > 65535) usageError(`--lake-port must be an integer from 0 to 65535, got "${lakePortText}"`)
if (values['lake-port'] !== undefined && !values.dev) usageError('--lake-port is for --dev only: without it, the Studio and the lake share --port')

// A relative --file is relative to where the user ran the command (pnpm runs scripts at the root).
const datasetFile = resolve(invocationDirectory(), values.file)

const hostedProject = studioEnv('development').SANITY_STUDIO_PROJECT_ID?.trim()
// Checked before building the Studio (a minute the first time), not after.
if (!hostedProject) await checkDatasetFile(datasetFile)
if (hostedProject) {
  // The hosted project: Sanity's own dev server, unchanged.
  console.log(`Sanity project ${hostedProject}: starting the Studio dev server (sanity dev)…`)
  const child = sanityDev({})
  child.once('exit', (code) => exitWhenIdle(code ?? 1))
} else if (values.dev) {
  await startLocalDev()
} else {
  await startLocal()
}

/** Exits with one line when `file` is not a readable file. */
async function checkDatasetFile(file: string): Promise<void> {
  const problem = await stat(file).then(
    (found) => (found.isFile() ? undefined : 'is not a file; give an NDJSON dataset'),
    (error: NodeJS.ErrnoException) => (error.code === 'ENOENT' ? 'does not exist; give an NDJSON dataset (default: content/dataset.ndjson)' : `cannot be read (${error.code})`),
  )
  if (problem === undefined) return
  console.error(`pnpm studio: --file ${values.file} (${file}) ${problem}`)
  process.exit(1)
}

/** Starts `sanity dev` on --port with `env` added to the environment. */
function sanityDev(env: Record<string, string>) {
  const sanity = join(studioDir, 'node_modules', '.bin', process.platform === 'win32' ? 'sanity.cmd' : 'sanity')
  const child = spawn(sanity, ['dev', '--port', String(port)], {cwd: studioDir, stdio: 'inherit', env: {...process.env, DO_NOT_TRACK: '1', ...env}, shell: process.platform === 'win32'})
  child.once('error', (error) => {
    console.error(`pnpm studio: cannot start sanity dev: ${error.message}`)
    process.exit(1)
  })
  return child
}

/** The lake on its own port (no Studio files) and Sanity's dev server pointed at it. */
async function startLocalDev(): Promise<void> {
  const token = tokenFromCommandLine('studio', values.token)
  let lake: StudioLake
  try {
    lake = await startStudioLake({
      datasets: {production: datasetFile},
      port: lakePort,
      host: '127.0.0.1',
      corsOrigins: [`http://localhost:${port}`],
      lock: {command: 'pnpm studio --dev', server: true},
      ...(token ? {token} : {}),
      ...(values.author === undefined ? {} : {author: values.author}),
    })
  } catch (error) {
    if (error instanceof TypeError) usageError(error.message)
    console.error(`pnpm studio: ${isLocalLakeError(error) ? error.message : String(error)}`)
    process.exit(1)
  }
  console.log(`Local lake for the Studio dev server on ${lake.url}, editing ${datasetFile}
First open ${lake.url} once and accept its self-signed certificate (the page then says it has
no Studio); then open the dev Studio, once it is ready, at:

  http://localhost:${port}/#token=${encodeURIComponent(lake.token)}
`)
  const child = sanityDev({SANITY_STUDIO_LAKE_URL: lake.url.replace(/\/$/, '')})
  child.once('exit', async (code) => {
    await lake.close()
    exitWhenIdle(code ?? 1)
  })
  const stop = () => child.kill('SIGTERM')
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

async function startLocal(): Promise<void> {
  const token = tokenFromCommandLine('studio', values.token)
  try {
    await ensureStudioBuilt({output: process.stdout, force: values.rebuild, announce: (reason) => console.log(`Building the Studio: ${reason}…`)})
  } catch (error) {
    console.error(`pnpm studio: the Studio could not be built: ${(error as Error).message}`)
    process.exit(1)
  }

  let studio: StudioLake
  try {
    studio = await startStudioLake({datasets: {production: datasetFile}, port, host: '127.0.0.1', studioDir: studioDistDir, lock: {command: 'pnpm studio', server: true}, ...(token ? {token} : {}), ...(values.author === undefined ? {} : {author: values.author})})
  } catch (error) {
    if (error instanceof TypeError) usageError(error.message)
    console.error(`pnpm studio: ${isLocalLakeError(error) ? error.message : String(error)}`)
    process.exit(1)
  }

  // The example site in preview mode, where the Studio's Presentation tool looks for it.
  let site: RunningSite | undefined
  try {
    site = await startPreviewSite(studio)
  } catch (error) {
    console.error(`pnpm studio: the preview site could not start on port ${studio.port + 1} (${(error as Error).message}); the Studio runs without its preview`)
  }

  // Before the address is printed: whoever reads it may stop the server at once.
  closeOnSignals(async () => {
    await site?.close()
    await studio.close()
  })
  console.log(`
Sanity Studio on the local lake, editing ${datasetFile}
${studio.certificate.created ? `A new self-signed certificate was made: ${studio.certificate.certFile}\n` : ''}
Open this address in Chrome, Chromium, Edge or Firefox (it logs you in):

  ${studio.loginUrl}

The certificate is self-signed: the browser warns once; choose "Advanced" and "Proceed to
local.localhost" (see "Editors" in README.md).${site ? `\nThe Preview tool shows the site's draft pages, served by ${site.url} (draft mode only from the Studio).` : ''} Keep the address private: the token in it can
write the dataset. ${studio.tokenFile === undefined ? 'The token is the one you set (--token or LAKE_TOKEN).' : `The token is kept in ${studio.tokenFile} (readable only by you),\nso the address, and every open tab, stays valid when you restart pnpm studio.`}
Press Ctrl+C to stop.`)
}
