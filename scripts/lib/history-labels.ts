/**
 * The words of `pnpm history` in each supported locale. They are the command's own, not the
 * package's UI strings: no page shows them, and every site would carry their bytes. Language
 * names and lists come from the package's UI strings and `Intl`, so they follow the locale too.
 */
import {createUiStrings} from '@treatments/content/ui-strings'
import type {CoveringReview, DocumentChangeRecord} from './document-history.ts'

/** What `pnpm history` says around the data (ids, paths, values and names are printed as they are). */
export interface HistoryLabels {
  heading(documentIds: readonly string[], log: string, changes: number): string
  change(kind: DocumentChangeRecord['change']): string
  transaction(id: string): string
  /** A change found in the file at a lake's start. */
  outside: string
  /** The prefix of each review line. */
  review: string
  noReview: string
  noMedicalReview: string
  coveredBy(review: CoveringReview): string
  /** A value that was not there. */
  none: string
  noHistoryYet: string
}

type Words = Omit<HistoryLabels, 'heading' | 'coveredBy'> & {
  heading(list: string, log: string, count: string): string
  /** The word for changes, by plural form (English, Italian and German have two). */
  changes: {one: string; other: string}
  medicalReview: string
  translationReview(locale: string, language: string): string
  unnamedReviewer: string
  coveredBy(kind: string, treatmentId: string, who: string, date: string, fields: string): string
}

const words: Record<string, Words> = {
  en: {
    heading: (list, log, count) => `History of ${list} (${log}): ${count}`,
    changes: {one: 'change', other: 'changes'},
    change: (kind) => kind,
    transaction: (id) => `(transaction ${id})`,
    outside: 'made to the file while no lake served it; the author is unknown',
    review: 'review',
    noReview: 'no review covers this version',
    noMedicalReview: 'no medical review covers this version (its English text was not reviewed by a doctor)',
    medicalReview: 'medical review',
    translationReview: (locale) => `${locale} translation review`,
    unnamedReviewer: 'an unnamed reviewer',
    coveredBy: (kind, treatmentId, who, date, fields) => `covered by the ${kind} of ${treatmentId} by ${who}${date}: ${fields}`,
    none: '(none)',
    noHistoryYet: 'No history yet: the log records changes made through the local lake (pnpm lake, the Studio, the scripts).',
  },
  it: {
    heading: (list, log, count) => `Cronologia di ${list} (${log}): ${count}`,
    changes: {one: 'modifica', other: 'modifiche'},
    change: (kind) => ({created: 'creato', updated: 'modificato', deleted: 'eliminato'})[kind],
    transaction: (id) => `(transazione ${id})`,
    outside: 'modificato nel file mentre nessun lake lo serviva; l’autore è sconosciuto',
    review: 'revisione',
    noReview: 'nessuna revisione copre questa versione',
    noMedicalReview: 'nessuna revisione medica copre questa versione (il suo testo inglese non è stato rivisto da un medico)',
    medicalReview: 'revisione medica',
    translationReview: (_locale, language) => `revisione della traduzione (${language})`,
    unnamedReviewer: 'un revisore senza nome',
    coveredBy: (kind, treatmentId, who, date, fields) => `coperta dalla ${kind} di ${treatmentId} da parte di ${who}${date}: ${fields}`,
    none: '(nessuno)',
    noHistoryYet: 'Ancora nessuna cronologia: il registro annota le modifiche fatte tramite il lake locale (pnpm lake, lo Studio, gli script).',
  },
  de: {
    heading: (list, log, count) => `Verlauf von ${list} (${log}): ${count}`,
    changes: {one: 'Änderung', other: 'Änderungen'},
    change: (kind) => ({created: 'erstellt', updated: 'geändert', deleted: 'gelöscht'})[kind],
    transaction: (id) => `(Transaktion ${id})`,
    outside: 'in der Datei geändert, während kein Lake sie bereitstellte; wer es war, ist unbekannt',
    review: 'Prüfung',
    noReview: 'keine Prüfung deckt diese Version ab',
    noMedicalReview: 'keine ärztliche Prüfung deckt diese Version ab (ihr englischer Text wurde von keinem Arzt geprüft)',
    medicalReview: 'ärztliche Prüfung',
    translationReview: (_locale, language) => `Übersetzungsprüfung (${language})`,
    unnamedReviewer: 'eine ungenannte prüfende Person',
    coveredBy: (kind, treatmentId, who, date, fields) => `abgedeckt durch die ${kind} von ${treatmentId} durch ${who}${date}: ${fields}`,
    none: '(keiner)',
    noHistoryYet: 'Noch kein Verlauf: Das Protokoll erfasst Änderungen über den lokalen Lake (pnpm lake, das Studio, die Skripte).',
  },
}

/** The labels of `pnpm history` in `locale`, a supported locale id (`en`, `it`, `de`). */
export function historyLabels(locale: string): HistoryLabels {
  const w = words[locale]
  if (w === undefined) throw new TypeError(`historyLabels: no labels for the locale "${locale}" (have ${Object.keys(words).join(', ')})`)
  const ui = createUiStrings(locale)
  const plural = new Intl.PluralRules(locale)
  const list = new Intl.ListFormat(locale, {type: 'conjunction'})
  return {
    ...w,
    heading: (ids, log, changes) => w.heading(list.format(ids), log, `${changes} ${plural.select(changes) === 'one' ? w.changes.one : w.changes.other}`),
    coveredBy: (review) =>
      w.coveredBy(
        review.kind === 'medical' ? w.medicalReview : w.translationReview(review.locale, ui.formatLanguageName(review.locale)),
        review.treatmentId,
        review.reviewer ?? w.unnamedReviewer,
        review.date === null ? '' : ` (${review.date})`,
        review.fields.join(', '),
      ),
  }
}
