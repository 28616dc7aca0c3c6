import {afterEach, beforeEach, describe, expect, it, vi} from 'vitest'
import {CliError, displayPath, invocationDirectory, parsePort, runCli, UsageError} from './cli.ts'

let errors: string[]
let output: string[]
beforeEach(() => {
  errors = []
  output = []
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void errors.push(args.join(' ')))
  vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => void output.push(args.join(' ')))
})
afterEach(() => {
  vi.restoreAllMocks()
  process.exitCode = 0
})

const command = {name: 'demo', usage: 'Usage: pnpm demo [--port N]', options: {port: {type: 'string'}} as const}

describe('runCli', () => {
  it('passes parsed options, ignoring the `--` pnpm forwards, and returns the exit code', async () => {
    let port: string | undefined
    const code = await runCli({...command, args: ['--', '--port', '4101']}, ({values}) => {
      port = values.port
      return 3
    })
    expect([code, process.exitCode, port]).toEqual([3, 3, '4101'])
  })

  it('prints the usage for -h and --help, and runs nothing', async () => {
    const run = vi.fn()
    expect(await runCli({...command, args: ['-h']}, run)).toBe(0)
    expect(await runCli({...command, args: ['--port', '1', '--help']}, run)).toBe(0)
    expect(run).not.toHaveBeenCalled()
    expect(output).toEqual([command.usage, command.usage])
  })

  it('turns parseArgs errors into one line naming the option, exit 2', async () => {
    expect(await runCli({...command, args: ['--prot', '1']}, () => 0)).toBe(2)
    expect(await runCli({...command, args: ['--port']}, () => 0)).toBe(2)
    expect(await runCli({...command, args: ['extra']}, () => 0)).toBe(2)
    expect(errors).toEqual([
      'pnpm demo: unknown option --prot (did you mean --port?); run "pnpm demo --help" for the usage',
      'pnpm demo: --port needs a value; run "pnpm demo --help" for the usage',
      'pnpm demo: unexpected argument "extra"; run "pnpm demo --help" for the usage',
    ])
  })

  it('prints a CliError or an explained error in one line, exit 1; the stack only with --debug', async () => {
    expect(await runCli({...command, args: []}, () => Promise.reject(new CliError('no such slug')))).toBe(1)
    const explain = (error: unknown) => (error instanceof RangeError ? `out of range: ${error.message}` : undefined)
    expect(await runCli({...command, args: [], explain}, () => Promise.reject(new RangeError('7')))).toBe(1)
    expect(errors).toEqual(['pnpm demo: no such slug', 'pnpm demo: out of range: 7'])
    errors.length = 0
    expect(await runCli({...command, args: ['--debug']}, () => Promise.reject(new CliError('no such slug')))).toBe(1)
    expect(errors[0]).toBe('pnpm demo: no such slug')
    expect(errors[1]).toMatch(/^CliError: no such slug\n\s+at /)
  })

  it('reports anything else as a bug, with its stack, exit 1', async () => {
    expect(await runCli({...command, args: []}, () => Promise.reject(new TypeError('x is undefined')))).toBe(1)
    expect(errors[0]).toBe('pnpm demo: unexpected error, which is a bug: please report it with this output')
    expect(errors[1]).toMatch(/^TypeError: x is undefined\n\s+at /)
  })

  it('resolves paths from INIT_CWD, where pnpm was run', async () => {
    vi.stubEnv('INIT_CWD', '/home/user/site')
    try {
      let resolved = ''
      await runCli({...command, positionals: true, args: ['content/a.ndjson']}, ({positionals, path}) => {
        resolved = path(positionals[0]!)
      })
      expect(resolved).toBe('/home/user/site/content/a.ndjson')
      expect(invocationDirectory()).toBe('/home/user/site')
      expect(displayPath('/home/user/site/content/a.ndjson')).toBe('content/a.ndjson')
      expect(displayPath('/tmp/b.ndjson')).toBe('/tmp/b.ndjson')
    } finally {
      vi.unstubAllEnvs()
    }
  })
})

describe('parsePort', () => {
  it('accepts 0 to 65535 and throws a UsageError naming the option otherwise', () => {
    expect([parsePort('0'), parsePort('3000'), parsePort('65535')]).toEqual([0, 3000, 65535])
    for (const bad of ['65536', '-1', '3e3', 'x', '']) expect(() => parsePort(bad, 'PORT'), bad).toThrow(UsageError)
    expect(() => parsePort('x')).toThrow('--port must be a port number from 0 to 65535 (0 picks a free one); got "x"')
  })
})
