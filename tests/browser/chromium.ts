import {execFileSync} from 'node:child_process'
import {existsSync, mkdirSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {setTimeout as sleep} from 'node:timers/promises'
import {chromium, type Browser} from 'playwright-core'

/** Where Debian's `chromium` package installs the browser; `CHROMIUM_PATH` overrides it. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

const launchArgs = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic']
const lockDir = join(tmpdir(), 'treatments-chromium-install.lock')
const installTimeoutMs = 15 * 60_000

/**
 * The path of a Chromium to test with. When it is missing, installs Debian's `chromium` with
 * apt (as root; one test file at a time, the others wait), and throws a clear error when that is
 * impossible. Browser tests never skip: no Chromium is a failure.
 */
export async function ensureChromium(): Promise<string> {
  if (existsSync(chromiumPath)) return chromiumPath
  const deadline = Date.now() + installTimeoutMs
  for (;;) {
    try {
      mkdirSync(lockDir)
      break
    } catch {
      // Another test file is installing: wait for it.
      if (existsSync(chromiumPath)) return chromiumPath
      if (Date.now() > deadline) throw new Error(`Timed out waiting for another process to install Chromium (lock ${lockDir}); remove the lock or install Chromium by hand`)
      await sleep(1000)
    }
  }
  try {
    if (existsSync(chromiumPath)) return chromiumPath
    install()
    if (!existsSync(chromiumPath)) throw new Error(`\`apt-get install chromium\` succeeded but ${chromiumPath} does not exist; set CHROMIUM_PATH to the browser's path`)
    return chromiumPath
  } finally {
    rmSync(lockDir, {recursive: true, force: true})
  }
}

function install(): void {
  const help = `Install it with \`apt-get update && apt-get install -y chromium\` (as root, Debian/Ubuntu), or set CHROMIUM_PATH to a Chromium or Chrome binary.`
  if (typeof process.getuid === 'function' && process.getuid() !== 0) {
    throw new Error(`Chromium is not installed at ${chromiumPath}, and the browser tests cannot install it without root. ${help}`)
  }
  const run = (args: string[]) =>
    execFileSync('apt-get', args, {stdio: ['ignore', 'pipe', 'pipe'], env: {...process.env, DEBIAN_FRONTEND: 'noninteractive'}, timeout: installTimeoutMs})
  try {
    run(['update'])
    run(['install', '-y', '--no-install-recommends', '-o', 'DPkg::Lock::Timeout=600', 'chromium'])
  } catch (error) {
    const stderr = (error as {stderr?: Buffer}).stderr?.toString().trim().split('\n').slice(-5).join('\n') ?? ''
    throw new Error(`Chromium is not installed at ${chromiumPath} and installing it with apt-get failed: ${(error as Error).message}\n${stderr}\n${help}`)
  }
}

/** Chromium, installed if needed, launched headless for tests. */
export async function launchChromium(): Promise<Browser> {
  const executablePath = await ensureChromium()
  return chromium.launch({executablePath, args: launchArgs})
}
