import {readFile} from 'node:fs/promises'
import {join} from 'node:path'
import {DOMParser} from '@xmldom/xmldom'
import {createTreatmentContent} from '@treatments/content'
import {parseNdjson, type DatasetDocument} from '@treatments/content/dataset'
import {localDataset} from '@treatments/content/local-dataset'
import {sitemapXml, treatmentSitemap} from '@treatments/content/sitemap'
import {beforeAll, describe, expect, it} from 'vitest'
import {validateXML} from 'xmllint-wasm'
import {defaultDatasetPath, repoRoot} from '../../scripts/lib/paths.ts'

// The sitemap against the sitemaps.org schema (with its xhtml:link alternates), validated by
// libxml2's xmllint, and what it lists for real and broken translations.

const schemaDir = join(repoRoot, 'tests/fixtures/sitemap-schema')
const urlFor = (locale: string, slug: string) => `https://clinic.example/${locale}/treatments/${slug}`
let seed: DatasetDocument[]

async function validate(xml: string) {
  const file = (name: string) => readFile(join(schemaDir, name), 'utf8').then((contents) => ({fileName: name, contents}))
  const all = `<?xml version="1.0" encoding="UTF-8"?>
<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema">
  <xsd:import namespace="http://www.sitemaps.org/schemas/sitemap/0.9" schemaLocation="sitemap.xsd"/>
  <xsd:import namespace="http://www.w3.org/1999/xhtml" schemaLocation="xhtml-link.xsd"/>
</xsd:schema>`
  const result = await validateXML({xml: {fileName: 'sitemap.xml', contents: xml}, schema: {fileName: 'all.xsd', contents: all}, preload: await Promise.all([file('sitemap.xsd'), file('xhtml-link.xsd')])})
  return result.errors.map((error) => error.message)
}

/** Each `<url>` as its loc, lastmod and `hreflang href` alternates. */
function urls(xml: string) {
  const document = new DOMParser().parseFromString(xml, 'text/xml')
  return Array.from(document.getElementsByTagName('url'), (url) => ({
    loc: url.getElementsByTagName('loc')[0]?.textContent,
    lastmod: url.getElementsByTagName('lastmod')[0]?.textContent,
    alternates: Array.from(url.getElementsByTagName('xhtml:link'), (link) => `${link.getAttribute('hreflang')} ${link.getAttribute('href')}`),
  }))
}

const sitemapOf = (documents: DatasetDocument[], options: {requireTranslatedSafetyTexts?: boolean} = {}) =>
  treatmentSitemap(createTreatmentContent({source: localDataset(documents)}), {urlFor, ...options})

/** The seed with `change` applied to a copy of the document `id`. */
function withChange(id: string, change: (document: Record<string, unknown>) => void): DatasetDocument[] {
  return seed.map((document) => {
    if (document._id !== id) return document
    const copy = structuredClone(document) as Record<string, unknown>
    change(copy)
    return copy as DatasetDocument
  })
}

beforeAll(async () => {
  seed = parseNdjson(await readFile(defaultDatasetPath, 'utf8'))
})

describe('@treatments/content/sitemap', () => {
  // Each locale's own slug (content/dataset.ndjson, from pnpm migrate:slugs).
  const slugs: Record<string, string> = {en: 'mesotherapy-cellulite', it: 'mesoterapia-cellulite', de: 'mesotherapie-cellulite'}
  const page = (locale: string) => urlFor(locale, slugs[locale]!)
  const allAlternates = ['en', 'it', 'de'].map((locale) => `${locale} ${page(locale)}`).concat(`x-default ${page('en')}`)

  it('lists the page once per locale at that locale\'s own slug, each with every locale and x-default as alternates, and lastmod from the content; valid against the sitemap schema', async () => {
    const xml = await sitemapOf(seed)
    expect(await validate(xml)).toEqual([])
    // The check is not vacuous: a lastmod that is no date, or an alternate with no hreflang, fails it.
    expect(await validate(xml.replace('<lastmod>2026-11-20T09:00:00Z', '<lastmod>yesterday'))).not.toEqual([])
    expect(await validate(xml.replace(' hreflang="it"', ''))).not.toEqual([])
    expect(urls(xml)).toEqual(['en', 'it', 'de'].map((locale) => ({loc: page(locale), lastmod: '2026-11-20T09:00:00Z', alternates: allAlternates})))
  })

  it('lists a treatment only in the locales it has text in', async () => {
    const treatment = seed.find((document) => document._type === 'treatment') as DatasetDocument & {title: Array<{language: string}>}
    const englishOnly = {...treatment, _id: 'treatment-two', slug: {_type: 'slug', current: 'two'}, localizedSlugs: [], title: treatment.title.filter((item) => item.language === 'en')}
    const xml = await sitemapOf([...seed, englishOnly])
    expect(await validate(xml)).toEqual([])
    expect(urls(xml).filter((url) => url.loc?.endsWith('/two'))).toEqual([{loc: urlFor('en', 'two'), lastmod: englishOnly._updatedAt, alternates: [`en ${urlFor('en', 'two')}`, `x-default ${urlFor('en', 'two')}`]}])
  })

  it('leaves out, on request, a locale whose safety text is missing or stale', async () => {
    // The seed's German disclaimer is not translated yet: listed, unless safety texts must be.
    expect(urls(await sitemapOf(seed)).map((url) => url.loc)).toEqual([page('en'), page('it'), page('de')])
    const strict = await sitemapOf(seed, {requireTranslatedSafetyTexts: true})
    expect(await validate(strict)).toEqual([])
    const twoLocales = ['en', 'it'].map((locale) => `${locale} ${page(locale)}`).concat(`x-default ${page('en')}`)
    expect(urls(strict)).toEqual(['en', 'it'].map((locale) => ({loc: page(locale), lastmod: '2026-11-20T09:00:00Z', alternates: twoLocales})))

    const missingItalian = withChange('contraindication-pregnancy', (document) => {
      document.text = (document.text as Array<{language: string}>).filter((item) => item.language !== 'it')
    })
    expect(urls(await sitemapOf(missingItalian, {requireTranslatedSafetyTexts: true})).map((url) => url.loc)).toEqual([page('en')])

    // The English source changed after the Italian translation was made: it is stale.
    const staleItalian = withChange('contraindication-pregnancy', (document) => {
      const english = (document.text as Array<{language: string; value: string}>).find((item) => item.language === 'en')!
      english.value = 'Pregnancy, or trying to become pregnant'
    })
    expect(urls(await sitemapOf(staleItalian)).map((url) => url.loc)).toEqual([page('en'), page('it'), page('de')])
    expect(urls(await sitemapOf(staleItalian, {requireTranslatedSafetyTexts: true})).map((url) => url.loc)).toEqual([page('en')])
  })

  it('escapes what it writes and refuses URLs that are not absolute http(s)', async () => {
    const xml = sitemapXml([{loc: 'https://clinic.example/en/a?x=1&y=<2>', alternates: [{hreflang: 'en', href: 'https://clinic.example/en/a?x=1&y=<2>'}]}])
    expect(await validate(xml)).toEqual([])
    expect(urls(xml)[0]!.loc).toBe('https://clinic.example/en/a?x=1&y=%3C2%3E')
    expect(() => sitemapXml([{loc: '/en/a', alternates: []}])).toThrow(TypeError)
    expect(() => sitemapXml([{loc: 'javascript:alert(1)', alternates: []}])).toThrow(TypeError)
  })
})
