import {execFileSync, type ExecFileSyncOptions} from 'node:child_process'

/**
 * Runs pnpm: the one running this test run when there is one (`npm_execpath`: a script Node
 * runs, or pnpm's own executable), else pnpm 12 from the npm registry through npx.
 */
export function pnpm(args: string[], options: ExecFileSyncOptions & {cwd: string}): string {
  const execPath = process.env.npm_execpath
  const [command, prefix] =
    execPath && /pnpm/.test(execPath)
      ? /\.[cm]?js$/.test(execPath)
        ? [process.execPath, [execPath]]
        : [execPath, []]
      : ['npx', ['-y', 'pnpm@12']]
  return execFileSync(command, [...prefix, ...args], {encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], ...options}) as string
}
