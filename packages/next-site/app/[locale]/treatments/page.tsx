import type {Metadata} from 'next'
import {notFound} from 'next/navigation'
import {isSupportedLocale} from '@treatments/content/locales'
import {createUiStrings} from '@treatments/content/ui-strings'
import {ListText} from '../../../components/page-text.tsx'
import {SiteChrome, siteName} from '../../../components/site-chrome.tsx'
import {siteContent} from '../../../lib/content.ts'
import {siteOrigin} from '../../../lib/site-origin.ts'
import {indexPath, treatmentPath} from '../../../lib/treatment-slugs.ts'

type Props = {params: Promise<{locale: string}>}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const {locale} = await props.params
  if (!isSupportedLocale(locale)) return {}
  return {title: `${createUiStrings(locale).t('treatmentsIndexTitle')} · ${siteName}`, alternates: {canonical: `${siteOrigin()}${indexPath(locale)}`}}
}

/** Every treatment: its title links to its page, with the summary and the number of sessions. */
export default async function TreatmentList(props: Props) {
  const {locale} = await props.params
  if (!isSupportedLocale(locale)) notFound()
  const ui = createUiStrings(locale)
  const list = await siteContent().listTreatments({locale})
  const served = new Map(list.fallbacks.map((fallback) => [fallback.path, fallback.served]))
  const servedIn = [...new Set(list.fallbacks.flatMap((fallback) => (fallback.served === null || fallback.served === locale ? [] : [fallback.served])))]
  return (
    <SiteChrome ui={ui} locale={locale} pathIn={indexPath}>
      <h1>{ui.t('treatmentsIndexTitle')}</h1>
      {servedIn.map((lang) => (
        <p key={lang} className="note note-untranslated">
          {ui.t('markedNote', {code: lang.toUpperCase(), text: ui.t('untranslatedMarker', {language: ui.formatLanguageName(lang)})})}
        </p>
      ))}
      <ul className="treatment-list">
        {list.treatments.map((treatment, index) => (
          <li key={treatment._id} className="treatment-card">
            <h2>
              <a href={treatmentPath(locale, treatment.slug)}>
                <ListText value={treatment.title} served={served.get(`[${index}].title`)} locale={locale} ui={ui} />
              </a>
            </h2>
            {treatment.summary === null || served.get(`[${index}].summary`) === null ? (
              <p className="missing-text">{ui.t('textMissing')}</p>
            ) : (
              <p>
                <ListText value={treatment.summary} served={served.get(`[${index}].summary`)} locale={locale} ui={ui} />
              </p>
            )}
            {treatment.protocol ? (
              <p className="protocol">
                {ui.t('protocolSummary', {
                  sessions: ui.formatSessions(treatment.protocol.sessionsMin, treatment.protocol.sessionsMax),
                  interval: ui.formatWeeksApart(treatment.protocol.intervalMinWeeks, treatment.protocol.intervalMaxWeeks),
                })}
              </p>
            ) : null}
          </li>
        ))}
      </ul>
    </SiteChrome>
  )
}
