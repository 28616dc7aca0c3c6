import type {ReactNode} from 'react'
import {locales} from '@treatments/content/locales'
import type {UiStrings} from '@treatments/content/ui-strings'
import {indexPath} from '../lib/treatment-slugs.ts'

/** The site's name, in the header and every `<title>`. */
export const siteName = 'Example Clinic'

/**
 * What every page has around its main content, as on the example site: a skip link, the header
 * with the language switcher (each language's link to `pathIn(locale)`), and the footer.
 */
export function SiteChrome(props: {ui: UiStrings; locale: string; pathIn: (locale: string) => string; children: ReactNode}) {
  const {ui, locale} = props
  return (
    <>
      <a className="skip-link" href="#main">
        {ui.t('skipToContent')}
      </a>
      <header className="site-header">
        <div className="site-header-inner">
          <a className="brand" href={indexPath(locale)}>
            <span className="brand-mark" aria-hidden="true"></span>
            {siteName}
          </a>
          <nav className="language-switcher" aria-label={ui.t('languageSwitcher')}>
            <ul>
              {locales.map((definition) => (
                <li key={definition.id}>
                  <a href={props.pathIn(definition.id)} hrefLang={definition.id} lang={definition.id} aria-current={definition.id === locale ? 'page' : undefined}>
                    {definition.title}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        </div>
      </header>
      <main id="main" className="page">
        {props.children}
      </main>
      <footer className="site-footer">
        <p>{siteName}</p>
      </footer>
    </>
  )
}
