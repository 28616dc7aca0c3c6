import type {ChildProcess} from 'node:child_process'
import {once} from 'node:events'

/**
 * Resolves when `child` has exited; if it has not within `graceMs`, kills it (SIGKILL) and says
 * so on stderr. A Node process can hang inside its own exit (nodejs/node#54918: V8's platform
 * shut down while a background compile job waits for a garbage collection), and one such child
 * once held a whole bench run; a benchmark must end.
 */
export async function waitForExit(child: ChildProcess, name: string, graceMs = 10_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return
  const exit = once(child, 'exit')
  const timer = setTimeout(() => {
    console.error(`bench: ${name} (pid ${child.pid}) did not exit ${graceMs / 1000} s after it was done; killed`)
    child.kill('SIGKILL')
  }, graceMs)
  try {
    await exit
  } finally {
    clearTimeout(timer)
  }
}

/** Sends SIGTERM to `child` unless it has exited, then `waitForExit`. */
export async function stopChild(child: ChildProcess, name: string, graceMs?: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return
  child.kill('SIGTERM')
  await waitForExit(child, name, graceMs)
}
