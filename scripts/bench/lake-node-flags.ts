import {readFileSync} from 'node:fs'

/**
 * The Node.js flags `pnpm lake` starts the lake with, read from the root package.json's `lake`
 * script, so a bench's lake runs as the users' does (a lake started with other flags collected
 * its garbage differently, and the bench measured a lake nobody runs).
 */
export function lakeNodeFlags(): string[] {
  const {scripts} = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {scripts: Record<string, string>}
  const [command, ...words] = scripts.lake!.split(/\s+/)
  const flags = words.slice(0, words.findIndex((word) => !word.startsWith('--')))
  if (command !== 'node' || !flags.includes('--expose-gc')) throw new Error(`lakeNodeFlags: unexpected "lake" script in package.json: ${scripts.lake}`)
  return flags
}
