import {type ChildProcess, spawn} from 'node:child_process'
import {createInterface} from 'node:readline'

const CHILD = new URL('./lake-child.ts', import.meta.url).pathname

/** One request a child lake answered (see lake-child.ts `--log-requests`). */
export interface LoggedRequest {
  method: string
  url: string
  site?: string
  dest?: string
  status: number
}

/** A lake in its own process: a frozen event loop there cannot freeze the test. */
export interface ChildLake {
  url: string
  token: string
  process: ChildProcess
  /** Requests answered so far, in order (with `logRequests`). */
  requests: LoggedRequest[]
  /** Resolves with the first answered request `test` accepts, waiting up to `ms`. */
  waitForRequest(test: (request: LoggedRequest) => boolean, ms: number): Promise<LoggedRequest>
  /** SIGKILLs the child (its answers no longer matter) and waits for it to exit. */
  close(): Promise<void>
}

/** Starts a lake on `file` in a child process, with extra lake `options` (JSON-able). */
export async function startChildLake(file: string, options: Record<string, unknown> = {}, logRequests = false): Promise<ChildLake> {
  const child = spawn(process.execPath, ['--conditions=@treatments/source', CHILD, file, ...(logRequests ? ['--log-requests'] : [])], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: {...process.env, LAKE_CHILD_OPTIONS: JSON.stringify(options)},
  })
  const requests: LoggedRequest[] = []
  const waiters = new Set<() => void>()
  const started = new Promise<{url: string; token: string}>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`child lake exited with ${code} before listening`)))
    createInterface({input: child.stdout!}).on('line', (line) => {
      const value = JSON.parse(line) as {url?: string; token?: string; request?: LoggedRequest}
      if (value.request === undefined) resolve(value as {url: string; token: string})
      else requests.push(value.request)
      for (const waiter of waiters) waiter()
    })
  })
  const {url, token} = await started
  return {
    url,
    token,
    process: child,
    requests,
    waitForRequest(test, ms) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = requests.find(test)
          if (found === undefined) return
          waiters.delete(check)
          clearTimeout(timer)
          resolve(found)
        }
        const timer = setTimeout(() => {
          waiters.delete(check)
          reject(new Error(`the child lake answered no such request within ${ms} ms; it answered ${JSON.stringify(requests)}`))
        }, ms)
        waiters.add(check)
        check()
      })
    },
    async close() {
      if (child.exitCode !== null || child.signalCode !== null) return
      const exited = new Promise((resolve) => child.once('exit', resolve))
      child.kill('SIGKILL')
      await exited
    },
  }
}
