import {spawn, type ChildProcess} from 'node:child_process'
import {createServer} from 'node:net'
import {join} from 'node:path'
import {repoRoot} from '../../scripts/lib/paths.ts'
import {ensureContentDist} from '../support/content-dist.ts'

/** The Next.js site's package directory. */
export const siteDir = join(repoRoot, 'packages/next-site')
const nextBin = join(siteDir, 'node_modules/next/dist/bin/next')
/** Where the tests build the site (inside the package, so its dependencies resolve; git-ignored). */
export const testDistDir = '.next-test'
/** The origin the site says it is at, in canonical, hreflang, sitemap and JSON-LD URLs. */
export const siteOrigin = 'https://clinic.example'

const baseEnv = (): NodeJS.ProcessEnv => ({...process.env, NEXT_TELEMETRY_DISABLED: '1', NEXT_DIST_DIR: testDistDir, SITE_ORIGIN: siteOrigin})
// `pnpm test` type-checks the site with tsc before any test runs (`pnpm typecheck`).
const buildEnv = (): NodeJS.ProcessEnv => ({...baseEnv(), NEXT_SKIP_TYPECHECK: '1'})

/**
 * Builds the site once (`next build` under `nice`, on the embedded dataset and the built
 * `@treatments/content`) and resolves with how long it took.
 */
export async function buildNextSite(): Promise<number> {
  await ensureContentDist()
  const started = performance.now()
  const child = spawn('nice', ['-n', '10', process.execPath, nextBin, 'build'], {cwd: siteDir, env: buildEnv(), stdio: ['ignore', 'pipe', 'pipe']})
  const output = collect(child)
  const code = await new Promise<number | null>((resolve, reject) => child.once('error', reject).once('exit', resolve))
  if (code !== 0) throw new Error(`next build failed (exit ${code}):\n${output().slice(-4000)}`)
  return performance.now() - started
}

/** A running `next start`. */
export interface RunningNextSite {
  url: string
  /** Everything the server printed, for failure messages. */
  output(): string
  close(): Promise<void>
}

/** Starts the built site on a free loopback port with `env` added, resolving once it is ready. */
export async function startNextSite(env: Record<string, string>): Promise<RunningNextSite> {
  const port = await freePort()
  const child = spawn(process.execPath, [nextBin, 'start', '-p', String(port), '-H', '127.0.0.1'], {cwd: siteDir, env: {...baseEnv(), ...env}, stdio: ['ignore', 'pipe', 'pipe']})
  const output = collect(child)
  const close = () => stop(child)
  try {
    await new Promise<void>((resolve, reject) => {
      child.once('error', reject)
      child.once('exit', (code) => reject(new Error(`next start exited (${code}) before it was ready:\n${output()}`)))
      child.stdout!.on('data', () => {
        if (/Ready in/.test(output())) resolve()
      })
    })
  } catch (error) {
    await close()
    throw error
  }
  return {url: `http://127.0.0.1:${port}`, output, close}
}

function collect(child: ChildProcess): () => string {
  let text = ''
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (text += chunk))
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (text += chunk))
  return () => text
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  child.kill('SIGTERM')
  await exited
}

/** A port the OS just handed out on loopback (ephemeral, so never one of the Fetch "bad ports"). */
async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const {port} = server.address() as {port: number}
  await new Promise((resolve) => server.close(resolve))
  return port
}
