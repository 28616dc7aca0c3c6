import {execFileSync, spawnSync} from 'node:child_process'
import {cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {build} from 'esbuild'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {defaultDatasetPath, repoRoot} from '../../scripts/lib/paths.ts'
import {ensureContentDist} from '../support/content-dist.ts'
import {pnpm} from '../support/pnpm.ts'

// The package as a user gets it: packed to a tarball, installed into a new project outside
// the workspace, used through the README's example, and type-checked there.

const packageDir = join(repoRoot, 'packages/content')
let project: string
let tarball: string

/** The README's "Use in your site" examples, as written. */
async function readmeExamples(): Promise<{offline: string; sanity: string}> {
  const readme = await readFile(join(repoRoot, 'README.md'), 'utf8')
  const section = readme.slice(readme.indexOf('## Use in your site'))
  const blocks = [...section.matchAll(/```ts\n([\s\S]*?)```/g)].map((match) => match[1]!)
  const offline = blocks.find((block) => block.includes('localDataset('))
  const sanity = blocks.find((block) => block.includes('projectId'))
  if (!offline || !sanity) throw new Error('README.md must have an offline and a Sanity example under “## Use in your site”')
  return {offline, sanity}
}

const run = (args: string[], cwd: string) => pnpm(args, {cwd, env: {...process.env, npm_config_verify_deps_before_run: 'false'}})

beforeAll(async () => {
  project = await mkdtemp(join(tmpdir(), 'treatments-consumer-'))
  // Built once for every test that reads dist (the Next.js site's build among them), not by prepack.
  await ensureContentDist()
  run(['pack', '--ignore-scripts', '--pack-destination', project], packageDir)
  tarball = (await readdir(project)).find((name) => name.endsWith('.tgz'))!
  await writeFile(
    join(project, 'package.json'),
    JSON.stringify({name: 'consumer', private: true, type: 'module', dependencies: {'@treatments/content': `file:./${tarball}`}, devDependencies: {typescript: '5.9.3', '@types/node': '24.19.2'}}),
  )
  await writeFile(join(project, 'pnpm-workspace.yaml'), 'packages: []\n')
  run(['install', '--ignore-workspace', '--config.confirmModulesPurge=false'], project)
  await mkdir(join(project, 'content'))
  await cp(defaultDatasetPath, join(project, 'content/dataset.ndjson'))
}, 240_000)

afterAll(async () => {
  if (project) await rm(project, {recursive: true, force: true})
})

describe('the packed package in a new project', () => {
  it('ships built files, types and sources, but no tests', async () => {
    const listing = execFileSync('tar', ['-tzf', join(project, tarball)], {encoding: 'utf8'}).split('\n')
    expect(listing).toContain('package/dist/index.js')
    expect(listing).toContain('package/dist/index.d.ts')
    expect(listing.some((path) => path.endsWith('.test.ts'))).toBe(false)
  })

  it('runs the README’s offline example', async () => {
    const {offline} = await readmeExamples()
    await writeFile(join(project, 'offline.ts'), offline)
    const output = execFileSync(process.execPath, ['offline.ts'], {cwd: project, encoding: 'utf8'})
    expect(output).toContain('it Mesoterapia per la cellulite')
    expect(output.match(/^- /gm)).toHaveLength(10)
  })

  it('says the project must be ESM, which a default `npm init` project is not', async () => {
    // Both READMEs say it, and it is true: in an `npm init` project ("type": "commonjs", as npm 11
    // writes it) the offline example fails at its first import.
    for (const readme of ['README.md', 'packages/content/README.md']) {
      expect(await readFile(join(repoRoot, readme), 'utf8'), readme).toContain('"type": "module"')
    }
    const {offline} = await readmeExamples()
    const npmInit = join(project, 'npm-init')
    await mkdir(npmInit, {recursive: true})
    await writeFile(join(npmInit, 'package.json'), JSON.stringify({name: 'npm-init', version: '1.0.0', main: 'index.js', license: 'ISC', type: 'commonjs'}))
    await writeFile(join(npmInit, 'offline.ts'), offline)
    const result = spawnSync(process.execPath, ['offline.ts'], {cwd: npmInit, encoding: 'utf8'})
    expect(result.status).not.toBe(0)
    expect(result.stderr).toContain('Cannot use import statement outside a module')
  })

  it('type-checks both README examples with strict settings', async () => {
    const {offline, sanity} = await readmeExamples()
    await writeFile(join(project, 'offline.ts'), offline)
    await writeFile(join(project, 'sanity.ts'), sanity)
    await writeFile(
      join(project, 'tsconfig.json'),
      JSON.stringify({compilerOptions: {strict: true, module: 'nodenext', moduleResolution: 'nodenext', target: 'es2023', noEmit: true, types: ['node'], skipLibCheck: false}, include: ['offline.ts', 'sanity.ts']}),
    )
    const tsc = join(project, 'node_modules/typescript/bin/tsc')
    expect(() => execFileSync(process.execPath, [tsc, '-p', '.'], {cwd: project, encoding: 'utf8', stdio: 'pipe'})).not.toThrow()
  })

  /** `contents` bundled for the browser from the installed tarball, as a site's bundler would. */
  const browserBundle = (contents: string) =>
    build({stdin: {contents, resolveDir: project}, bundle: true, platform: 'browser', format: 'esm', write: false, logLevel: 'silent'})

  it('bundles the main entry for the browser without any Node built-in', async () => {
    const result = await browserBundle("export * from '@treatments/content'")
    expect(result.errors).toEqual([])
    expect(result.outputFiles[0]!.text).not.toMatch(/from ["']node:/)
  })

  it('bundles localDataset for the browser, where the README says to pass it documents', async () => {
    // readNdjson reads files in Node only; an `import('node:fs')` a bundler can see failed the whole build.
    const result = await browserBundle("export {localDataset} from '@treatments/content/local-dataset'")
    expect(result.errors).toEqual([])
    expect(result.warnings).toEqual([])
  })
})
