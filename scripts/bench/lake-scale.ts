import {spawn} from 'node:child_process'
import {once} from 'node:events'
import {createWriteStream} from 'node:fs'
import {mkdtemp, readFile, rm, stat} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

import {createClient} from '@sanity/client'
import {treatmentBySlugQuery} from '@treatments/content'
import type {DatasetDocument} from '@treatments/content/dataset'

import type {BenchMetric, BenchOptions} from '../../packages/content/bench/benchmark.ts'
import {median, round} from '../../packages/content/bench/measure.ts'
import {lakeNodeFlags} from './lake-node-flags.ts'
import {lineReader} from './line-reader.ts'
import {seedDocuments} from './seed-documents.ts'
import {stopChild} from './stop-child.ts'

/**
 * The local lake loading a dataset file of 10,000 and of 100,000 documents of realistic size
 * (clones of the shipped dataset: a treatment with its own contraindications, side effects,
 * ingredients and effects, about 1.8 kB a document on average), each in its own process, as
 * `pnpm lake` runs: seconds from start to the first answer, resident memory against the file's
 * size, and the p50 of a treatment page by slug at 100,000 against 10,000 documents.
 * `--quick` uses 2,000 and 20,000 documents (same names).
 */
export async function run(options: BenchOptions): Promise<Record<string, BenchMetric>> {
  const seed = await seedDocuments()
  const [small, large] = options.quick ? [2_000, 20_000] : [10_000, 100_000]
  const directory = await mkdtemp(join(tmpdir(), 'lake-scale-'))
  try {
    const measured: Record<number, Awaited<ReturnType<typeof measure>>> = {}
    for (const count of [small, large]) {
      options.progress(`writing ${count.toLocaleString('en')} documents`)
      const file = join(directory, `dataset-${count}.ndjson`)
      const slugs = await writeClones(seed, count, file)
      options.progress(`loading ${count.toLocaleString('en')} documents in a lake`)
      measured[count] = await measure(file, slugs, options.quick ? 10 : 30)
    }
    const big = measured[large]!
    const base = measured[small]!
    const described = `${large.toLocaleString('en')} documents in a ${(big.fileBytes / 1e6).toFixed(0)} MB file`
    return {
      lake_first_answer_100k_s: {
        value: round(big.firstAnswerMs / 1000, 2),
        unit: 's',
        goal: {atMost: 10},
        description: `seconds from starting a lake over ${described} to its first answer (streamed load)`,
        documents: large,
        file_mb: round(big.fileBytes / 1e6, 1),
      },
      lake_rss_vs_file_100k: {
        value: round(big.rssBytes / big.fileBytes, 2),
        unit: 'x',
        goal: {atMost: 3},
        description: `resident memory of the lake process ÷ the dataset file's size, ${described}`,
        rss_mb: round(big.rssBytes / 1e6, 1),
        file_mb: round(big.fileBytes / 1e6, 1),
      },
      lake_query_100k_vs_10k: {
        value: round(big.p50Ms / base.p50Ms, 2),
        unit: 'x',
        goal: {atMost: 1.5},
        peer: `the same lake query at ${small.toLocaleString('en')} documents`,
        description: 'p50 of one treatment page by slug over HTTP at the large dataset ÷ at the small one',
        p50_ms_large: round(big.p50Ms, 2),
        p50_ms_small: round(base.p50Ms, 2),
      },
    }
  } finally {
    await rm(directory, {recursive: true, force: true})
  }
}

/** Writes `count` documents: the seed, then whole copies of it under new ids, slugs and references. */
async function writeClones(seed: readonly DatasetDocument[], count: number, file: string): Promise<string[]> {
  const out = createWriteStream(file)
  const slugs: string[] = []
  let written = 0
  for (let copy = 0; written < count; copy++) {
    const suffix = copy === 0 ? '' : `-${copy}`
    for (const document of seed) {
      if (written === count) break
      let text = JSON.stringify(document)
      if (copy > 0) text = text.replace(/"(_id|_ref)":"([^"]+)"/g, `"$1":"$2${suffix}"`)
      if (document._type === 'treatment') {
        const slug = `${(document.slug as {current: string}).current}${suffix}`
        if (copy > 0) text = text.replace(/"current":"[^"]+"/, `"current":"${slug}"`)
        slugs.push(slug)
      }
      if (!out.write(`${text}\n`)) await once(out, 'drain')
      written++
    }
  }
  out.end()
  await once(out, 'finish')
  return slugs
}

async function measure(file: string, slugs: readonly string[], rounds: number) {
  const started = performance.now()
  // Started as `pnpm lake` starts it: compacted after loading, and with its young generation.
  const server = spawn(process.execPath, [...lakeNodeFlags(), new URL('./lake-load-server.ts', import.meta.url).pathname, file], {
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  try {
    // Rejects when the lake exits before it prints its address, instead of waiting forever.
    const line = await lineReader(server)()
    const {url} = JSON.parse(line) as {url: string}
    const client = createClient({projectId: 'local', dataset: 'production', apiHost: url, useProjectHostname: false, apiVersion: '2025-02-19', useCdn: false})
    const page = (slug: string) => client.fetch<unknown[]>(treatmentBySlugQuery, {slug, locale: 'it', base: 'en', locales: ['it', 'en'], all: true})
    const first = await page(slugs.at(-1)!)
    const firstAnswerMs = performance.now() - started
    if (first.length !== 1) throw new Error(`The lake did not answer the page of ${slugs.at(-1)}`)
    const samples: number[] = []
    for (let index = 0; index < rounds; index++) {
      const slug = slugs[Math.floor(((index + 0.5) / rounds) * slugs.length)]!
      const start = performance.now()
      const answer = await page(slug)
      samples.push(performance.now() - start)
      if (answer.length !== 1) throw new Error(`The lake did not answer the page of ${slug}`)
    }
    const status = await readFile(`/proc/${server.pid}/status`, 'utf8')
    const rssKb = Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1] ?? Number.NaN)
    return {firstAnswerMs, p50Ms: median(samples), rssBytes: rssKb * 1024, fileBytes: (await stat(file)).size}
  } finally {
    await stopChild(server, 'the lake')
  }
}
