export {sitemapXml} from './lib/sitemap/sitemap-xml.ts'
export type {SitemapEntry} from './lib/sitemap/sitemap-xml.ts'
export {treatmentSitemap, treatmentSitemapEntries} from './lib/sitemap/treatment-sitemap.ts'
export type {TreatmentSitemapOptions} from './lib/sitemap/treatment-sitemap.ts'
