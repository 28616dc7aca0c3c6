import type {UiStrings} from '@treatments/content/ui-strings'

/**
 * A text of the treatment list: as is, marked with `lang` and a compact marker (`EN`, with its
 * full sentence for screen readers) when it is in another language, or the visible “text
 * missing” placeholder when it has none. As the example site's list.
 */
export function ListText(props: {value: string | null; served: string | null | undefined; locale: string; ui: UiStrings}) {
  const {value, served, locale, ui} = props
  if (value === null || served === null) return <span className="missing-text">{ui.t('textMissing')}</span>
  if (served === undefined || served === locale) return <>{value}</>
  return (
    <>
      <span lang={served}>{value}</span>
      {'\u00a0'}
      <span className="marker-untranslated">
        <span aria-hidden="true">{served.toUpperCase()}</span>
        <span className="visually-hidden"> ({ui.t('untranslatedMarker', {language: ui.formatLanguageName(served)})})</span>
      </span>
    </>
  )
}
