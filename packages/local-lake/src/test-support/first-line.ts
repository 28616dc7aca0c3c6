import type {ChildProcess} from 'node:child_process'

/** The first line a child process prints (a child lake prints its address), or why it exited first. */
export function firstLine(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = ''
    child.stdout!.on('data', (chunk: Buffer) => {
      text += chunk.toString('utf8')
      const end = text.indexOf('\n')
      if (end >= 0) resolve(text.slice(0, end))
    })
    child.once('exit', (code) => reject(new Error(`child lake exited with ${code} before listening`)))
  })
}
