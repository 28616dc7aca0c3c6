/**
 * Records which project a `sanity build` was made for, in `dist/.build-info.json` (not served:
 * dotfiles are hidden), so `pnpm studio` can tell a build for the local lake from one for a
 * hosted project, and a fresh build from a stale one. Run after `sanity build` by the `build` script.
 */
import {mkdirSync, readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {parseEnv} from 'node:util'

/** The Studio's folder. */
export const studioDir = fileURLToPath(new URL('.', import.meta.url))

/** Where `sanity build` writes the Studio. */
export const studioDistDir = join(studioDir, 'dist')

/** What `.build-info.json` holds. */
export interface StudioBuildInfo {
  /** `local` for the local lake, else the Sanity project id the Studio talks to. */
  projectId: string
  dataset: string
  /** When the build finished, in milliseconds since the epoch. */
  builtAt: number
}

/**
 * The `SANITY_STUDIO_*` variables the Sanity CLI sees: the process environment over the Studio's
 * `.env` files (`.env`, `.env.local`, `.env.production`, `.env.production.local`, later wins).
 */
export function studioEnv(mode = 'production'): Record<string, string> {
  const merged: Record<string, string> = {}
  for (const name of ['.env', '.env.local', `.env.${mode}`, `.env.${mode}.local`]) {
    let text: string
    try {
      text = readFileSync(join(studioDir, name), 'utf8')
    } catch {
      continue
    }
    Object.assign(merged, parseEnv(text))
  }
  for (const [key, value] of Object.entries(process.env)) if (value !== undefined) merged[key] = value
  return Object.fromEntries(Object.entries(merged).filter(([key]) => key.startsWith('SANITY_STUDIO_')))
}

/** The build info for the current environment, as `sanity build` sees it now. */
export function currentBuildInfo(): StudioBuildInfo {
  const env = studioEnv()
  return {
    projectId: env.SANITY_STUDIO_PROJECT_ID?.trim() || 'local',
    dataset: env.SANITY_STUDIO_DATASET?.trim() || 'production',
    builtAt: Date.now(),
  }
}

/** Writes `dist/.build-info.json` for the build just made. */
export function writeBuildInfo(info: StudioBuildInfo = currentBuildInfo()): void {
  mkdirSync(studioDistDir, {recursive: true})
  writeFileSync(join(studioDistDir, '.build-info.json'), `${JSON.stringify(info, null, 2)}\n`)
}

/** The recorded build info, or `undefined` when there is none. */
export function readBuildInfo(): StudioBuildInfo | undefined {
  try {
    const value = JSON.parse(readFileSync(join(studioDistDir, '.build-info.json'), 'utf8')) as Partial<StudioBuildInfo>
    if (typeof value.projectId !== 'string' || typeof value.dataset !== 'string' || typeof value.builtAt !== 'number') return undefined
    return value as StudioBuildInfo
  } catch {
    return undefined
  }
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) writeBuildInfo()
