import type {Socket} from 'node:net'

/**
 * Everything `socket` receives until the server ends it: for tests that send raw HTTP (bytes no
 * client library would send) and read the answer as written.
 */
export function readToEnd(socket: Socket): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = ''
    socket.setEncoding('utf8')
    socket.on('data', (chunk: string) => (text += chunk))
    socket.on('end', () => resolve(text))
    socket.on('error', reject)
  })
}
