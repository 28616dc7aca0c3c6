import {mkdir, mkdtemp, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {dirname, join} from 'node:path'
import {cruise, type ICruiseResult} from 'dependency-cruiser'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import config, {contentRooms, lakeRooms, roomRules} from '../../.dependency-cruiser.mjs'

// `pnpm deps:check` runs these rules on the packages; here they run on small trees that break
// them, so a rule that stopped matching (a renamed folder, a wrong pattern) fails a test.
describe('the rooms rule (.dependency-cruiser.mjs)', () => {
  let root: string
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'rooms-'))
  })
  afterAll(async () => {
    await rm(root, {recursive: true, force: true})
  })

  async function violations(files: Record<string, string>, rules = config.forbidden ?? []): Promise<string[]> {
    const dir = await mkdtemp(join(root, 'tree-'))
    for (const [path, text] of Object.entries(files)) {
      await mkdir(dirname(join(dir, path)), {recursive: true})
      await writeFile(join(dir, path), text)
    }
    const {output} = await cruise(['packages'], {baseDir: dir, ruleSet: {forbidden: rules}, tsPreCompilationDeps: true, validate: true})
    const result = output as ICruiseResult
    return result.summary.violations.map(({rule, from, to}) => `${rule.name}: ${from} -> ${to}`)
  }

  it('every room of both packages is in a layer', () => {
    for (const {layers} of [contentRooms, lakeRooms]) {
      const rooms = layers.flat()
      expect(new Set(rooms).size).toBe(rooms.length)
    }
    expect(roomRules(contentRooms).length).toBeGreaterThan(contentRooms.layers.length - 1)
  })

  it('refuses an import from a lower room to a higher one, in both packages', async () => {
    const found = await violations({
      'packages/content/src/lib/dataset/item-language.ts': "import {x} from '../page/page-text.ts'\nexport const y = x\n",
      'packages/content/src/lib/page/page-text.ts': 'export const x = 1\n',
      'packages/local-lake/src/lib/http/send-json.ts': "import {x} from '../server/start.ts'\nexport const y = x\n",
      'packages/local-lake/src/lib/server/start.ts': 'export const x = 1\n',
    })
    expect(found).toEqual([
      'no-upward-import:packages/content/src/lib/dataset/: packages/content/src/lib/dataset/item-language.ts -> packages/content/src/lib/page/page-text.ts',
      'no-upward-import:packages/local-lake/src/lib/http/,query/,history/,write/: packages/local-lake/src/lib/http/send-json.ts -> packages/local-lake/src/lib/server/start.ts',
    ])
  })

  it('allows only the named exception: the dataset runner may read the query plans, nothing else above it', async () => {
    const found = await violations({
      'packages/content/src/lib/dataset/groq-runner.ts': "import {plans} from '../query/treatment-query-plans.ts'\nimport {q} from '../query/queries.ts'\nexport const r = [plans, q]\n",
      'packages/content/src/lib/query/treatment-query-plans.ts': 'export const plans = 1\n',
      'packages/content/src/lib/query/queries.ts': 'export const q = 1\n',
      'packages/content/src/lib/dataset/other.ts': "import {plans} from '../query/treatment-query-plans.ts'\nexport const o = plans\n",
    })
    expect(found).toEqual([
      'no-upward-import:packages/content/src/lib/dataset/: packages/content/src/lib/dataset/groq-runner.ts -> packages/content/src/lib/query/queries.ts',
      'no-upward-import:packages/content/src/lib/dataset/: packages/content/src/lib/dataset/other.ts -> packages/content/src/lib/query/treatment-query-plans.ts',
    ])
  })

  it('refuses an import cycle, also inside one room and through type-only imports', async () => {
    const found = await violations({
      'packages/content/src/lib/reader/a.ts': "import type {B} from './b.ts'\nexport type A = B | 1\n",
      'packages/content/src/lib/reader/b.ts': "import type {A} from './a.ts'\nexport type B = A | 2\n",
    })
    expect(found).toEqual(['no-circular: packages/content/src/lib/reader/a.ts -> packages/content/src/lib/reader/b.ts'])
  })

  it('lets tests import across rooms', async () => {
    const found = await violations({
      'packages/content/src/lib/html/writer.test.ts': "import {x} from '../page/page-text.ts'\nexport const y = x\n",
      'packages/content/src/lib/page/page-text.ts': 'export const x = 1\n',
    })
    expect(found).toEqual([])
  })
})
