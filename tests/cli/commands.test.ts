import {execFileSync, spawn} from 'node:child_process'
import {once} from 'node:events'
import {mkdtemp, readFile, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import {createUiStrings} from '@treatments/content/ui-strings'
import {repoRoot} from '../../scripts/lib/paths.ts'
import {runScript} from '../translations/support/run-script.ts'

/** Every script in scripts/ that uses the shared command-line helper, with its `pnpm` name. */
const scripts = [
  ['content-check.ts', 'content:check'],
  ['print-treatment.ts', 'print'],
  ['seed.ts', 'seed'],
  ['content-export.ts', 'content:export'],
  ['translations.ts', 'translations'],
  ['size.ts', 'size'],
  ['check-generated.ts', 'schema:check'],
  ['demo.ts', 'demo'],
  ['next-site.ts', 'next-site'],
  ['history.ts', 'history'],
  ['lake.ts', 'lake'],
  ['studio.ts', 'studio'],
  ['migrate-slugs.ts', 'migrate:slugs'],
] as const

let directory: string
beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'commands-'))
})
afterAll(async () => {
  await rm(directory, {recursive: true, force: true})
})

/** One line on stderr, nothing that looks like a stack trace. */
function expectOneLine(stderr: string) {
  expect(stderr.endsWith('\n')).toBe(true)
  expect(stderr.trimEnd().split('\n')).toHaveLength(1)
  expect(stderr).not.toMatch(/\n\s+at /)
}

describe('every script', () => {
  it.each(scripts)('%s prints its usage for --help and exits 0', async (file, name) => {
    const result = await runScript(file, ['--help'])
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(new RegExp(`^Usage: pnpm ${name}`))
    expect(result.stderr).toBe('')
  })

  it.each(scripts)('%s rejects an unknown option in one line with exit 2', async (file, name) => {
    const result = await runScript(file, ['--nope'])
    expect(result.code).toBe(2)
    expectOneLine(result.stderr)
    expect(result.stderr).toMatch(new RegExp(`^pnpm ${name}: unknown option --nope; run "pnpm ${name} --help" for the usage\\n$`))
  })
})

describe('user mistakes', () => {
  it('suggests the option meant by a typo (print --lcoale it)', async () => {
    const result = await runScript('print-treatment.ts', ['--lcoale', 'it'])
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr: 'pnpm print: unknown option --lcoale (did you mean --locale?); run "pnpm print --help" for the usage\n',
    })
  })

  it('says how to give a value that starts with a dash (lake --port -5)', async () => {
    const result = await runScript('lake.ts', ['--port', '-5'])
    expect(result.code).toBe(2)
    expectOneLine(result.stderr)
    expect(result.stderr).toBe('pnpm lake: --port\'s value starts with "-": write it as --port=VALUE; run "pnpm lake --help" for the usage\n')
  })

  it('stops listing the lines of a file that is not NDJSON after ten (content:check README.md), saying what the file is not', async () => {
    const result = await runScript('content-check.ts', [join(repoRoot, 'README.md')])
    expect(result.code).toBe(1)
    const lines = result.stderr.trimEnd().split('\n')
    expect(lines.slice(0, 10).every((line) => /README\.md:\d+: line is not valid JSON/.test(line))).toBe(true)
    expect(lines[10]).toMatch(/README\.md: and \d+ more lines that are not JSON: is it an NDJSON dataset \(one JSON document per line\)\?$/)
    expect(lines.at(-1)).toMatch(/^content:check: \d+ problem\(s\)$/)
    expect(lines).toHaveLength(12)
  })

  it('refuses a day that is not on the calendar (history --since 2026-02-30) instead of reading it as 2 March', async () => {
    const result = await runScript('history.ts', ['contraindication-pregnancy', '--since', '2026-02-30'])
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr: 'pnpm history: --since must be a date like 2026-12-01 or 2026-12-01T09:00Z; got "2026-02-30", which is not a day of the calendar; run "pnpm history --help" for the usage\n',
    })
  })

  it('refuses a --field the document never had (history --field bogus) instead of reporting 0 changes to it', async () => {
    const result = await runScript('history.ts', ['contraindication-pregnancy', '--field', 'bogus[en]'])
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'pnpm history: --field bogus[en]: contraindication-pregnancy has no field "bogus", now or in its history; its fields are category, kind, text, translations; run "pnpm history --help" for the usage\n',
    })
    expect((await runScript('history.ts', ['contraindication-pregnancy', '--field', 'kind'])).code).toBe(0)
  })

  it('names an unknown slug and the slugs there are, exit 1 (print --slug nope)', async () => {
    const result = await runScript('print-treatment.ts', ['--slug', 'nope'])
    expect(result).toEqual({
      code: 1,
      stdout: '',
      stderr: 'pnpm print: no published treatment has the slug "nope" in content/dataset.ndjson; known slugs: mesotherapy-cellulite (en), mesoterapia-cellulite (it), mesotherapie-cellulite (de)\n',
    })
  })

  it('names a missing file in one line with exit 1 (content:check missing.ndjson)', async () => {
    const result = await runScript('content-check.ts', ['missing.ndjson'])
    expect(result).toEqual({
      code: 1,
      stdout: '',
      stderr: `pnpm content:check: missing.ndjson: no such file or directory; check the path (relative paths start from ${repoRoot.replace(/\/$/, '')})\n`,
    })
  })

  it('shows the stack trace only with --debug', async () => {
    const result = await runScript('content-check.ts', ['missing.ndjson', '--debug'])
    expect(result.code).toBe(1)
    expect(result.stderr.split('\n')[0]).toMatch(/^pnpm content:check: missing\.ndjson: no such file/)
    expect(result.stderr).toMatch(/\n\s+at /)
  })

  it('reports a malformed dataset line as a content problem, exit 1 (seed --file)', async () => {
    const broken = join(directory, 'broken.ndjson')
    await writeFile(broken, '{"_id": "a", "_type": "condition"}\n{not json\n')
    const result = await runScript('seed.ts', ['--lake', 'http://127.0.0.1:9', '--file', broken])
    expect(result.code).toBe(1)
    expectOneLine(result.stderr)
    expect(result.stderr.startsWith(`pnpm seed: ${broken}:2:2: line is not valid JSON`)).toBe(true)
  })

  it('explains a lake that is not running, exit 1 (seed --lake)', async () => {
    const result = await runScript('seed.ts', ['--lake', 'http://127.0.0.1:9'])
    expect(result.code).toBe(1)
    expectOneLine(result.stderr)
    expect(result.stderr).toMatch(/^pnpm seed: cannot reach the server .*check that it is running \(pnpm lake\)/)
  })

  it('rejects a bad port in one line with exit 2, also after the `--` pnpm forwards (demo -- --port x)', async () => {
    const result = await runScript('demo.ts', ['--', '--port', 'x'])
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr: 'pnpm demo: --port must be a port number from 0 to 65535 (0 picks a free one); got "x"; run "pnpm demo --help" for the usage\n',
    })
  })

  it('refuses to start the demo on a broken dataset file, in one line with exit 1, instead of failing every page', async () => {
    const file = join(directory, 'broken.ndjson')
    await writeFile(file, '{"_id":"a","_type":"treatment"}\n{"_id":"a","_type":"treatment"}\n')
    const result = await runScript('demo.ts', ['--port', '0'], {CONTENT_DATASET: file})
    expect(result.code).toBe(1)
    expectOneLine(result.stderr)
    expect(result.stderr).toBe(`pnpm demo: cannot serve NDJSON ${file}: ${file}:2: duplicate _id "a" (first seen on line 1)\n`)
  })

  it('refuses a SANITY_API_HOST without its scheme in one line naming the variable, instead of a stack trace (demo)', async () => {
    const result = await runScript('demo.ts', ['--port', '0'], {SANITY_PROJECT_ID: 'local', SANITY_API_HOST: 'localhost:3334'})
    expect(result.code).toBe(1)
    expectOneLine(result.stderr)
    expect(result.stderr).toBe('pnpm demo: SANITY_API_HOST must be an http or https URL such as "http://127.0.0.1:3334", got "localhost:3334"\n')
  })

  it('logs a page the content cannot make as one line naming the request, not a stack trace per visit (demo)', async () => {
    // The list of treatments is fine; the page's contraindication reference leads nowhere, so
    // every visit of the page is refused (503) by the package's response checks.
    const text = (await readFile(join(repoRoot, 'content/dataset.ndjson'), 'utf8')).replace('"_ref":"contraindication-pregnancy"', '"_ref":"contraindication-gone"')
    const file = join(directory, 'dangling.ndjson')
    await writeFile(file, text)
    const base = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('SANITY_')))
    const child = spawn(process.execPath, ['--conditions=@treatments/source', 'scripts/demo.ts', '--port', '0'], {
      cwd: repoRoot,
      env: {...base, INIT_CWD: repoRoot, CONTENT_DATASET: file},
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let stdout = ''
        child.stdout.on('data', (chunk: Buffer) => {
          stdout += chunk.toString()
          const found = /Example site on (http:\/\/\S+)/.exec(stdout)
          if (found) resolve(found[1]!)
        })
        child.once('exit', () => reject(new Error(`demo exited: ${stderr}`)))
      })
      for (let visit = 0; visit < 2; visit++) expect((await fetch(`${url}/en/treatments/mesotherapy-cellulite`)).status).toBe(503)
      await expect.poll(() => stderr.split('\n').filter(Boolean).length).toBe(2)
      for (const line of stderr.trimEnd().split('\n')) {
        expect(line).toMatch(/^pnpm demo: GET \/en\/treatments\/mesotherapy-cellulite: 503: .*contraindication/)
      }
      expect(stderr).not.toMatch(/\n\s+at /)
    } finally {
      child.kill('SIGTERM')
      if (child.exitCode === null) await once(child, 'exit')
    }
  })

  it('says what one --cors-origin must be, in the command line\'s words (lake --cors-origin notaurl)', async () => {
    expect(await runScript('lake.ts', ['--cors-origin', 'notaurl'])).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'pnpm lake: --cors-origin must be an origin such as http://localhost:5173 (scheme, host and port only; "*" is not allowed); got "notaurl"; run "pnpm lake --help" for the usage\n',
    })
  })

  it('names a missing --file before building anything (studio --file missing.ndjson)', async () => {
    const result = await runScript('studio.ts', ['--file', 'missing.ndjson'])
    expect(result).toEqual({
      code: 1,
      stdout: '',
      stderr: `pnpm studio: --file missing.ndjson (${join(repoRoot, 'missing.ndjson')}) does not exist; give an NDJSON dataset (default: content/dataset.ndjson)\n`,
    })
  })

  it('asks for a translations command in one line with exit 2', async () => {
    expect(await runScript('translations.ts', ['frobnicate'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'pnpm translations: unknown command "frobnicate"; the commands are status, export and import; run "pnpm translations --help" for the usage\n',
    })
  })
})

describe('print', () => {
  it.each(['it', 'de'])('labels a treatment in the locale it prints (--locale %s), from the package’s UI strings', async (locale) => {
    const result = await runScript('print-treatment.ts', ['--locale', locale])
    expect(result.code).toBe(0)
    const ui = createUiStrings(locale)
    const english = createUiStrings('en')
    for (const key of ['usedFor', 'howManySessions', 'ingredients', 'resultsAndWhen', 'sideEffects', 'whoCannotHaveIt'] as const) {
      expect(result.stdout, key).toContain(`\n${ui.t(key)}:`)
      expect(result.stdout, key).not.toContain(`\n${english.t(key)}:`)
    }
    expect(result.stdout).toContain(ui.formatSessions(3, 4))
    expect(result.stdout).not.toMatch(/\b(sessions|weeks apart|from day|awaiting medical review|Not yet translated|field\(s\))\b/)
  })
})

describe('print with a text missing in every locale', () => {
  it('shows the missing-text mark where the text would be, never "null"', async () => {
    // Such a dataset fails content:check; print must still not make a safety text read "null".
    const lines = (await readFile(join(repoRoot, 'content/dataset.ndjson'), 'utf8')).split('\n').map((line) => {
      if (!line.includes('"_id":"contraindication-pregnancy"') && !line.includes('"_id":"treatment-mesotherapy-cellulite"')) return line
      const document = JSON.parse(line) as Record<string, unknown>
      if (document._type === 'contraindication') document.text = []
      else document.disclaimer = []
      return JSON.stringify(document)
    })
    const file = join(directory, 'missing-texts.ndjson')
    await writeFile(file, lines.join('\n'))
    for (const locale of ['en', 'de']) {
      const result = await runScript('print-treatment.ts', ['--locale', locale], {CONTENT_DATASET: file})
      expect(result.code, locale).toBe(0)
      const missing = `[${createUiStrings(locale).t('textMissing')}]`
      expect(result.stdout, locale).not.toMatch(/\bnull\b/)
      expect(result.stdout.split('\n'), locale).toContain(`  - ${missing}`)
      expect(result.stdout.split('\n'), locale).toContain(missing)
    }
  })
})

describe('paths start from the directory the user ran the command in (INIT_CWD)', () => {
  it('checks content/dataset.ndjson given as dataset.ndjson from content/', async () => {
    const result = await runScript('content-check.ts', ['dataset.ndjson'], {INIT_CWD: join(repoRoot, 'content')})
    expect(result).toEqual({code: 0, stdout: 'content:check: 26 documents in 1 file(s), no problems\n', stderr: ''})
  })

  it('prints from a relative CONTENT_DATASET', async () => {
    const result = await runScript('print-treatment.ts', ['--locale', 'de'], {INIT_CWD: join(repoRoot, 'content'), CONTENT_DATASET: 'dataset.ndjson'})
    expect(result.code).toBe(0)
    expect(result.stdout.split('\n')[0]).toBe('Mesotherapie bei Cellulite')
  })

  it('writes translations export --out de.xlf into that directory', async () => {
    const result = await runScript('translations.ts', ['export', '--locale', 'de', '--only', 'missing', '--out', 'de.xlf'], {INIT_CWD: directory})
    expect(result.code).toBe(0)
    expect(result.stderr).toBe('translations export: 38 fields (38 missing) of 22 documents for de written to de.xlf\n')
    expect(await readFile(join(directory, 'de.xlf'), 'utf8')).toMatch(/^<\?xml/)
  })
})

describe('files the commands write for people', () => {
  it('are ignored by git', () => {
    const ignored = execFileSync('git', ['check-ignore', 'de.xlf', 'packages/x/it.xliff', 'translations-work/de.xlf', 'export.ndjson'], {cwd: repoRoot, encoding: 'utf8'})
    expect(ignored.trim().split('\n')).toEqual(['de.xlf', 'packages/x/it.xliff', 'translations-work/de.xlf', 'export.ndjson'])
    expect(() => execFileSync('git', ['check-ignore', 'content/dataset.ndjson'], {cwd: repoRoot})).toThrow()
  })
})

describe('installing', () => {
  it('checks engines against the Node the scripts run on (nodeVersion equals the node devDependency)', async () => {
    const workspace = await readFile(join(repoRoot, 'pnpm-workspace.yaml'), 'utf8')
    const manifest = JSON.parse(await readFile(join(repoRoot, 'package.json'), 'utf8')) as {devDependencies: Record<string, string>}
    expect(/^nodeVersion: (\S+)$/m.exec(workspace)?.[1]).toBe(manifest.devDependencies.node)
  })
})

describe('stopping', () => {
  // Node 24's process.exit() can deadlock: it shuts the V8 platform down while a background
  // compile job waits for the main thread to collect garbage (nodejs/node#54918; a bench lake
  // hung that way). A process whose event loop runs dry disposes of V8 first and cannot. So a
  // long-running command stops by closing everything it opened; 'beforeExit' fires only then.
  const reportNaturalExit = `data:text/javascript,${encodeURIComponent("process.once('beforeExit', () => process.stderr.write('[ended with an empty event loop]\\n'))")}`

  it.each([
    ['lake.ts', 'Local lake listening on ', ['--port', '0', '--in-memory']],
    ['demo.ts', 'Example site on ', ['--port', '0']],
  ] as const)('%s stops on SIGTERM by closing what it opened, not with process.exit, and exits 0', async (file, ready, args) => {
    const base = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('SANITY_') && key !== 'CONTENT_DATASET' && key !== 'LAKE_TOKEN'))
    const child = spawn(process.execPath, ['--import', reportNaturalExit, '--conditions=@treatments/source', `scripts/${file}`, ...args], {
      cwd: repoRoot,
      env: {...base, INIT_CWD: repoRoot},
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    const exited = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>
    try {
      await expect.poll(() => stdout.includes(ready), {timeout: 30_000}).toBe(true)
      child.kill('SIGTERM')
      const [code, signal] = await exited
      expect({code, signal}).toEqual({code: 0, signal: null})
      expect(stderr).toContain('[ended with an empty event loop]')
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
    }
  })
})
