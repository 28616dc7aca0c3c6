/**
 * One way for every `pnpm <script>` to read its command line and to fail.
 *
 * - Arguments are parsed with `node:util` `parseArgs` (strict). A leading `--` is dropped, so
 *   `pnpm demo -- --port 4101` and `pnpm demo --port 4101` mean the same.
 * - `-h`/`--help` prints the usage on stdout and exits 0; `--debug` adds stack traces.
 * - A user mistake prints one line on stderr, `pnpm <name>: what was wrong; what to do`, and
 *   exits 2 for the command line ({@link UsageError}) or 1 for a content or environment problem
 *   ({@link CliError}, a missing or unreadable file, or any error `explain` recognises).
 * - Anything else is a bug: the message, the stack, and exit 1.
 * - Paths given by the user are resolved from the directory the user ran the command in:
 *   pnpm runs root scripts in the repository root but sets `INIT_CWD` to the user's directory.
 *
 * @example
 * ```ts
 * await runCli({name: 'print', usage: USAGE, options: {slug: {type: 'string'}}}, async ({values, path}) => {
 *   if (values.slug === undefined) throw new UsageError('--slug is required')
 *   return 0
 * })
 * ```
 */
import {readFile} from 'node:fs/promises'
import {relative, resolve} from 'node:path'
import {parseArgs, type ParseArgsOptionsConfig} from 'node:util'

/** Exit codes shared by every script. */
export const exitCode = {ok: 0, problem: 1, usage: 2} as const

/**
 * A mistake on the command line (unknown option, missing or malformed value): exit 2. The message
 * says what was wrong; the CLI adds where to read the usage.
 */
export class UsageError extends Error {
  readonly code = 'USAGE'

  constructor(message: string) {
    super(message)
    this.name = 'UsageError'
  }
}

/**
 * A problem with the user's content, files or environment that the user can fix (a missing
 * file, an unknown slug, an unreachable server): exit 1 with this one message, no stack.
 */
export class CliError extends Error {
  readonly code = 'CLI_PROBLEM'

  constructor(message: string, options?: {cause?: unknown}) {
    super(message, options)
    this.name = 'CliError'
  }
}

/** What a command's `run` receives. */
export interface CliContext<O extends ParseArgsOptionsConfig> {
  /** Parsed options (without `help` and `debug`). */
  values: ReturnType<typeof parseArgs<{options: O; allowPositionals: true; strict: true; args: string[]}>>['values']
  /** Positional arguments; empty unless `positionals` was set. */
  positionals: string[]
  /** The directory the user ran the command in (`INIT_CWD`, else the working directory). */
  cwd: string
  /** Resolves a path the user typed from {@link CliContext.cwd}. */
  path: (value: string) => string
  /** A path as the user would type it from {@link CliContext.cwd} (relative when inside it). */
  display: (absolutePath: string) => string
  /** Whether `--debug` was given. */
  debug: boolean
}

/** A command for {@link runCli}. */
export interface CliCommand<O extends ParseArgsOptionsConfig> {
  /** The script name as the user types it after `pnpm`, e.g. `content:check` or `translations export`. */
  name: string
  /** The full `--help` text, beginning with `Usage: pnpm …`. */
  usage: string
  /** `parseArgs` options; `help` (`-h`) and `debug` are added. */
  options?: O
  /** Whether positional arguments are accepted (default `false`). */
  positionals?: boolean
  /** The arguments (default `process.argv.slice(2)`). */
  args?: readonly string[]
  /**
   * Explains operational errors of the libraries the command uses (for example
   * `(error) => isTreatmentContentError(error) ? error.message : undefined`): a string is printed
   * as the one line, with exit 1, like a {@link CliError}; `undefined` leaves the error a bug.
   */
  explain?: (error: unknown) => string | undefined
}

/**
 * Parses the command line, runs `run`, and sets `process.exitCode` from its result (a number, or
 * 0 when it returns nothing). Never throws: every failure is printed as described in the module
 * comment.
 *
 * @returns The exit code, also stored in `process.exitCode`.
 */
export async function runCli<O extends ParseArgsOptionsConfig>(
  command: CliCommand<O>,
  run: (context: CliContext<O>) => Promise<number | void> | number | void,
): Promise<number> {
  const args = [...(command.args ?? process.argv.slice(2))]
  // pnpm forwards a `--` typed before the script's own options (`pnpm demo -- --port 1`).
  if (args[0] === '--') args.shift()
  const debug = args.includes('--debug')
  let code: number
  try {
    const context = parseCommandLine(command, args)
    if (context === undefined) {
      console.log(command.usage)
      code = exitCode.ok
    } else {
      code = (await run(context)) ?? exitCode.ok
    }
  } catch (error) {
    code = report(command, error, debug)
  }
  process.exitCode = code
  return code
}

/** The parsed command line, or `undefined` when help was asked for. */
function parseCommandLine<O extends ParseArgsOptionsConfig>(command: CliCommand<O>, args: string[]): CliContext<O> | undefined {
  const options = {...command.options, help: {type: 'boolean', short: 'h'}, debug: {type: 'boolean'}} as ParseArgsOptionsConfig
  let parsed
  try {
    parsed = parseArgs({args, options, allowPositionals: command.positionals ?? false, strict: true})
  } catch (error) {
    throw new UsageError(describeParseError(error, Object.keys(options)))
  }
  const {help, debug, ...values} = parsed.values as Record<string, unknown>
  if (help === true) return undefined
  const cwd = invocationDirectory()
  return {
    values: values as CliContext<O>['values'],
    positionals: parsed.positionals,
    cwd,
    path: (value) => resolve(cwd, value),
    display: (absolutePath) => displayPath(absolutePath, cwd),
    debug: debug === true,
  }
}

/** The directory the user ran `pnpm …` in. */
export function invocationDirectory(env: Readonly<Record<string, string | undefined>> = process.env): string {
  return resolve(env.INIT_CWD?.trim() || process.cwd())
}

/** `absolutePath` relative to `cwd` when it lies inside it, else unchanged. */
export function displayPath(absolutePath: string, cwd: string = invocationDirectory()): string {
  const path = relative(cwd, absolutePath)
  if (path === '') return '.'
  return path.startsWith('..') ? absolutePath : path
}

/**
 * Checks a port number option.
 *
 * @throws {UsageError} When `text` is not an integer from 0 to 65535.
 */
export function parsePort(text: string, option = '--port'): number {
  const port = /^\d{1,5}$/.test(text.trim()) ? Number(text) : Number.NaN
  if (!Number.isInteger(port) || port > 65_535) throw new UsageError(`${option} must be a port number from 0 to 65535 (0 picks a free one); got "${text}"`)
  return port
}

/**
 * Checks a positive integer option.
 *
 * @throws {UsageError} When `text` is not a positive integer.
 */
export function parsePositiveInteger(text: string, option: string): number {
  const value = /^\d+$/.test(text.trim()) ? Number(text) : Number.NaN
  if (!Number.isSafeInteger(value) || value < 1) throw new UsageError(`${option} must be a positive integer; got "${text}"`)
  return value
}

/**
 * Reads a file the user named, as UTF-8 text.
 *
 * @throws {CliError} When it is missing, a directory or unreadable, naming it as the user would.
 */
export async function readUserFile(absolutePath: string): Promise<string> {
  try {
    return await readFile(absolutePath, 'utf8')
  } catch (error) {
    const problem = describeFileError(Object.assign(error as NodeJS.ErrnoException, {path: absolutePath}))
    if (problem === undefined) throw error
    throw new CliError(problem, {cause: error})
  }
}

/**
 * Ends a command that has closed what it opened: the process exits with `code` once its event loop
 * is empty. Not `process.exit()`, which on Node 24 can deadlock after heavy work: it shuts V8's
 * platform down while a background compile job waits for the main thread to collect garbage
 * (nodejs/node#54918; a lake stopped by the bench hung that way). A loop that runs dry disposes
 * of V8 first. Should a handle stay open after all, the process exits anyway after `graceMs`.
 */
export function exitWhenIdle(code: number, graceMs = 5000): void {
  process.exitCode = code
  setTimeout(() => {
    console.error(`Still running ${graceMs / 1000} s after stopping; exiting.`)
    process.exit(code)
  }, graceMs).unref()
}

/**
 * Stops a long-running command on Ctrl+C or SIGTERM: `close()` (which lets pending writes finish),
 * then exit 0 (`exitWhenIdle`); a second signal exits 1 at once, without waiting.
 */
export function closeOnSignals(close: () => Promise<void>): void {
  let stopping = false
  const stop = async (signal: string): Promise<void> => {
    if (stopping) {
      console.error(`Received ${signal} again; exiting without waiting for pending writes.`)
      process.exit(1)
    }
    stopping = true
    console.log(`\nReceived ${signal}; waiting for pending writes, then stopping…`)
    await close()
    exitWhenIdle(0)
  }
  process.on('SIGINT', () => void stop('SIGINT'))
  process.on('SIGTERM', () => void stop('SIGTERM'))
}

/**
 * `parseArgs`'s errors, rewritten as one short sentence naming the option. Exported for the
 * long-running commands (`lake`, `studio`, `bench`) that parse their own command line.
 */
export function describeParseError(error: unknown, known: string[]): string {
  const {code, message} = error as {code?: string; message: string}
  const quoted = /'([^']+)'/.exec(message)?.[1] ?? ''
  switch (code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION': {
      const name = quoted.replace(/^-+/, '')
      const near = known.find((option) => editDistance(option, name) <= 2)
      return `unknown option ${quoted}${near === undefined ? '' : ` (did you mean --${near}?)`}`
    }
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE': {
      const option = /--[\w-]+/.exec(message)?.[0] ?? quoted
      // `--port -5`: parseArgs will not take a value that looks like an option.
      if (/ambiguous/.test(message)) return `${option}'s value starts with "-": write it as ${option}=VALUE`
      return /argument missing/.test(message) ? `${option} needs a value` : `${option} takes no value`
    }
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return `unexpected argument "${quoted}"`
    default:
      return message
  }
}

/** Levenshtein distance, for "did you mean" on short option names. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({length: b.length + 1}, (_, index) => index)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1))
    }
    previous = current
  }
  return previous[b.length]!
}

/** Prints `error` as the module comment describes and returns the exit code. */
function report(command: CliCommand<ParseArgsOptionsConfig>, error: unknown, debug: boolean): number {
  const prefix = `pnpm ${command.name}:`
  if (error instanceof UsageError) {
    console.error(`${prefix} ${error.message}; run "pnpm ${command.name} --help" for the usage`)
    if (debug) console.error(error.stack)
    return exitCode.usage
  }
  const explained = error instanceof CliError ? error.message : (describeFileError(error) ?? command.explain?.(error))
  if (explained !== undefined) {
    console.error(`${prefix} ${explained.replaceAll('\r', '')}`)
    if (debug) console.error((error as Error).stack)
    return exitCode.problem
  }
  console.error(`${prefix} unexpected error, which is a bug: please report it with this output`)
  console.error(error instanceof Error ? (error.stack ?? error.message) : error)
  return exitCode.problem
}

/** The system calls of `node:fs` whose failures are the user's files, not bugs. */
const fileSyscalls = new Set(['open', 'read', 'write', 'stat', 'lstat', 'fstat', 'scandir', 'opendir', 'rename', 'mkdir', 'rmdir', 'unlink', 'access', 'realpath', 'copyfile'])

/** A one-line explanation of a failed file operation, or `undefined` when `error` is not one. */
function describeFileError(error: unknown): string | undefined {
  const {code, path, syscall} = (error ?? {}) as NodeJS.ErrnoException
  if (typeof code !== 'string' || !/^E[A-Z]+$/.test(code) || !fileSyscalls.has(syscall ?? '')) return undefined
  // readFile on a directory reports no path.
  const shown = typeof path === 'string' ? displayPath(path) : 'a path you gave'
  switch (code) {
    case 'ENOENT':
      return `${shown}: no such file or directory; check the path (relative paths start from ${invocationDirectory()})`
    case 'EACCES':
    case 'EPERM':
      return `${shown}: permission denied`
    case 'EISDIR':
      return `${shown} is a directory; give a file`
    case 'ENOTDIR':
      return `${shown}: a part of this path is not a directory`
    default:
      return `${shown}: ${syscall} failed (${code})`
  }
}

/**
 * The token a command was given: `--token` (with a one-line warning on stderr, since every user
 * of the computer can read a command line, with `ps`), else `LAKE_TOKEN`, else `undefined`.
 */
export function tokenFromCommandLine(name: string, option: string | undefined, env: Readonly<Record<string, string | undefined>> = process.env): string | undefined {
  if (option !== undefined) {
    console.error(`pnpm ${name}: warning: other users of this computer can see a --token value (with ps); set LAKE_TOKEN instead`)
    return option
  }
  return env.LAKE_TOKEN?.trim() || undefined
}
