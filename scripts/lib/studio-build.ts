import {spawn} from 'node:child_process'
import {existsSync, mkdirSync, readdirSync, rmSync, statSync} from 'node:fs'
import {setTimeout as sleep} from 'node:timers/promises'
import {join} from 'node:path'

import {type StudioBuildInfo, readBuildInfo, studioDir, studioDistDir, writeBuildInfo} from '../../studio/build-info.ts'
import {repoRoot} from './paths.ts'

export {studioDistDir}

/** Whether the built Studio in `studio/dist` can be served for the local lake, and why not. */
export type StudioBuildStatus =
  | {state: 'fresh'; info: StudioBuildInfo}
  | {state: 'missing' | 'stale' | 'other-project'; reason: string}

/** What the Studio bundle is made from: its own files and the workspace sources it imports. */
const INPUTS = ['studio', 'packages/content/src', 'packages/translations/src', 'pnpm-lock.yaml', 'patches']
const SKIP = new Set(['node_modules', 'dist', '.sanity', 'schema.json'])

/** The newest modification time among the Studio's inputs, and the file that has it. */
function newestInput(): {path: string; mtimeMs: number} {
  let newest = {path: '', mtimeMs: 0}
  const visit = (path: string): void => {
    const stats = statSync(path)
    if (stats.isDirectory()) {
      for (const entry of readdirSync(path)) if (!SKIP.has(entry) && !entry.endsWith('.test.ts')) visit(join(path, entry))
    } else if (stats.mtimeMs > newest.mtimeMs) {
      newest = {path, mtimeMs: stats.mtimeMs}
    }
  }
  for (const input of INPUTS) if (existsSync(join(repoRoot, input))) visit(join(repoRoot, input))
  return newest
}

/** Checks `studio/dist` against the Studio's sources and the local project id `local`. */
export function studioBuildStatus(): StudioBuildStatus {
  if (!existsSync(join(studioDistDir, 'index.html'))) return {state: 'missing', reason: 'the Studio has not been built yet'}
  const info = readBuildInfo()
  if (info === undefined) return {state: 'stale', reason: 'the build has no record of what it was built for'}
  if (info.projectId !== 'local') return {state: 'other-project', reason: `the build is for the Sanity project "${info.projectId}"`}
  const newest = newestInput()
  if (newest.mtimeMs > info.builtAt) return {state: 'stale', reason: `${newest.path.slice(repoRoot.length)} changed after the last build`}
  return {state: 'fresh', info}
}

/**
 * Builds the Studio for the local lake (`sanity build` without `SANITY_STUDIO_PROJECT_ID`) into
 * `studio/dist`, showing the CLI's progress on `output`, and records the build.
 *
 * @throws Error when `sanity build` fails (its output has been shown)
 */
export async function buildStudio(output: NodeJS.WritableStream = process.stderr): Promise<void> {
  // The start time, so that a file saved during the build makes the next start rebuild.
  const started = Date.now()
  // NODE_ENV=production whoever calls: under vitest (NODE_ENV=test) Vite would bundle React's
  // development build, whose warnings about Sanity's own components fail the console checks.
  const env: NodeJS.ProcessEnv = {...process.env, NODE_ENV: 'production', DO_NOT_TRACK: '1', SANITY_TELEMETRY_DISABLED: '1'}
  delete env.SANITY_STUDIO_PROJECT_ID
  // The built Studio finds the lake at its own origin.
  delete env.SANITY_STUDIO_LAKE_URL
  const sanity = join(studioDir, 'node_modules', '.bin', process.platform === 'win32' ? 'sanity.cmd' : 'sanity')
  const child = spawn(sanity, ['build', '--yes'], {cwd: studioDir, env, stdio: ['ignore', 'pipe', 'pipe'], shell: process.platform === 'win32'})
  child.stdout.pipe(output, {end: false})
  child.stderr.pipe(output, {end: false})
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject)
    child.once('close', resolve)
  })
  if (code !== 0) throw new Error(`sanity build exited with code ${code}`)
  writeBuildInfo({projectId: 'local', dataset: 'production', builtAt: started})
}

/** Held while one process builds, so two test files or two commands never build over each other. */
const lockDir = join(studioDir, '.build.lock')
const STALE_LOCK_MS = 10 * 60_000

/**
 * Makes sure `studio/dist` is a fresh build for the local lake: builds it when
 * {@link studioBuildStatus} says so (or always, with `force`), one process at a time.
 *
 * @param announce - told why a build starts (for progress output)
 * @returns whether this call built the Studio
 */
export async function ensureStudioBuilt({output = process.stderr, force = false, announce = (_reason: string) => {}}: {output?: NodeJS.WritableStream; force?: boolean; announce?: (reason: string) => void} = {}): Promise<boolean> {
  let status = studioBuildStatus()
  if (!force && status.state === 'fresh') return false
  for (;;) {
    try {
      mkdirSync(lockDir)
      break
    } catch {
      // Someone else is building: wait, then use their build (a lock left by a killed build expires).
      if (Date.now() - (statSync(lockDir, {throwIfNoEntry: false})?.mtimeMs ?? Date.now()) > STALE_LOCK_MS) rmSync(lockDir, {recursive: true, force: true})
      await sleep(500)
    }
  }
  try {
    status = studioBuildStatus()
    if (!force && status.state === 'fresh') return false
    announce(force || status.state === 'fresh' ? 'a rebuild was asked for' : status.reason)
    await buildStudio(output)
    return true
  } finally {
    rmSync(lockDir, {recursive: true, force: true})
  }
}
