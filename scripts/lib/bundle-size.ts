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

/** One of our entries, with what CI and the bench hold it to. */
export interface OurBundleEntry extends BundleEntry {
  /** The name of its `pnpm bench` metric: `browser_<metric>_gzip_bytes`. */
  metric: string
  /** Gzip bytes `pnpm size`, the packaging test and the bench's goal fail over. */
  budgetGzip: number
  /** The peer entry (by name) a developer would use instead. */
  peer?: string
}

/**
 * Our entries, each with the budget (gzip bytes) CI holds it to: the goals of issue 14 for the
 * browser entry (localize ≤ 5 kB, fetch + localize ≤ 12 kB), twice the peer for the HTML
 * renderer, and the rest a few per cent over what they measured after the HTML serializer and
 * the locale matcher shrank them, so that growing back fails. The page model's was raised from
 * 33,000 to 33,600 on purpose: constant runs of elements written as checked fragments and
 * fallback paths made once (static builds about 8% less CPU) added 0.5 kB gzip; 33,600 to
 * 33,700 for the fourth round (no array length set and no closure per block or per check,
 * decorators resolved without a map, scratch lists for marked spans: static builds about 6-8%
 * less CPU) adding about 110 bytes; 33,700 to 33,800 for rich text written once per value and
 * repeated (a fragment whose list items sit in a list it opened is kept: static builds about
 * 17% less CPU), adding about 70 bytes. Issue 24 put it back to 33,000 by finding the bytes
 * (docs/architecture.md, "Bytes found"); budgets are goals and are not raised.
 */
export const ourBundles: OurBundleEntry[] = [
  {
    name: 'localize only',
    metric: 'localize_only',
    code: "import {localize, matchLocale} from '@treatments/content/browser'; globalThis.x = [localize, matchLocale]",
    budgetGzip: 5 * 1024,
  },
  {
    name: 'fetch + localize (browser entry)',
    metric: 'fetch_localize',
    code: "import {createTreatmentContent} from '@treatments/content/browser'; globalThis.x = createTreatmentContent",
    budgetGzip: 12 * 1024,
    peer: '@sanity/client createClient',
  },
  {
    name: 'fetch + localize (@sanity/client)',
    metric: 'fetch_localize_sanity_client',
    code: "import {createTreatmentContent} from '@treatments/content'; globalThis.x = createTreatmentContent",
    budgetGzip: 50 * 1024,
    peer: '@sanity/client createClient',
  },
  {
    name: 'HTML renderer',
    metric: 'html_renderer',
    peer: '@portabletext/to-html toHTML',
    code: "import {toHtml} from '@treatments/content/render'; globalThis.x = toHtml",
    budgetGzip: 6 * 1024,
  },
  {
    name: 'UI strings (i18next)',
    metric: 'ui_strings',
    peer: 'i18next',
    code: "import {createUiStrings} from '@treatments/content/ui-strings'; globalThis.x = createUiStrings",
    budgetGzip: 21_500,
  },
  {
    name: 'page model',
    metric: 'page_model',
    code: "import {renderTreatmentPage} from '@treatments/content/page'; globalThis.x = renderTreatmentPage",
    budgetGzip: 33_000,
  },
  {
    name: 'structured data',
    metric: 'structured_data',
    code: "import {treatmentJsonLd, serializeJsonLd} from '@treatments/content/structured-data'; globalThis.x = [treatmentJsonLd, serializeJsonLd]",
    budgetGzip: 23_500,
  },
]

/** What a developer would use instead, measured the same way. */
export const peerBundles: BundleEntry[] = [
  {name: '@sanity/client createClient', code: "import {createClient} from '@sanity/client'; globalThis.x = createClient"},
  {name: 'picosanity createClient', code: "import {createClient} from 'picosanity'; globalThis.x = createClient"},
  {name: '@portabletext/to-html toHTML', code: "import {toHTML} from '@portabletext/to-html'; globalThis.x = toHTML"},
  {name: 'i18next', code: "import i18next from 'i18next'; globalThis.x = i18next", resolveDir: `${repoRoot}packages/content`},
]
