import {readdir, readFile, symlink, writeFile} from 'node:fs/promises'
import {join, relative, resolve} from 'node:path'

import {parseNdjson} from '@treatments/content/dataset'
import {afterEach, beforeEach, describe, expect, it} from 'vitest'

import {repoRoot} from '../../scripts/lib/paths.ts'
import {runScript} from './support/run-script.ts'
import {startTempLake, type TempLake} from './support/temp-lake.ts'

let temp: TempLake
beforeEach(async () => {
  temp = await startTempLake()
  await temp.client.createOrReplace({_id: 'drafts.condition-cellulite', _type: 'condition', name: []})
})
afterEach(async () => {
  await temp.close()
})

describe('pnpm content:export', () => {
  it('writes the published documents sorted by _type then _id, the same bytes every time, leaving no temporary file', async () => {
    const out = join(temp.directory, 'export.ndjson')
    const log = join(temp.directory, '.dataset.ndjson.history.ndjson')
    const logBefore = await readFile(log, 'utf8').catch(() => '')
    const result = await runScript('content-export.ts', ['--lake', temp.lake.url, '--out', out], {LAKE_TOKEN: temp.lake.token})
    expect(result).toEqual({
      code: 0,
      stderr: `pnpm content:export: left out 1 draft of local lake at ${temp.lake.url}; pass --drafts to include them\n`,
      stdout: `Exported 26 documents from local lake at ${temp.lake.url} to ${out}\n`,
    })
    const text = await readFile(out, 'utf8')
    const documents = parseNdjson(text)
    const keys = documents.map((document) => [document._type, document._id])
    expect(keys).toEqual([...keys].sort((a, b) => (a[0]! < b[0]! ? -1 : a[0]! > b[0]! ? 1 : a[1]! < b[1]! ? -1 : 1)))
    expect(keys[0]).toEqual(['condition', 'condition-cellulite'])
    expect(keys.at(-1)).toEqual(['treatment', 'treatment-mesotherapy-cellulite'])
    expect(documents.some((document) => document._id.startsWith('drafts.'))).toBe(false)
    expect(text.endsWith('}\n')).toBe(true)
    const source = new Map((await temp.readDocuments()).map((document) => [document._id, document]))
    for (const document of documents) expect(document).toEqual(source.get(document._id))

    await runScript('content-export.ts', ['--lake', temp.lake.url, '--out', out], {LAKE_TOKEN: temp.lake.token})
    expect(await readFile(out, 'utf8')).toBe(text)
    // The lock file and the history log are the running test lake's own (it owns dataset.ndjson);
    // exporting leaves the log alone.
    expect((await readdir(temp.directory)).filter((name) => !name.endsWith('.lock') && !name.endsWith('.history.ndjson')).sort()).toEqual(['dataset.ndjson', 'export.ndjson'])
    expect(await readFile(log, 'utf8').catch(() => '')).toBe(logBefore)
  })

  it('exports the published documents from a lake without its token, saying the drafts could not be counted', async () => {
    // Published documents need no token; counting the drafts left out does.
    const out = join(temp.directory, 'no-token.ndjson')
    const result = await runScript('content-export.ts', ['--lake', temp.lake.url, '--out', out], {LAKE_TOKEN: ''})
    expect(result).toEqual({
      code: 0,
      stdout: `Exported 26 documents from local lake at ${temp.lake.url} to ${out}\n`,
      stderr: `pnpm content:export: did not count the drafts left out: reading drafts of local lake at ${temp.lake.url} needs its token (LAKE_TOKEN, printed by pnpm lake); pass --drafts with it to include them\n`,
    })
    expect(parseNdjson(await readFile(out, 'utf8'))).toHaveLength(26)
  })

  it('includes drafts with --drafts, and writes to standard output with --out -', async () => {
    const result = await runScript('content-export.ts', ['--lake', temp.lake.url, '--drafts', '--out', '-'], {LAKE_TOKEN: temp.lake.token})
    expect(result.code).toBe(0)
    expect(result.stderr).toBe('')
    const ids = parseNdjson(result.stdout).map((document) => document._id)
    expect(ids).toHaveLength(27)
    expect(ids.slice(0, 2)).toEqual(['condition-cellulite', 'drafts.condition-cellulite'])
  })

  it('reads the local dataset file when no lake or project is given', async () => {
    const result = await runScript('content-export.ts', ['--out', '-'], {CONTENT_DATASET: temp.file})
    expect(result.code).toBe(0)
    expect(parseNdjson(result.stdout)).toHaveLength(26)
    expect(result.stderr).toBe(`pnpm content:export: left out 1 draft of ${temp.file} (local lake); pass --drafts to include them\n`)
  })

  it('refuses (exit 2) to write over the dataset file it reads, however the path is spelled, and leaves the file and its drafts alone', async () => {
    const before = await readFile(temp.file, 'utf8')
    const link = join(temp.directory, 'link.ndjson')
    await symlink(temp.file, link)
    for (const out of [temp.file, relative(repoRoot, temp.file), link]) {
      const result = await runScript('content-export.ts', ['--out', out], {CONTENT_DATASET: temp.file})
      expect(result.code, out).toBe(2)
      expect(result.stdout).toBe('')
      expect(result.stderr.split('\n')[0]).toBe(
        `pnpm content:export: refusing to write ${resolve(repoRoot, out)}: it is the dataset file being exported (no --lake and no SANITY_PROJECT_ID, ` +
          `so it is read from ${temp.file}), and the export leaves out drafts and release versions, which would be lost. ` +
          'Give --out another file (or -), or export from a project or a running lake (--lake URL); run "pnpm content:export --help" for the usage',
      )
    }
    expect(await readFile(temp.file, 'utf8')).toBe(before)
    expect(before).toContain('"_id":"drafts.condition-cellulite"')
  })

  it('refuses (exit 2) to write over a dataset file a running lake serves, even when it reads that lake, and leaves the file and its drafts alone', async () => {
    // The lake keeps its documents in memory and writes the whole file on its next commit: an
    // export written under it would be undone, and the file would meanwhile have lost its drafts.
    const before = await readFile(temp.file, 'utf8')
    const link = join(temp.directory, 'served-link.ndjson')
    await symlink(temp.file, link)
    for (const [out, drafts] of [[temp.file, []], [link, ['--drafts']]] as const) {
      const result = await runScript('content-export.ts', ['--lake', temp.lake.url, '--out', out, ...drafts], {LAKE_TOKEN: temp.lake.token})
      expect(result.code, out).toBe(2)
      expect(result.stdout).toBe('')
      expect(result.stderr.split('\n')[0]!.replace(/PID \d+/, 'PID N')).toBe(
        `pnpm content:export: refusing to write ${out}: it is the dataset file of a test lake (PID N, listening on ${temp.lake.url}), which writes it itself: ` +
          'its next change would undo the export, and until then the file would have lost what the export leaves out. ' +
          'Give --out another file (or -), or stop that lake first; run "pnpm content:export --help" for the usage',
      )
    }
    expect(await readFile(temp.file, 'utf8')).toBe(before)
    expect(before).toContain('"_id":"drafts.condition-cellulite"')
  })

  it('refuses (exit 2) to replace a file holding drafts the export leaves out, or a file that is not a dataset, and writes it with --drafts', async () => {
    // A read-only or in-memory lake writes no lock file: its file's drafts must still not vanish.
    const withDrafts = join(temp.directory, 'with-drafts.ndjson')
    const text = `${await readFile(temp.file, 'utf8')}${JSON.stringify({_id: 'drafts.contraindication-pregnancy', _type: 'contraindication', text: []})}\n`
    await writeFile(withDrafts, text)
    const refused = await runScript('content-export.ts', ['--lake', temp.lake.url, '--out', withDrafts], {LAKE_TOKEN: temp.lake.token})
    expect(refused.code).toBe(2)
    expect(refused.stderr.split('\n')[0]).toBe(
      `pnpm content:export: refusing to replace ${withDrafts}: it holds 2 drafts or release versions that this export leaves out, and they would be lost. ` +
        'Pass --drafts to export the source\'s drafts too, or give --out another file (or -); run "pnpm content:export --help" for the usage',
    )
    expect(await readFile(withDrafts, 'utf8')).toBe(text)

    const notes = join(temp.directory, 'notes.md')
    await writeFile(notes, '# My notes\n')
    const notDataset = await runScript('content-export.ts', ['--lake', temp.lake.url, '--out', notes, '--drafts'], {LAKE_TOKEN: temp.lake.token})
    expect(notDataset.code).toBe(2)
    expect(notDataset.stderr.split('\n')[0]).toMatch(new RegExp(`^pnpm content:export: refusing to replace ${notes.replace(/[.]/g, '\\.')}: it is not an NDJSON dataset \\(line 1: `))
    expect(await readFile(notes, 'utf8')).toBe('# My notes\n')

    const written = await runScript('content-export.ts', ['--lake', temp.lake.url, '--out', withDrafts, '--drafts'], {LAKE_TOKEN: temp.lake.token})
    expect(written.code).toBe(0)
    expect(parseNdjson(await readFile(withDrafts, 'utf8')).filter((document) => document._id.startsWith('drafts.'))).toHaveLength(1)
  })
})
