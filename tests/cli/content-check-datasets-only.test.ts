import {execFile} from 'node:child_process'
import {cp, mkdir, mkdtemp, readFile, readdir, rm, symlink} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {promisify} from 'node:util'

import {createClient} from '@sanity/client'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import {startLocalLake} from '@treatments/local-lake'
import {repoRoot} from '../../scripts/lib/paths.ts'

const run = promisify(execFile)

/**
 * A copy of the repository's layout (scripts, the extracted schema, content/), sharing its
 * node_modules, so `content:check` with no arguments reads this copy's content/ and a test can
 * edit it through a lake without touching the committed dataset.
 */
let root: string
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'content-check-'))
  await cp(join(repoRoot, 'scripts'), join(root, 'scripts'), {recursive: true})
  await mkdir(join(root, 'studio'))
  await cp(join(repoRoot, 'studio/schema.json'), join(root, 'studio/schema.json'))
  await mkdir(join(root, 'content'))
  await cp(join(repoRoot, 'content/dataset.ndjson'), join(root, 'content/dataset.ndjson'))
  await symlink(join(repoRoot, 'node_modules'), join(root, 'node_modules'), 'dir')
})
afterAll(async () => {
  await rm(root, {recursive: true, force: true})
})

/** Runs `pnpm content:check` (the command the root package.json gives it) in the copy, with no arguments. */
async function contentCheck(): Promise<{code: number; stdout: string; stderr: string}> {
  const scripts = (JSON.parse(await readFile(join(repoRoot, 'package.json'), 'utf8')) as {scripts: Record<string, string>}).scripts
  const [command, ...args] = scripts['content:check']!.split(' ')
  expect(command).toBe('node')
  try {
    const {stdout, stderr} = await run(process.execPath, args, {cwd: root, env: {...process.env, INIT_CWD: root}, timeout: 60_000})
    return {code: 0, stdout, stderr}
  } catch (error) {
    const failure = error as {code?: number; stdout: string; stderr: string}
    return {code: typeof failure.code === 'number' ? failure.code : 1, stdout: failure.stdout, stderr: failure.stderr}
  }
}

describe('content:check with no arguments after edits through the lake', () => {
  it('checks the dataset and skips the history log the lake wrote beside it', async () => {
    const file = join(root, 'content/dataset.ndjson')
    const lake = await startLocalLake({datasets: {production: file}})
    try {
      const client = createClient({apiHost: lake.url, useProjectHostname: false, projectId: 'local', dataset: 'production', apiVersion: '2025-02-19', useCdn: false, token: lake.token})
      const [id] = await client.fetch<string[]>('*[_type == "contraindication"][0..0]._id')
      // An edit as the Studio makes it: a draft from the published document, then a publish.
      const published = await client.getDocument(id!)
      await client.createOrReplace({...published!, _id: `drafts.${id}`, category: published!.category})
      await client.action({actionType: 'sanity.action.document.publish', draftId: `drafts.${id}`, publishedId: id!})
    } finally {
      await lake.close()
    }
    const names = await readdir(join(root, 'content'))
    expect(names).toContain('.dataset.ndjson.history.ndjson')

    const result = await contentCheck()
    expect(result).toEqual({code: 0, stdout: 'content:check: 26 documents in 1 file(s), no problems\n', stderr: ''})
  }, 120_000)
})
