/**
 * One cold static build in this fresh process, for the `cold-static-build` bench: every
 * treatment page in every locale, each written to its own file under OUT_DIR.
 *
 *   cold-build.ts SIDE SOURCE INPUT OUT_DIR
 *
 * SIDE is `ours` (`eachTreatment({locales})` + `renderTreatmentPage`), `ours-ui` (the same, passing
 * `ui: createUiStrings(locale)` made once per locale, as the page docs advise) or `diy` (the
 * do-it-yourself build of diy-build.ts). SOURCE is `local` (INPUT: an NDJSON file; ours reads it
 * with `localDataset`, the DIY build with `readFile` + `JSON.parse` + groq-js) or `lake` (INPUT:
 * the lake's URL; ours through its `@sanity/client` source, the DIY build with `@sanity/client`).
 *
 * Prints one JSON line: pages, the build's CPU and wall ms (from after the imports to the last
 * file written), the part of that CPU spent on the main thread (the rest is mostly the kernel
 * writing the files on libuv's threads, the same for both sides), and the whole process's CPU
 * ms (imports included).
 */
import {mkdir, readFile, writeFile} from 'node:fs/promises'
import {join} from 'node:path'

const [side, source, input, outDir] = process.argv.slice(2)
if (!side || !['ours', 'ours-ui', 'diy'].includes(side) || !source || !['local', 'lake'].includes(source) || !input || !outDir) {
  throw new TypeError('usage: cold-build.ts ours|ours-ui|diy local|lake INPUT OUT_DIR')
}

// Every module either side needs, loaded before the clock starts: a build pays for its code once
// whatever its size, and ours is loaded from TypeScript source here, which a published build is not.
const [{createTreatmentContent}, {localDataset}, {localeIds}, {renderTreatmentPage}, {createUiStrings}, {createClient}, groq, diy] = await Promise.all([
  import('@treatments/content'),
  import('@treatments/content/local-dataset'),
  import('@treatments/content/locales'),
  import('@treatments/content/page'),
  import('@treatments/content/ui-strings'),
  import('@sanity/client'),
  import('groq-js'),
  import('./diy-build.ts'),
])

const cpuBefore = process.cpuUsage()
const mainThreadBefore = process.threadCpuUsage()
const started = performance.now()
await mkdir(outDir, {recursive: true})
const writes: Array<Promise<void>> = []
const write = (locale: string, slug: string, html: string) => {
  writes.push(writeFile(join(outDir, `${locale}-${slug}.html`), html))
}
const lake = {projectId: 'local', dataset: 'production', apiHost: input, useProjectHostname: false, apiVersion: '2025-02-19', useCdn: false} as const
let pages = 0

if (side === 'diy') {
  let treatments: Array<Record<string, unknown>>
  if (source === 'local') {
    const documents = (await readFile(input, 'utf8'))
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line) as {_id: string})
    const byId = new Map(documents.map((document) => [document._id, document]))
    const result = await groq.evaluate(groq.parse(diy.diyQuery), {dataset: documents, dereference: ({_ref}) => byId.get(_ref) ?? null})
    treatments = (await result.get()) as typeof treatments
  } else {
    treatments = await createClient(lake).fetch(diy.diyQuery)
  }
  for (const locale of localeIds) pages += await diy.diyPages(treatments, locale, (slug, html) => write(locale, slug, html))
} else {
  const content = createTreatmentContent({source: source === 'local' ? localDataset(input) : lake})
  const uiByLocale = new Map(localeIds.map((locale) => [locale, side === 'ours-ui' ? createUiStrings(locale) : undefined]))
  // Every locale from one request, as the package's docs advise for a build of every locale.
  for await (const result of content.eachTreatment({locales: localeIds})) {
    const ui = uiByLocale.get(result.locale)
    const page = renderTreatmentPage(result, ui ? {ui} : {})
    let html = `<article lang="${page.lang}"><h1>${page.titleHtml}</h1>${page.banner.html}`
    for (const section of page.sections) html += section.html
    write(result.locale, result.treatment.slug, `${html}</article>`)
    pages++
  }
}
await Promise.all(writes)
const wallMs = performance.now() - started
const cpu = process.cpuUsage(cpuBefore)
const mainThread = process.threadCpuUsage(mainThreadBefore)
const total = process.cpuUsage()
const ms = ({user, system}: NodeJS.CpuUsage) => (user + system) / 1000
process.stdout.write(`${JSON.stringify({pages, cpuMs: ms(cpu), mainThreadCpuMs: ms(mainThread), wallMs, processCpuMs: ms(total)})}\n`)
