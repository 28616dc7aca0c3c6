/**
 * `pnpm lake`: serves NDJSON datasets over the part of Sanity's HTTP API that `@sanity/client`
 * uses, on loopback, for local development and tests. See packages/local-lake/README.md.
 */
import {resolve} from 'node:path'
import {parseArgs} from 'node:util'

import {isLocalLakeError, type LocalLake, startLocalLake} from '@treatments/local-lake'

import {closeOnSignals, describeParseError, tokenFromCommandLine} from './lib/cli.ts'
import {defaultDatasetPath} from './lib/paths.ts'

const USAGE = `Usage: pnpm lake [--port PORT] [--host HOST] [--dataset NAME=PATH ...] [--token TOKEN]
                 [--cors-origin ORIGIN ...] [--query-timeout MS] [--max-response-bytes N]
                 [--answer-cache-bytes N] [--read-only] [--in-memory] [--author NAME]
                 [--repair-history]

Serves NDJSON dataset files over Sanity's HTTP API (query, doc, mutate, listen, actions) so
@sanity/client and the Studio work against them unchanged. Mutations are written back to the
files atomically.

Options:
  --port PORT          port to listen on (default: $PORT or 3334; 0 picks a free port)
  --host HOST          interface to listen on (default: 127.0.0.1; keep it on loopback)
  --dataset NAME=PATH  serve PATH as dataset NAME; repeatable
                       (default: production=content/dataset.ndjson)
  --token TOKEN        the token clients must send (default: $LAKE_TOKEN, else a random one,
                       printed at start); at least 16 characters
  --cors-origin ORIGIN a browser origin allowed to call the lake, e.g. http://localhost:5173;
                       repeatable (default: the Studio, http://localhost:3333 and
                       https://localhost:3333). Pages on any other origin get 403. Never *.
  --query-timeout MS   stop a query after MS milliseconds with 408 (default: 5000); queries
                       run in worker threads that are terminated at the limit, so other
                       requests are served meanwhile; a client that disconnects cancels it
  --max-response-bytes N
                       largest answer sent; larger query results get 400 (default: 67108864)
  --answer-cache-bytes N
                       bytes of query answers kept per dataset, from the second time a query
                       is asked until the next change to the dataset (default: 33554432;
                       0 keeps none)
  --read-only          reject every mutation with 403
  --in-memory          apply mutations in memory only, never write files
  --author NAME        who the history log names as the author of changes made through
                       this lake (default: your operating-system user name)
  --repair-history     before serving, cut each damaged history log at its first damaged
                       line; that line and the rest are kept in .<file>.history.ndjson.damaged-<time>
  -h, --help           show this help

Token: send "Authorization: Bearer <token>" (with @sanity/client: {token}) for every write,
listen, and read of drafts or versions (a perspective other than published). Published reads
need no token from this machine (loopback); from other machines every request needs it.
Scripts given --lake URL read the token from LAKE_TOKEN, or from the lock file when that lake
serves their dataset file.

Lock: while it runs, the lake owns each dataset file it writes (not with --read-only or
--in-memory): it writes .<file>.lock next to it (its
PID, port and token, readable only by you) and removes it on exit. A second lake on the same
file refuses to start, naming that PID and port; scripts that would open the file (seed,
translations import) send their changes to the running lake instead. A lock left by a process
that no longer runs is replaced. Temporary files of a write interrupted by a crash are removed
at the next start.

History: every change made through the lake is appended to .<file>.history.ndjson beside the
dataset file (when, who, the mutations, each document before and after), synced to disk before
the dataset file is replaced. Read it with pnpm history, or the History API
(/data/history/{dataset}/documents/{id}?revision=REV, .../transactions/{ids}).`

/** Exit codes: 0 ok, 1 the lake could not start, 2 bad command line. */
function usageError(message: string): never {
  console.error(`pnpm lake: ${message}; run "pnpm lake --help" for the usage`)
  process.exit(2)
}

const options = {
  port: {type: 'string'},
  host: {type: 'string', default: '127.0.0.1'},
  dataset: {type: 'string', multiple: true},
  'read-only': {type: 'boolean', default: false},
  'in-memory': {type: 'boolean', default: false},
  token: {type: 'string'},
  'cors-origin': {type: 'string', multiple: true},
  'query-timeout': {type: 'string'},
  'max-response-bytes': {type: 'string'},
  'answer-cache-bytes': {type: 'string'},
  author: {type: 'string'},
  'repair-history': {type: 'boolean', default: false},
  help: {type: 'boolean', short: 'h', default: false},
} as const

let parsed
try {
  parsed = parseArgs({options})
} catch (error) {
  usageError(describeParseError(error, Object.keys(options)))
}
const {values} = parsed

if (values.help) {
  console.log(USAGE)
  process.exit(0)
}

const portText = values.port ?? process.env.PORT ?? '3334'
const port = /^\d+$/.test(portText) ? Number(portText) : Number.NaN
if (!Number.isInteger(port) || port > 65535) {
  usageError(`--port (or $PORT) must be an integer from 0 to 65535, got "${portText}"`)
}

const datasets: Record<string, string> = {}
for (const entry of values.dataset ?? [`production=${defaultDatasetPath}`]) {
  const equals = entry.indexOf('=')
  if (equals <= 0 || equals === entry.length - 1) usageError(`--dataset must look like NAME=PATH, got "${entry}"`)
  const name = entry.slice(0, equals)
  if (name in datasets) usageError(`--dataset "${name}" is given more than once`)
  datasets[name] = resolve(entry.slice(equals + 1))
}

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost'])
if (!LOOPBACK.has(values.host)) {
  console.warn(`Warning: listening on ${values.host}, not loopback. Every request from another machine needs the token; never expose the lake publicly.`)
}

function positiveInteger(option: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined
  if (!/^\d+$/.test(text) || Number(text) < 1) usageError(`--${option} must be a positive integer, got "${text}"`)
  return Number(text)
}
const queryTimeoutMs = positiveInteger('query-timeout', values['query-timeout'])
const maxResponseBytes = positiveInteger('max-response-bytes', values['max-response-bytes'])
const answerCacheBytes = values['answer-cache-bytes']
if (answerCacheBytes !== undefined && !/^\d+$/.test(answerCacheBytes)) {
  usageError(`--answer-cache-bytes must be a whole number of bytes (0 keeps no answers), got "${answerCacheBytes}"`)
}
const token = tokenFromCommandLine('lake', values.token)

let lake: LocalLake
try {
  lake = await startLocalLake({
    datasets,
    port,
    host: values.host,
    readOnly: values['read-only'],
    inMemory: values['in-memory'],
    lock: {command: 'pnpm lake', server: true},
    ...(token === undefined ? {} : {token}),
    ...(values['cors-origin'] === undefined ? {} : {corsOrigins: values['cors-origin']}),
    ...(queryTimeoutMs === undefined ? {} : {queryTimeoutMs}),
    ...(maxResponseBytes === undefined ? {} : {maxResponseBytes}),
    ...(answerCacheBytes === undefined ? {} : {answerCacheBytes: Number(answerCacheBytes)}),
    ...(values.author === undefined ? {} : {author: values.author}),
    repairHistory: values['repair-history'],
  })
} catch (error) {
  if (error instanceof TypeError) {
    // The library's words are about its option (an array); the command line gives one origin per flag.
    const origin = /^startLocalLake: option "corsOrigins" must be .*; received (.*)$/.exec(error.message)?.[1]
    if (origin !== undefined) usageError(`--cors-origin must be an origin such as http://localhost:5173 (scheme, host and port only; "*" is not allowed); got ${origin.replace(/^the string /, '')}`)
    usageError(error.message.replace(/^startLocalLake: option "(\w+)"/, (_, name: string) => `--${kebab(name)}`))
  }
  console.error(`pnpm lake: ${isLocalLakeError(error) ? error.message : String(error)}`)
  process.exit(1)
}

const mode = values['read-only'] ? ' (read-only)' : values['in-memory'] ? ' (in memory; files are not written)' : ''
console.log(`Local lake listening on ${lake.url}${mode}`)
for (const [name, file] of Object.entries(datasets)) console.log(`  dataset ${name}: ${file}`)
for (const repair of lake.historyRepairs) {
  console.log(
    `  repaired history log ${repair.file}: line ${repair.line} onward (${repair.movedBytes} bytes) moved to ${repair.sideFile}; ` +
      'the changes since the last whole entry are recorded as one change from outside the lake (who made them: see that file)',
  )
}
console.log(`
Token (${token === undefined ? 'made for this run; pass --token or LAKE_TOKEN to keep one' : 'from --token/LAKE_TOKEN'}):

  export LAKE_TOKEN=${lake.token}

Writes, listen and drafts need "Authorization: Bearer $LAKE_TOKEN"; published reads from this
machine need nothing. Point @sanity/client at it with (keep the token server-side):

  createClient(${JSON.stringify(lake.clientConfig, null, 2).replace(/\n/g, '\n  ')})

Browser origins allowed (CORS): ${values['cors-origin']?.join(', ') ?? 'http://localhost:3333, https://localhost:3333'}

Press Ctrl+C to stop.`)

function kebab(name: string): string {
  if (name === 'corsOrigins') return 'cors-origin'
  if (name === 'queryTimeoutMs') return 'query-timeout'
  return name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)
}

closeOnSignals(() => lake.close())
