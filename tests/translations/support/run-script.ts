import {execFile} from 'node:child_process'
import {fileURLToPath} from 'node:url'

const root = fileURLToPath(new URL('../../../', import.meta.url))

/** What a script printed and how it exited. */
export interface ScriptResult {
  code: number
  stdout: string
  stderr: string
}

/**
 * Runs `scripts/<name>` with this Node (24) the way `pnpm <name>` does from the repository root
 * (working directory and `INIT_CWD`), with a clean Sanity environment plus `env` (which may set
 * `INIT_CWD` to act as if the user ran it in another directory).
 */
export function runScript(name: string, args: readonly string[], env: Record<string, string> = {}): Promise<ScriptResult> {
  const base = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('SANITY_') && key !== 'CONTENT_DATASET'))
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--conditions=@treatments/source', `scripts/${name}`, ...args],
      {cwd: root, env: {...base, INIT_CWD: root, ...env}, timeout: 60_000},
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0
        resolve({code, stdout, stderr})
      },
    )
  })
}
