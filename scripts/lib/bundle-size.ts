import {gzipSync} from 'node:zlib'
import {build} from 'esbuild'
import {repoRoot} from './paths.ts'

/** One bundle to measure: what a site would import. */
export interface BundleEntry {
  name: string
  /** ESM source of the importing module. */
  code: string
  /** Where its imports resolve from; default the repository root. */
  resolveDir?: string
}

/** A measured bundle. */
export interface BundleSize {
  name: string
  minified: number
  gzip: number
}

/**
 * The browser bundle a site pays for `entry`: bundled with esbuild for the browser, minified,
 * tree-shaken, then gzipped (level 9). Every entry is measured the same way, ours and peers'.
 */
export async function measureBundle(entry: BundleEntry): Promise<BundleSize> {
  const result = await build({
    stdin: {contents: entry.code, resolveDir: entry.resolveDir ?? repoRoot, loader: 'js'},
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    conditions: ['@treatments/source', 'browser', 'import', 'default'],
    treeShaking: true,
    write: false,
    logLevel: 'silent',
    define: {'process.env.NODE_ENV': '"production"'},
  })
  const bytes = result.outputFiles[0]!.contents
  return {name: entry.name, minified: bytes.byteLength, gzip: gzipSync(bytes, {level: 9}).byteLength}
}

/** Our entries, each with the budget (gzip bytes) CI holds it to: what was measured plus ~4%. */
export const ourBundles: Array<BundleEntry & {budgetGzip: number}> = [
  {
    name: 'localize only',
    code: "import {localize, matchLocale} from '@treatments/content'; globalThis.x = [localize, matchLocale]",
    budgetGzip: 14_500,
  },
  {
    name: 'fetch + localize (@sanity/client)',
    code: "import {createTreatmentContent} from '@treatments/content'; globalThis.x = createTreatmentContent",
    // 61,552 measured once getTreatment checks reviews against the texts they covered (+0.7 kB).
    budgetGzip: 64_000,
  },
  {
    name: 'HTML renderer',
    code: "import {toHtml} from '@treatments/content/render'; globalThis.x = toHtml",
    budgetGzip: 23_500,
  },
  {
    name: 'UI strings (i18next)',
    code: "import {createUiStrings} from '@treatments/content/ui-strings'; globalThis.x = createUiStrings",
    budgetGzip: 31_500,
  },
  {
    name: 'page model',
    code: "import {renderTreatmentPage} from '@treatments/content/page'; globalThis.x = renderTreatmentPage",
    // +2 kB (issue 13): the page's banner and attributed claims, and 10 new UI strings in 3 locales.
    budgetGzip: 60_000,
  },
  {
    name: 'structured data',
    code: "import {treatmentJsonLd, serializeJsonLd} from '@treatments/content/structured-data'; globalThis.x = [treatmentJsonLd, serializeJsonLd]",
    // +1 kB (issue 13): it bundles every locale's UI strings (for labels), which gained 10 each.
    budgetGzip: 33_000,
  },
]

/** What a developer would use instead, measured the same way. */
export const peerBundles: BundleEntry[] = [
  {name: '@sanity/client createClient', code: "import {createClient} from '@sanity/client'; globalThis.x = createClient"},
  {name: 'picosanity createClient', code: "import {createClient} from 'picosanity'; globalThis.x = createClient"},
  {name: '@portabletext/to-html toHTML', code: "import {toHTML} from '@portabletext/to-html'; globalThis.x = toHTML"},
  {name: 'i18next', code: "import i18next from 'i18next'; globalThis.x = i18next", resolveDir: `${repoRoot}packages/content`},
]
