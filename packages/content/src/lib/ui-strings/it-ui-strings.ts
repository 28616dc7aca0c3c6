import type {UiCatalog} from './ui-catalog.ts'

/**
 * The Italian UI strings.
 *
 * @public
 */
export const itUiStrings: UiCatalog = {
  overview: 'Panoramica',
  whoItIsFor: 'A chi è indicato',
  whoCannotHaveIt: 'Chi non può sottoporsi a questo trattamento',
  howItIsDone: 'Come si svolge',
  howManySessions: 'Quante sedute',
  resultsAndWhen: 'Risultati e tempi',
  sideEffects: 'Effetti collaterali',
  whenToGetHelp: 'Quando rivolgersi a un medico',
  sources: 'Fonti',
  reviewDates: 'Date di revisione',
  disclaimer: 'Importante',
  ingredients: 'Principi attivi',

  numberRange: '{{min}}–\u2060{{max}}',
  sessionsRange_one: '{{range}}\u00a0seduta',
  sessionsRange_other: '{{range}}\u00a0sedute',
  weeksApart_one: 'a distanza di {{range}}\u00a0settimana',
  weeksApart_other: 'a distanza di {{range}}\u00a0settimane',
  resultsFromDay_one: 'Risultati visibili dal giorno\u00a0{{count}}',
  resultsFromDay_other: 'Risultati visibili dal giorno\u00a0{{count}}',

  notYetTranslated: 'Non ancora tradotto: mostrato in {{language}}',
  fellBackNotice: 'Alcune parti di questa pagina non sono ancora disponibili in {{requested}} e sono mostrate in {{language}}.',
  needsMedicalReview: 'Questa affermazione non è ancora stata verificata da un medico',

  sideEffectSeverity: {
    expected: 'Previsto, passa da solo',
    serious: 'Grave: rivolgiti a un medico',
  },
  contraindicationKind: {
    absolute: 'Non possibile',
    relative: 'Solo dopo la valutazione di un medico',
  },
  ingredientClass: {
    lipolytic: 'Lipolitico (scioglie il grasso)',
    lymphaticDrainage: 'Drenaggio linfatico',
    phlebotonic: 'Flebotonico (sostiene le vene)',
    vitamin: 'Vitamina',
    mineral: 'Minerale',
    other: 'Altro',
  },
  bodyArea: {
    abdomen: 'Addome',
    hips: 'Fianchi',
    thighs: 'Cosce',
    buttocks: 'Glutei',
    knees: 'Ginocchia',
    arms: 'Braccia',
  },

  lastReviewed: 'Ultima revisione: {{date}}',
  nextReviewDue: 'Prossima revisione entro il {{date}}',
  awaitingMedicalReview: 'Questa pagina non è ancora stata verificata da un medico',
  changedSinceReview: 'Modificato dopo la verifica del medico: {{fields}}. Questa pagina è in attesa di una nuova verifica.',
  reviewedBy: 'Verificato da {{name}}',

  notFoundTitle: 'Pagina non trovata',
  notFoundBody: 'La pagina che cerchi non esiste o è stata spostata. Torna all’elenco dei trattamenti.',
  languageSwitcher: 'Lingua',
  treatmentsIndexTitle: 'Trattamenti',

  textMissing: 'Testo mancante',
  usedFor: 'Indicato per',
  otherNames: 'Altri nomi',
  bodyAreas: 'Zone trattate',
  protocolSummary: '{{sessions}}, {{interval}}',
  claimsHeading: 'Cosa si dice dei risultati',
  basedOnClinicExperience: 'Basato sull’esperienza della clinica',

  onlyADoctorCanAdvise: 'Solo un medico può dirti se questo trattamento è adatto a te. Questa pagina non sostituisce una visita.',
  readFullNotice: 'Leggi l’avviso completo',
  reviewedByADoctor: 'Verificata da un medico',
  markedNote: 'Contrassegnato {{code}}: {{text}}.',
  untranslatedMarker: 'non ancora tradotto, mostrato in {{language}}',
  updatingMarker: 'traduzione in aggiornamento, mostrato in {{language}}',
  clinicSaysPendingReview: 'Cosa dice la clinica, in attesa di verifica medica',
  clinicSaysIntro: 'Queste affermazioni provengono dalla clinica. Un medico non le ha ancora verificate: non sono fatti accertati.',
  clinicExperienceHeading: 'Dall’esperienza della clinica',
  sourceInLanguage: '(in {{language}})',

  onThisPage: 'In questa pagina',
  skipToContent: 'Vai al contenuto principale',
  backToTreatments: 'Tutti i trattamenti',
  serviceUnavailableTitle: 'Informazioni temporaneamente non disponibili',
  serviceUnavailableBody: 'Non è stato possibile caricare questa pagina. Riprova tra qualche minuto.',
}
