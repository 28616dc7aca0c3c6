import {execFileSync} from 'node:child_process'
import {mkdtemp, readdir, readFile, rm} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {publint} from 'publint'
import {formatMessage} from 'publint/utils'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {measureBundle, ourBundles, peerBundles} from '../../scripts/lib/bundle-size.ts'
import {repoRoot} from '../../scripts/lib/paths.ts'
import {readmesWithSizes, sizeRegion, sizeTable} from '../../scripts/lib/size-readme.ts'
import {ensureContentDist} from '../support/content-dist.ts'
import {pnpm} from '../support/pnpm.ts'

// Release quality of @treatments/content, held in CI: publint with nothing to say, attw with no
// problem for any entry point, and every browser bundle within its budget.

const packageDir = join(repoRoot, 'packages/content')
let packDir: string
let tarball: string

beforeAll(async () => {
  packDir = await mkdtemp(join(tmpdir(), 'treatments-pack-'))
  // Built once for every test that reads dist (the Next.js site's build among them), not by prepack.
  await ensureContentDist()
  pnpm(['pack', '--ignore-scripts', '--pack-destination', packDir], {cwd: packageDir})
  tarball = join(packDir, (await readdir(packDir)).find((name) => name.endsWith('.tgz'))!)
}, 120_000)

afterAll(async () => {
  if (packDir) await rm(packDir, {recursive: true, force: true})
})

describe('@treatments/content as published', () => {
  it('has nothing publint warns or suggests about, in strict mode', async () => {
    // Lint exactly what is published: the unpacked tarball.
    execFileSync('tar', ['-xzf', tarball, '-C', packDir])
    const {messages, pkg} = await publint({pkgDir: join(packDir, 'package'), strict: true, pack: false})
    expect(messages.map((message) => `${message.type}: ${formatMessage(message, pkg)}`)).toEqual([])
  })

  it('has correct types for every entry point (attw, ESM-only profile)', () => {
    const attw = join(repoRoot, 'node_modules/@arethetypeswrong/cli/dist/index.js')
    let output = ''
    try {
      output = execFileSync(process.execPath, [attw, tarball, '--profile', 'esm-only', '--format', 'json'], {encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe']})
    } catch (error) {
      output = String((error as {stdout?: unknown}).stdout ?? '')
    }
    const report = JSON.parse(output) as {analysis: {problems: Array<{resolutionKind?: string}>; entrypoints: Record<string, unknown>}}
    // The ESM-only profile: CommonJS and node10 resolution are out of scope for an ESM package.
    const ignored = new Set(['node10', 'node16-cjs'])
    expect(Object.keys(report.analysis.entrypoints).sort()).toEqual([
      '.',
      './browser',
      './dataset',
      './local-dataset',
      './locales',
      './package.json',
      './page',
      './render',
      './sitemap',
      './structured-data',
      './ui-strings',
    ])
    expect(report.analysis.problems.filter((problem) => !ignored.has(problem.resolutionKind ?? ''))).toEqual([])
  })

  it('ships a README for its npm page, with the sections every package readme has', async () => {
    const listing = execFileSync('tar', ['-tzf', tarball], {encoding: 'utf8'}).split('\n')
    expect(listing).toContain('package/README.md')
    const readme = execFileSync('tar', ['-xzOf', tarball, 'package/README.md'], {encoding: 'utf8'})
    const headings = [...readme.matchAll(/^## (.+)$/gm)].map((match) => match[1])
    expect(headings).toEqual(['Contents', 'What is this', 'When should I use this', 'Install', 'Use', 'API', 'Types', 'Compatibility', 'Bundle sizes', 'Security'])
    // What a user needs from it: install, the three sources, fallbacks, rendering, the page, JSON-LD, errors.
    for (const needle of ['npm install @treatments/content', 'localDataset(', 'apiHost:', 'projectId:', 'fallbacks', 'renderTreatmentPage', 'treatmentJsonLd', 'ContentNotFoundError', 'edge runtime', 'studio/schemaTypes/']) {
      expect(readme, needle).toContain(needle)
    }
  })

  it('ships the built entries, their sources, types and maps, and nothing for tests', () => {
    const listing = execFileSync('tar', ['-tzf', tarball], {encoding: 'utf8'}).split('\n').filter(Boolean).sort()
    expect(listing).toContain('package/dist/index.js')
    expect(listing).toContain('package/src/index.ts')
    // Test helpers (src/test-support, built into dist/test-support) and tests stay in the repository.
    expect(listing.filter((path) => /(^|\/)test-support(\/|$)|\.test(-d)?\.ts$|\.test\.(js|d\.ts)(\.map)?$/.test(path))).toEqual([])
    const unexpected = listing.filter(
      (path) => !/^package\/(package\.json|README\.md|CHANGELOG\.md|src\/.+\.ts|dist\/.+\.(js|d\.ts)(\.map)?)$/.test(path),
    )
    expect(unexpected).toEqual([])
  })

  it('declares ESM with types first, no side effects, and ships only what it lists', async () => {
    const manifest = JSON.parse(await readFile(join(packageDir, 'package.json'), 'utf8')) as {
      type: string
      sideEffects: boolean
      exports: Record<string, Record<string, string> | string>
      files: string[]
    }
    expect(manifest.type).toBe('module')
    expect(manifest.sideEffects).toBe(false)
    for (const [name, target] of Object.entries(manifest.exports)) {
      if (typeof target === 'string') continue
      const conditions = Object.keys(target).filter((condition) => condition !== '@treatments/source')
      expect(conditions, name).toEqual(['types', 'default'])
    }
    expect(manifest.files).toContain('dist')
  })
})

describe('browser bundle budgets', () => {
  for (const entry of ourBundles) {
    it(`keeps “${entry.name}” within ${entry.budgetGzip} bytes gzip`, async () => {
      const size = await measureBundle(entry)
      expect(size.gzip).toBeLessThanOrEqual(entry.budgetGzip)
    })
  }
})

describe('bundle sizes in the READMEs', () => {
  it('are the figures `pnpm size` measures now, in every README that shows them', async () => {
    // Re-measured, compared as text: no tolerance. Fix with `pnpm size --write-readme`.
    const ours = await Promise.all(ourBundles.map(async (entry) => ({...(await measureBundle(entry)), budgetGzip: entry.budgetGzip})))
    const table = sizeTable(ours, await Promise.all(peerBundles.map(measureBundle)))
    for (const path of readmesWithSizes) {
      const readme = await readFile(path, 'utf8')
      expect(sizeRegion(readme), `${path}: run pnpm size --write-readme`).toBe(table)
      // No current figure outside the table, where it could go stale again (the root README's
      // paragraph on earlier sizes is history and says so).
      const outside = readme.replace(/<!-- size:start[\s\S]*?<!-- size:end -->/, '').replace(/Before the bundles were made smaller[\s\S]*?\n\n/, '')
      expect(outside.match(/[^\n]*\b\d+(\.\d)? kB\b[^\n]*/g) ?? [], path).toEqual([])
    }
  })
})
