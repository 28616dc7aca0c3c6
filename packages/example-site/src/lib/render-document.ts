import {serializeJsonLd, type HreflangAlternate} from '@treatments/content/structured-data'
import type {UiStrings} from '@treatments/content/ui-strings'
import {html, trustedHtml, type SafeHtml} from './html.ts'

/** One entry of the language switcher. */
export interface LanguageLink {
  locale: string
  /** The language's own name (`Italiano`). */
  title: string
  href: string
  current: boolean
}

/** What a page of the site is made of. */
export interface DocumentParts {
  lang: string
  ui: UiStrings
  siteName: string
  /** Where the site name in the header links to. */
  homeHref: string
  title: string
  description?: string
  canonical?: string
  alternates?: readonly HreflangAlternate[]
  jsonLd?: object | null
  languageLinks: readonly LanguageLink[]
  main: SafeHtml
  /** Same-origin module scripts (the preview's only; public pages have none). */
  scripts?: readonly string[]
  /** Extra same-origin stylesheets (the preview overlays'). */
  stylesheets?: readonly string[]
  /** Extra `<meta name content>` (the preview script's settings; public pages have none). */
  meta?: Readonly<Record<string, string>>
}

/**
 * The whole HTML document: head (title, description, canonical, hreflang alternates, the
 * stylesheet, JSON-LD as a data block), a header with the language switcher, the main content
 * and a footer. No inline scripts or styles: the site's CSP allows neither.
 */
export function renderDocument(parts: DocumentParts): string {
  const {ui} = parts
  const title = parts.title === parts.siteName ? parts.siteName : `${parts.title} · ${parts.siteName}`
  return `<!doctype html>\n${html`<html lang="${parts.lang}" dir="ltr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
${parts.description ? html`<meta name="description" content="${parts.description}">\n` : ''}${parts.canonical ? html`<link rel="canonical" href="${parts.canonical}">\n` : ''}${(parts.alternates ?? []).map((alternate) => html`<link rel="alternate" hreflang="${alternate.hreflang}" href="${alternate.href}">\n`)}<link rel="stylesheet" href="/styles.css">
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
${parts.jsonLd ? html`<script type="application/ld+json">${trustedHtml(serializeJsonLd(parts.jsonLd))}</script>\n` : ''}${Object.entries(parts.meta ?? {}).map(([name, content]) => html`<meta name="${name}" content="${content}">\n`)}${(parts.stylesheets ?? []).map((href) => html`<link rel="stylesheet" href="${href}">\n`)}${(parts.scripts ?? []).map((src) => html`<script type="module" src="${src}"></script>\n`)}</head>
<body>
<a class="skip-link" href="#main">${ui.t('skipToContent')}</a>
<header class="site-header">
<div class="site-header-inner">
<a class="brand" href="${parts.homeHref}"><span class="brand-mark" aria-hidden="true"></span>${parts.siteName}</a>
<nav class="language-switcher" aria-label="${ui.t('languageSwitcher')}">
<ul>
${parts.languageLinks.map(
  (link) =>
    html`<li><a href="${link.href}" hreflang="${link.locale}" lang="${link.locale}"${link.current ? html` aria-current="page"` : ''}>${link.title}</a></li>\n`,
)}</ul>
</nav>
</div>
</header>
<main id="main" class="page">
${parts.main}
</main>
<footer class="site-footer">
<p>${parts.siteName}</p>
</footer>
</body>
</html>
`}`
}
