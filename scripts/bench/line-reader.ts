import type {ChildProcess} from 'node:child_process'
import {createInterface} from 'node:readline'

/** Reads `child`'s stdout line by line: each call resolves with the next line. */
export function lineReader(child: ChildProcess): () => Promise<string> {
  const lines: string[] = []
  const waiting: Array<{resolve: (line: string) => void; reject: (error: Error) => void}> = []
  createInterface({input: child.stdout!}).on('line', (line) => {
    const waiter = waiting.shift()
    if (waiter) waiter.resolve(line)
    else lines.push(line)
  })
  child.once('exit', (code) => {
    for (const waiter of waiting.splice(0)) waiter.reject(new Error(`the lake exited with ${code}`))
  })
  return () => {
    const line = lines.shift()
    if (line !== undefined) return Promise.resolve(line)
    if (child.exitCode !== null) return Promise.reject(new Error(`the lake exited with ${child.exitCode}`))
    return new Promise((resolve, reject) => waiting.push({resolve, reject}))
  }
}
