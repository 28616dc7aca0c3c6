import {execFile, spawn, type ChildProcess} from 'node:child_process'
import {promisify} from 'node:util'

const run = promisify(execFile)

/**
 * Two network namespaces joined by a virtual Ethernet link: a "server" machine at
 * {@link TwoHosts.serverAddress} and a "client" machine at {@link TwoHosts.clientAddress}, so a
 * test can make a request whose remote address is not loopback on any host, without touching the
 * host's own network (everything lives in the namespaces and goes with them). Needs root and
 * iproute2 (`ip`), as on the project's machines and CI.
 */
export interface TwoHosts {
  serverAddress: string
  clientAddress: string
  /** Starts `command` inside the server's or the client's namespace. */
  spawnIn(host: 'server' | 'client', command: string, args: readonly string[], options?: {cwd?: string}): ChildProcess
  /** Deletes both namespaces (and with them the link and anything still bound there). */
  remove(): Promise<void>
}

// RFC 2544's benchmarking range: never routed, and only ever inside these namespaces here.
const SERVER_ADDRESS = '198.18.0.1'
const CLIENT_ADDRESS = '198.18.0.2'

export async function createTwoHosts(): Promise<TwoHosts> {
  const names = {server: `lake-server-${process.pid}`, client: `lake-client-${process.pid}`}
  const ip = (...args: string[]) => run('ip', args)
  const inside = (name: string, ...args: string[]) => ip('netns', 'exec', name, 'ip', ...args)
  const remove = async () => {
    for (const name of Object.values(names)) await ip('netns', 'del', name).catch(() => undefined)
  }
  try {
    await ip('netns', 'add', names.server)
    await ip('netns', 'add', names.client)
    await inside(names.server, 'link', 'add', 'eth0', 'type', 'veth', 'peer', 'name', 'peer0')
    await inside(names.server, 'link', 'set', 'peer0', 'netns', names.client)
    await inside(names.client, 'link', 'set', 'peer0', 'name', 'eth0')
    for (const [name, address] of [
      [names.server, SERVER_ADDRESS],
      [names.client, CLIENT_ADDRESS],
    ] as const) {
      await inside(name, 'address', 'add', `${address}/30`, 'dev', 'eth0')
      await inside(name, 'link', 'set', 'eth0', 'up')
      await inside(name, 'link', 'set', 'lo', 'up')
    }
  } catch (error) {
    await remove()
    throw new Error(`could not make two network namespaces (this test needs root and iproute2): ${(error as Error).message}`)
  }
  return {
    serverAddress: SERVER_ADDRESS,
    clientAddress: CLIENT_ADDRESS,
    spawnIn: (host, command, args, options = {}) => spawn('ip', ['netns', 'exec', names[host], command, ...args], {cwd: options.cwd, stdio: ['ignore', 'pipe', 'pipe']}),
    remove,
  }
}
