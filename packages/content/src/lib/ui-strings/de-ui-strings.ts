import type {UiCatalog} from './ui-catalog.ts'

/**
 * The German UI strings.
 *
 * @public
 */
export const deUiStrings: UiCatalog = {
  overview: 'Überblick',
  whoItIsFor: 'Für wen die Behandlung geeignet ist',
  whoCannotHaveIt: 'Wer diese Behandlung nicht erhalten darf',
  howItIsDone: 'Ablauf der Behandlung',
  howManySessions: 'Wie viele Sitzungen',
  resultsAndWhen: 'Ergebnisse und wann sie sichtbar werden',
  sideEffects: 'Nebenwirkungen',
  whenToGetHelp: 'Wann Sie ärztliche Hilfe brauchen',
  sources: 'Quellen',
  reviewDates: 'Prüfdaten',
  disclaimer: 'Wichtiger Hinweis',
  ingredients: 'Wirkstoffe',

  numberRange: '{{min}}–\u2060{{max}}',
  sessionsRange_one: '{{range}}\u00a0Sitzung',
  sessionsRange_other: '{{range}}\u00a0Sitzungen',
  weeksApart_one: 'im Abstand von {{range}}\u00a0Woche',
  weeksApart_other: 'im Abstand von {{range}}\u00a0Wochen',
  resultsFromDay_one: 'Ergebnisse sichtbar ab Tag\u00a0{{count}}',
  resultsFromDay_other: 'Ergebnisse sichtbar ab Tag\u00a0{{count}}',

  notYetTranslated: 'Noch nicht übersetzt: angezeigt auf {{language}}',
  fellBackNotice: 'Teile dieser Seite sind noch nicht auf {{requested}} verfügbar und werden auf {{language}} angezeigt.',
  needsMedicalReview: 'Diese Aussage wurde noch nicht ärztlich geprüft',

  sideEffectSeverity: {
    expected: 'Erwartet, klingt von selbst ab',
    serious: 'Schwerwiegend: ärztlich abklären lassen',
  },
  contraindicationKind: {
    absolute: 'Nicht möglich',
    relative: 'Nur nach ärztlicher Abwägung',
  },
  ingredientClass: {
    lipolytic: 'Lipolytisch (baut Fett ab)',
    lymphaticDrainage: 'Lymphdrainage',
    phlebotonic: 'Venentonisierend (stärkt die Venen)',
    vitamin: 'Vitamin',
    mineral: 'Mineralstoff',
    other: 'Sonstiges',
  },
  bodyArea: {
    abdomen: 'Bauch',
    hips: 'Hüften',
    thighs: 'Oberschenkel',
    buttocks: 'Gesäß',
    knees: 'Knie',
    arms: 'Oberarme',
  },

  lastReviewed: 'Zuletzt geprüft am {{date}}',
  nextReviewDue: 'Nächste Prüfung fällig am {{date}}',
  awaitingMedicalReview: 'Diese Seite wurde noch nicht ärztlich geprüft',
  changedSinceReview: 'Seit der ärztlichen Prüfung geändert: {{fields}}. Diese Seite wartet auf eine neue Prüfung.',
  reviewedBy: 'Geprüft von {{name}}',

  notFoundTitle: 'Seite nicht gefunden',
  notFoundBody: 'Die gesuchte Seite gibt es nicht oder sie wurde verschoben. Zurück zur Übersicht der Behandlungen.',
  languageSwitcher: 'Sprache',
  treatmentsIndexTitle: 'Behandlungen',

  textMissing: 'Text fehlt',
  usedFor: 'Anwendungsgebiet',
  otherNames: 'Andere Bezeichnungen',
  bodyAreas: 'Behandelte Bereiche',
  protocolSummary: '{{sessions}}, {{interval}}',
  claimsHeading: 'Was über die Ergebnisse gesagt wird',
  basedOnClinicExperience: 'Beruht auf der Erfahrung der Klinik',

  onlyADoctorCanAdvise: 'Nur eine Ärztin oder ein Arzt kann beurteilen, ob diese Behandlung für Sie geeignet ist. Diese Seite ersetzt keine Beratung.',
  readFullNotice: 'Vollständigen Hinweis lesen',
  reviewedByADoctor: 'Ärztlich geprüft',
  markedNote: 'Markiert mit {{code}}: {{text}}.',
  untranslatedMarker: 'noch nicht übersetzt, angezeigt auf {{language}}',
  updatingMarker: 'Übersetzung wird aktualisiert, angezeigt auf {{language}}',
  clinicSaysPendingReview: 'Was die Klinik sagt (ärztliche Prüfung ausstehend)',
  clinicSaysIntro: 'Diese Aussagen stammen von der Klinik. Eine Ärztin oder ein Arzt hat sie noch nicht geprüft; sie sind keine gesicherten Tatsachen.',
  clinicExperienceHeading: 'Aus der Erfahrung der Klinik',
  sourceInLanguage: '(auf {{language}})',

  onThisPage: 'Auf dieser Seite',
  skipToContent: 'Zum Hauptinhalt springen',
  backToTreatments: 'Alle Behandlungen',
  serviceUnavailableTitle: 'Informationen vorübergehend nicht verfügbar',
  serviceUnavailableBody: 'Diese Seite konnte gerade nicht geladen werden. Bitte versuchen Sie es in einigen Minuten erneut.',
}
