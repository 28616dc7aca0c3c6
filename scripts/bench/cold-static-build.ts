import {spawn} from 'node:child_process'
import {mkdtemp, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

import {localeIds} from '@treatments/content/locales'
import type {BenchMetric, BenchOptions} from '../../packages/content/bench/benchmark.ts'
import {median, round} from '../../packages/content/bench/measure.ts'
import {lineReader} from './line-reader.ts'
import {seedDocuments, withTreatmentCopies} from './seed-documents.ts'
import {stopChild, waitForExit} from './stop-child.ts'

type Side = 'ours' | 'ours-ui' | 'diy'
type Source = 'local' | 'lake'
const sides: readonly Side[] = ['ours', 'ours-ui', 'diy']

/** One build's figures; for the lake, `cpuMs` adds the lake's CPU time during the build. */
interface Build {
  cpuMs: number
  /** The build process's main thread only: the page code, without the file writes' kernel time. */
  mainThreadCpuMs: number
  wallMs: number
  clientCpuMs: number
  lakeCpuMs: number
  processCpuMs: number
}

/**
 * The headline static-build figure: one cold build in a fresh process that writes every page of
 * every locale to disk (cold-build.ts), ours against the do-it-yourself build doing the same job
 * end to end, from the NDJSON file (DIY: groq-js + `toHTML`) and through the local lake (DIY:
 * `@sanity/client` + `toHTML`), ours also with `ui: createUiStrings(locale)` as the page docs
 * advise. Nothing is shared between builds: each process parses its own input, and each lake
 * build gets a fresh lake (no kept answers), whose CPU time during the build is counted with the
 * build's. Runs are interleaved round by round (the order rotating), so every side sees the
 * same load of a shared machine; each metric is the median over rounds of the paired ratio
 * DIY CPU ÷ ours (above 1: ours is faster), with the spread and the wall-time ratio beside it.
 */
export async function run(options: BenchOptions): Promise<Record<string, BenchMetric>> {
  const count = options.quick ? 150 : 1000
  const rounds = options.quick ? 1 : 3
  const directory = await mkdtemp(join(tmpdir(), 'cold-build-'))
  try {
    const file = join(directory, 'dataset.ndjson')
    const documents = withTreatmentCopies(await seedDocuments(), count, {distinctTexts: true})
    await writeFile(file, documents.map((document) => JSON.stringify(document)).join('\n') + '\n')
    const pages = count * localeIds.length
    const builds: Record<Source, Record<Side, Build[]>> = {
      local: {ours: [], 'ours-ui': [], diy: []},
      lake: {ours: [], 'ours-ui': [], diy: []},
    }
    let runNumber = 0
    for (let roundIndex = 0; roundIndex < rounds; roundIndex++) {
      for (const source of ['local', 'lake'] as const) {
        for (let offset = 0; offset < sides.length; offset++) {
          const side = sides[(roundIndex + offset) % sides.length]!
          options.progress(`round ${roundIndex + 1}/${rounds}: ${side} from ${source === 'local' ? 'the NDJSON file' : 'a fresh lake'}, ${pages} pages`)
          const out = join(directory, `out-${runNumber++}`)
          const build = source === 'local' ? await buildIn(side, source, file, out) : await buildThroughLake(side, file, out)
          if (build.pages !== pages) throw new Error(`cold-static-build: the ${side} build from ${source} made ${build.pages} pages, expected ${pages}`)
          builds[source][side].push(build)
          await rm(out, {recursive: true, force: true})
        }
      }
    }
    const metric = (source: Source, side: Side, description: string): BenchMetric => {
      const ours = builds[source][side]
      const diy = builds[source].diy
      const ratios = ours.map((build, index) => diy[index]!.cpuMs / build.cpuMs)
      const wallRatios = ours.map((build, index) => diy[index]!.wallMs / build.wallMs)
      const mainThreadRatios = ours.map((build, index) => diy[index]!.mainThreadCpuMs / build.mainThreadCpuMs)
      const ms = (list: Build[], field: keyof Build) => round(median(list.map((build) => build[field])), 0)
      return {
        value: round(median(ratios), 3),
        unit: 'x',
        goal: {atLeast: 1},
        peer: source === 'local' ? 'groq-js over the NDJSON file + @portabletext/to-html toHTML + string templates' : '@sanity/client + @portabletext/to-html toHTML + string templates',
        description: `${description}: DIY CPU ms ÷ ours, one cold build per fresh process writing ${pages} pages to disk, median of ${rounds} interleaved round(s)`,
        ratios: ratios.map((value) => round(value, 3)),
        spread: [round(Math.min(...ratios), 3), round(Math.max(...ratios), 3)],
        wall_ratio: round(median(wallRatios), 3),
        wall_ratios: wallRatios.map((value) => round(value, 3)),
        // Beside the goal, not instead of it: the build's main thread alone (the page code), since
        // the kernel's time writing 3,000 files, the same for both sides, is most of the CPU.
        main_thread_ratio: round(median(mainThreadRatios), 3),
        main_thread_ratios: mainThreadRatios.map((value) => round(value, 3)),
        ours_main_thread_cpu_ms: ms(ours, 'mainThreadCpuMs'),
        diy_main_thread_cpu_ms: ms(diy, 'mainThreadCpuMs'),
        ours_cpu_ms: ms(ours, 'cpuMs'),
        diy_cpu_ms: ms(diy, 'cpuMs'),
        ours_wall_ms: ms(ours, 'wallMs'),
        diy_wall_ms: ms(diy, 'wallMs'),
        ...(source === 'lake' ? {ours_lake_cpu_ms: ms(ours, 'lakeCpuMs'), diy_lake_cpu_ms: ms(diy, 'lakeCpuMs')} : {}),
        ours_process_cpu_ms: ms(ours, 'processCpuMs'),
        diy_process_cpu_ms: ms(diy, 'processCpuMs'),
        treatments: count,
        locales: localeIds.length,
      }
    }
    return {
      cold_build_local_vs_diy: metric('local', 'ours', 'from the NDJSON file'),
      cold_build_lake_vs_diy: metric('lake', 'ours', 'through the local lake (CPU of the build and the lake)'),
      cold_build_local_ui_vs_diy: metric('local', 'ours-ui', 'from the NDJSON file, ui: createUiStrings(locale) passed as documented'),
      cold_build_lake_ui_vs_diy: metric('lake', 'ours-ui', 'through the local lake, ui: createUiStrings(locale) passed as documented'),
    }
  } finally {
    await rm(directory, {recursive: true, force: true})
  }
}

const coldBuild = new URL('./cold-build.ts', import.meta.url).pathname
const lakeServer = new URL('./lake-load-server.ts', import.meta.url).pathname

/** Runs cold-build.ts in a fresh process; resolves with its JSON line. */
async function buildIn(side: Side, source: Source, input: string, out: string): Promise<Build & {pages: number}> {
  const child = spawn(process.execPath, ['--conditions=@treatments/source', coldBuild, side, source, input, out], {stdio: ['ignore', 'pipe', 'inherit']})
  const line = await lineReader(child)()
  await waitForExit(child, `the ${side} build from ${source}`)
  if (child.exitCode !== 0) throw new Error(`cold-static-build: the ${side} build from ${source} exited with ${child.exitCode}`)
  const reported = JSON.parse(line) as {pages: number; cpuMs: number; mainThreadCpuMs: number; wallMs: number; processCpuMs: number}
  return {...reported, clientCpuMs: reported.cpuMs, lakeCpuMs: 0}
}

/** A build against a fresh lake over `file`: the lake's CPU time from the build's start to its end is added. */
async function buildThroughLake(side: Side, file: string, out: string): Promise<Build & {pages: number}> {
  const lake = spawn(process.execPath, ['--conditions=@treatments/source', lakeServer, file], {stdio: ['pipe', 'pipe', 'inherit']})
  const nextLine = lineReader(lake)
  try {
    const {url} = JSON.parse(await nextLine()) as {url: string}
    lake.stdin!.write('mark\n')
    await nextLine()
    const build = await buildIn(side, 'lake', url, out)
    lake.stdin!.write('report\n')
    const {cpuMs} = JSON.parse(await nextLine()) as {cpuMs: number}
    return {...build, cpuMs: build.clientCpuMs + cpuMs, lakeCpuMs: cpuMs}
  } finally {
    await stopChild(lake, 'the lake')
  }
}
