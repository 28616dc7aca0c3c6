import {readdir, readFile} from 'node:fs/promises'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {repoRoot} from '../../scripts/lib/paths.ts'

// The Next.js site uses @treatments/content as a site that installed it from npm: through its
// `exports` (which give Next.js `dist`), never its source.

const siteDir = join(repoRoot, 'packages/next-site')

async function sources(): Promise<Array<{path: string; text: string}>> {
  const files = (await readdir(siteDir, {recursive: true})).filter((path) => /\.(ts|tsx)$/.test(path) && !/(^|\/)(node_modules|\.next[^/]*)\//.test(path) && !path.endsWith('.d.ts'))
  return Promise.all(files.map(async (path) => ({path, text: await readFile(join(siteDir, path), 'utf8')})))
}

describe('the Next.js site’s imports', () => {
  it('reach the content package only through its public entry points', async () => {
    const found = await sources()
    expect(found.length).toBeGreaterThan(10)
    for (const {path, text} of found) {
      for (const [, specifier] of text.matchAll(/(?:from|import)\s*\(?\s*'([^']+)'/g)) {
        const escapes = specifier!.startsWith('.') && !join(siteDir, path, '..', specifier!).startsWith(siteDir)
        expect(escapes || /^@treatments\/content\/(src|dist)\b/.test(specifier!), `${path} imports ${specifier}`).toBe(false)
      }
    }
  })

  it('resolve the package the way a published consumer does (no source condition, no paths to src)', async () => {
    const tsconfig = JSON.parse(await readFile(join(siteDir, 'tsconfig.json'), 'utf8')) as {compilerOptions: {customConditions?: string[]; paths?: object}}
    expect(tsconfig.compilerOptions.customConditions).toEqual([])
    expect(tsconfig.compilerOptions.paths).toEqual({})
    expect(await readFile(join(siteDir, 'next.config.ts'), 'utf8')).not.toContain('@treatments/source')
  })
})
