import {createHash} from 'node:crypto'
import {existsSync, mkdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {readdir, readFile} from 'node:fs/promises'
import {join} from 'node:path'
import {setTimeout as sleep} from 'node:timers/promises'
import {repoRoot} from '../../scripts/lib/paths.ts'
import {pnpm} from './pnpm.ts'

const packageDir = join(repoRoot, 'packages/content')
const cacheDir = join(repoRoot, 'node_modules/.cache/treatments')
/** The hash of the sources `dist` was last built from by a test. */
const stampFile = join(cacheDir, 'content-dist.hash')
const lockDir = join(cacheDir, 'content-dist.lock')

/**
 * Makes `packages/content/dist` match the package's sources, building it (`pnpm run build`) only
 * when they changed since the last build a test made. Tests that use the built package (packing
 * it, or a Next.js build on it) call this instead of building themselves: one process builds
 * while the others wait, and nobody rewrites `dist` while another test reads it.
 */
export async function ensureContentDist(): Promise<void> {
  const hash = await sourceHash()
  if (isBuilt(hash)) return
  mkdirSync(cacheDir, {recursive: true})
  const deadline = Date.now() + 5 * 60_000
  for (;;) {
    try {
      mkdirSync(lockDir)
      break
    } catch {
      if (isBuilt(hash)) return
      if (Date.now() > deadline) throw new Error(`Timed out waiting for another test to build packages/content (lock ${lockDir}); remove the lock if no test runs`)
      await sleep(500)
    }
  }
  try {
    if (isBuilt(hash)) return
    rmSync(stampFile, {force: true})
    pnpm(['run', 'build'], {cwd: packageDir, env: {...process.env, npm_config_verify_deps_before_run: 'false'}})
    writeFileSync(stampFile, hash)
  } finally {
    rmSync(lockDir, {recursive: true, force: true})
  }
}

function isBuilt(hash: string): boolean {
  return existsSync(join(packageDir, 'dist/index.js')) && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === hash
}

/** What the build reads: the package's sources (not its tests), its tsconfigs and package.json. */
async function sourceHash(): Promise<string> {
  const hash = createHash('sha256')
  const files = (await readdir(join(packageDir, 'src'), {recursive: true}))
    .filter((path) => path.endsWith('.ts') && !/\.test(-d)?\.ts$/.test(path))
    .map((path) => join('src', path))
    .sort()
  for (const path of [...files, 'tsconfig.build.json', '../../tsconfig.base.json', 'package.json']) {
    hash.update(`${path}\0`).update(await readFile(join(packageDir, path))).update('\0')
  }
  return hash.digest('hex')
}
