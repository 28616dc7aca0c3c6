/**
 * The English UI strings: the base catalog every other locale is checked against. Keys ending in
 * `_one`/`_other` are i18next v4 plural forms; `{{name}}` is an interpolation.
 *
 * @public
 */
export const enUiStrings = {
  overview: 'Overview',
  whoItIsFor: 'Who it is for',
  whoCannotHaveIt: 'Who cannot have this treatment',
  howItIsDone: 'How it is done',
  howManySessions: 'How many sessions',
  resultsAndWhen: 'Results and when to expect them',
  sideEffects: 'Side effects',
  whenToGetHelp: 'When to get medical help',
  sources: 'Sources',
  reviewDates: 'Review dates',
  disclaimer: 'Important',
  ingredients: 'Active ingredients',

  numberRange: '{{min}}–\u2060{{max}}',
  sessionsRange_one: '{{range}}\u00a0session',
  sessionsRange_other: '{{range}}\u00a0sessions',
  weeksApart_one: '{{range}}\u00a0week apart',
  weeksApart_other: '{{range}}\u00a0weeks apart',
  resultsFromDay_one: 'Results visible from day\u00a0{{count}}',
  resultsFromDay_other: 'Results visible from day\u00a0{{count}}',

  notYetTranslated: 'Not yet translated: shown in {{language}}',
  fellBackNotice: 'Parts of this page are not yet available in {{requested}} and are shown in {{language}}.',
  needsMedicalReview: 'This statement has not yet been reviewed by a doctor',

  sideEffectSeverity: {
    expected: 'Expected, passes on its own',
    serious: 'Serious: see a doctor',
  },
  contraindicationKind: {
    absolute: 'Not possible',
    relative: 'Only after a doctor’s assessment',
  },
  ingredientClass: {
    lipolytic: 'Lipolytic (breaks down fat)',
    lymphaticDrainage: 'Lymphatic drainage',
    phlebotonic: 'Phlebotonic (supports the veins)',
    vitamin: 'Vitamin',
    mineral: 'Mineral',
    other: 'Other',
  },
  bodyArea: {
    abdomen: 'Abdomen',
    hips: 'Hips',
    thighs: 'Thighs',
    buttocks: 'Buttocks',
    knees: 'Knees',
    arms: 'Upper arms',
  },

  lastReviewed: 'Last reviewed {{date}}',
  nextReviewDue: 'Next review due {{date}}',
  awaitingMedicalReview: 'This page has not yet been reviewed by a doctor',
  changedSinceReview: 'Changed since the doctor’s review: {{fields}}. This page is awaiting a new review.',
  reviewedBy: 'Reviewed by {{name}}',

  notFoundTitle: 'Page not found',
  notFoundBody: 'The page you are looking for does not exist or has moved. Go back to the list of treatments.',
  languageSwitcher: 'Language',
  treatmentsIndexTitle: 'Treatments',

  textMissing: 'Text missing',
  usedFor: 'Used for',
  otherNames: 'Other names',
  bodyAreas: 'Treated areas',
  protocolSummary: '{{sessions}}, {{interval}}',
  claimsHeading: 'What is said about the results',
  basedOnClinicExperience: 'Based on the clinic’s experience',

  onlyADoctorCanAdvise: 'Only a doctor can tell you whether this treatment is right for you. This page does not replace a consultation.',
  readFullNotice: 'Read the full notice',
  reviewedByADoctor: 'Reviewed by a doctor',
  markedNote: 'Marked {{code}}: {{text}}.',
  untranslatedMarker: 'not yet translated, shown in {{language}}',
  updatingMarker: 'translation being updated, shown in {{language}}',
  clinicSaysPendingReview: 'What the clinic says, pending medical review',
  clinicSaysIntro: 'These statements come from the clinic. A doctor has not yet checked them, so they are not established facts.',
  clinicExperienceHeading: 'From the clinic’s experience',
  sourceInLanguage: '(in {{language}})',

  onThisPage: 'On this page',
  skipToContent: 'Skip to main content',
  backToTreatments: 'All treatments',
  serviceUnavailableTitle: 'This information is temporarily unavailable',
  serviceUnavailableBody: 'We could not load this page just now. Please try again in a few minutes.',
} as const
