import i18next from 'i18next'
import {afterEach, describe, expect, it, vi} from 'vitest'
import {catalogLabel} from './catalog-label.ts'
import {createUiStrings} from './create-ui-strings.ts'
import {uiResources} from './ui-resources.ts'

afterEach(() => {
  vi.restoreAllMocks()
})

describe('createUiStrings', () => {
  it('gives strings in the matched locale', () => {
    expect(createUiStrings('en').t('whoCannotHaveIt')).toBe('Who cannot have this treatment')
    expect(createUiStrings('it').t('sideEffects')).toBe('Effetti collaterali')
    expect(createUiStrings('de').t('bodyArea.arms')).toBe('Oberarme')
  })

  it('serves it-CH with Italian and de-AT with German', () => {
    const ui = createUiStrings('it-CH')
    expect([ui.locale, ui.chain, ui.usedDefault]).toEqual(['it', ['it', 'en'], false])
    expect(ui.t('howManySessions')).toBe('Quante sedute')
    expect(createUiStrings('de-AT').locale).toBe('de')
    expect(createUiStrings(['xx', 'de-CH', 'it']).locale).toBe('de')
  })

  it('serves an unsupported locale with base-locale strings', () => {
    const ui = createUiStrings('fr-FR')
    expect([ui.locale, ui.usedDefault]).toEqual(['en', true])
    expect(ui.t('notFoundTitle')).toBe('Page not found')
  })

  it('picks plural forms per locale', () => {
    const en = createUiStrings('en')
    const it = createUiStrings('it')
    const de = createUiStrings('de')
    expect([en.formatSessions(1), en.formatSessions(2), en.formatSessions(4, 4)]).toEqual(['1\u00a0session', '2\u00a0sessions', '4\u00a0sessions'])
    expect([it.formatSessions(1), it.formatSessions(3)]).toEqual(['1\u00a0seduta', '3\u00a0sedute'])
    expect([de.formatSessions(1), de.formatSessions(3)]).toEqual(['1\u00a0Sitzung', '3\u00a0Sitzungen'])
    expect([en.formatWeeksApart(1), it.formatWeeksApart(2), de.formatWeeksApart(1)]).toEqual([
      '1\u00a0week apart',
      'a distanza di 2\u00a0settimane',
      'im Abstand von 1\u00a0Woche',
    ])
    expect(en.formatResultsFromDay(3)).toBe('Results visible from day\u00a03')
  })

  it('falls back to the other form where CLDR has a category without a key (Italian many)', () => {
    expect(new Intl.PluralRules('it').select(1_000_000)).toBe('many')
    expect(createUiStrings('it').formatSessions(1_000_000)).toBe('1.000.000\u00a0sedute')
  })

  it('formats ranges the same in every locale, with the plural of the upper end, in either order', () => {
    expect(createUiStrings('en').formatSessions(3, 4)).toBe('3–\u20604\u00a0sessions')
    expect(createUiStrings('en').formatSessions(4, 3)).toBe('3–\u20604\u00a0sessions')
    expect(createUiStrings('en').formatWeeksApart(1, 2)).toBe('1–\u20602\u00a0weeks apart')
    // Intl.NumberFormat#formatRange writes a hyphen in Italian; the page writes an en dash everywhere.
    expect(createUiStrings('it').formatSessions(3, 4)).toBe('3–\u20604\u00a0sedute')
    expect(createUiStrings('de').formatWeeksApart(3, 4)).toBe('im Abstand von 3–\u20604\u00a0Wochen')
    expect(createUiStrings('de').formatRange(1000, 2000)).toBe('1.000–\u20602.000')
    for (const locale of ['en', 'it', 'de']) expect(createUiStrings(locale).formatRange(3, 4), locale).toBe('3–\u20604')
  })

  it('never lets a line break inside a range or between a range and its unit', () => {
    for (const locale of ['en', 'it', 'de']) {
      const ui = createUiStrings(locale)
      for (const text of [ui.formatSessions(3, 4), ui.formatWeeksApart(3, 4), ui.formatResultsFromDay(3)]) {
        // Break opportunities are spaces and the point after a dash: none after a number or inside a range.
        expect(text, locale).not.toMatch(/\d[ -]|–(?!\u2060)/)
      }
    }
  })

  it('formats dates per locale without shifting calendar dates', () => {
    const date = (locale: string) => createUiStrings(locale).formatDate('2025-03-05')
    expect([date('en'), date('it'), date('de')]).toEqual(['March 5, 2025', '5 marzo 2025', '5. März 2025'])
    expect(createUiStrings('it').t('lastReviewed', {date: date('it')})).toBe('Ultima revisione: 5 marzo 2025')
    expect(createUiStrings('en').formatDate(new Date('2025-03-05T23:30:00Z'))).toBe('March 5, 2025')
    expect(createUiStrings('en', {timeZone: 'Europe/Rome'}).formatDate('2025-03-05T23:30:00Z')).toBe('March 6, 2025')
    expect(createUiStrings('en', {timeZone: 'Europe/Rome'}).formatDate('2025-03-05')).toBe('March 5, 2025')
  })

  it('returns a string that is not a date unchanged', () => {
    expect(createUiStrings('en').formatDate('soon')).toBe('soon')
    expect(createUiStrings('en').formatDate('2025-02-30')).toBe('2025-02-30')
  })

  it('names languages in the locale for the not-yet-translated notice', () => {
    const it = createUiStrings('it')
    expect(it.t('notYetTranslated', {language: it.formatLanguageName('en')})).toBe('Non ancora tradotto: mostrato in inglese')
    const de = createUiStrings('de')
    expect(de.t('fellBackNotice', {requested: de.formatLanguageName('de'), language: de.formatLanguageName('en')})).toBe(
      'Teile dieser Seite sind noch nicht auf Deutsch verfügbar und werden auf Englisch angezeigt.',
    )
  })

  it('interpolates without escaping in t and escapes everything in tHtml', () => {
    const ui = createUiStrings('en')
    expect(ui.t('reviewedBy', {name: 'Dr. <b>Rossi</b> & "Co"'})).toBe('Reviewed by Dr. <b>Rossi</b> & "Co"')
    expect(ui.tHtml('reviewedBy', {name: 'Dr. <b>Rossi</b> & "Co"'})).toBe('Reviewed by Dr. &lt;b&gt;Rossi&lt;/b&gt; &amp; &quot;Co&quot;')
  })

  it('falls back to the base locale for a key missing in the locale, logging nothing', () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => {})
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    const ui = createUiStrings('it')
    const store = ui.i18n.store.data as Record<string, Record<string, Record<string, unknown>>>
    delete store.it!.treatment!.overview
    expect(ui.t('overview')).toBe('Overview')
    expect(ui.t('noSuchKey' as 'overview')).toBe('noSuchKey')
    expect([log, warn, error].map((spy) => spy.mock.calls.length)).toEqual([0, 0, 0])
    // The deletion touched that instance only.
    expect(createUiStrings('it').t('overview')).toBe('Panoramica')
    expect(uiResources.it!.treatment.overview).toBe('Panoramica')
  })

  it('makes a new i18next instance per call and leaves the global one alone', () => {
    const en = createUiStrings('en')
    const de = createUiStrings('de')
    expect(en.i18n).not.toBe(de.i18n)
    expect(en.i18n).not.toBe(i18next)
    expect(en.t('sources')).toBe('Sources')
    expect(de.t('sources')).toBe('Quellen')
    expect(i18next.isInitialized).toBeFalsy()
    expect(i18next.language).toBeUndefined()
  })

  it('throws TypeErrors naming the call for arguments of the wrong type', () => {
    expect(() => createUiStrings(42 as never)).toThrow(new TypeError('`createUiStrings` expects a locale tag or an array of tags, got number 42'))
    expect(() => createUiStrings('en', null as never)).toThrow(new TypeError('`createUiStrings` expects an options object as its second argument, got null'))
    const ui = createUiStrings('en')
    expect(() => ui.formatSessions('3' as never)).toThrow(new TypeError('`formatSessions` expects finite numbers, got the string "3"'))
    expect(() => ui.formatWeeksApart(1, Number.NaN)).toThrow(new TypeError('`formatWeeksApart` expects finite numbers, got NaN'))
    expect(() => ui.formatDate(20250305 as never)).toThrow(new TypeError('`formatDate` expects a date string or a Date, got number 20250305'))
  })

  it('remembers answers only under exact keys: -0 apart from 0, a Date apart from its ISO string, values by name', () => {
    const ui = createUiStrings('en')
    const fresh = () => createUiStrings('en')
    for (let round = 0; round < 2; round++) {
      expect(ui.formatRange(-0, 2)).toBe(fresh().formatRange(-0, 2))
      expect(ui.formatRange(0, 2)).toBe(fresh().formatRange(0, 2))
      expect(ui.formatRange(-0, 2)).not.toBe(ui.formatRange(0, 2))
      const instant = new Date('2025-03-05T23:30:00Z')
      expect(ui.t('lastReviewed', {date: instant.toISOString()})).toBe(fresh().t('lastReviewed', {date: instant.toISOString()}))
      expect(ui.t('lastReviewed', {date: instant as never})).toBe(fresh().t('lastReviewed', {date: instant as never}))
      expect(ui.t('markedNote', {code: 'IT', text: 'Italian'})).toBe(fresh().t('markedNote', {code: 'IT', text: 'Italian'}))
      expect(ui.t('markedNote', {code: 'Italian', text: 'IT'})).toBe(fresh().t('markedNote', {code: 'Italian', text: 'IT'}))
    }
  })

  it('forgets remembered answers when its i18next instance changes language or resources, and cannot have a function replaced', () => {
    const ui = createUiStrings('it')
    expect(ui.t('sideEffects')).toBe('Effetti collaterali')
    void ui.i18n.changeLanguage('de')
    expect(ui.t('sideEffects')).toBe(createUiStrings('de').t('sideEffects'))
    expect(Object.isFrozen(ui)).toBe(true)
  })

  it('remembers catalog labels by group and value, and forgets them with the other answers', () => {
    const ui = createUiStrings('it')
    const serious = catalogLabel(ui, 'sideEffectSeverity', 'serious')
    expect(serious).toBe(ui.t('sideEffectSeverity.serious'))
    expect(catalogLabel(ui, 'sideEffectSeverity', 'expected')).toBe(ui.t('sideEffectSeverity.expected'))
    expect(catalogLabel(ui, 'sideEffectSeverity', 'unheard-of')).toBeUndefined()
    expect(catalogLabel(ui, 'sideEffectSeverity', 'unheard-of')).toBeUndefined()
    void ui.i18n.changeLanguage('de')
    expect(catalogLabel(ui, 'sideEffectSeverity', 'serious')).toBe(createUiStrings('de').t('sideEffectSeverity.serious'))
    expect(catalogLabel(ui, 'sideEffectSeverity', 'serious')).not.toBe(serious)
  })
})
