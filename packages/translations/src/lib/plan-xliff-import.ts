import {controlCharacters, hasVisibleText, sourceHash} from '@treatments/content/dataset'
import {baseLocale} from '@treatments/content/locales'

import {comparableText} from './comparable-text.ts'

import type {TranslatableDocument} from './document-translation-status.ts'
import {findLocalizedFields, itemLanguage, localizedValue, type LocalizedField, type LocalizedItem} from './find-localized-fields.ts'
import {inlineCodeProblems} from './inline-code-problems.ts'
import {inlineText, sameInline, type InlineNode, type UnitContent} from './inline-content.ts'
import type {ParsedUnit, ParsedXliff} from './parse-xliff.ts'
import {targetValue} from './target-value.ts'
import {plainText} from './plain-text.ts'
import {findTranslationState, recordedSourceHash} from './translation-state.ts'
import {freshKey} from './fresh-key.ts'
import {withTranslationState} from './with-translation-state.ts'
import {unitContent} from './unit-content.ts'
import {XliffError} from './xliff-error.ts'
import {unitId} from './xliff-token.ts'

/** What an import does to one field. */
export type ImportChangeKind = 'added' | 'updated' | 'unchanged'

/** One field an import writes (or finds already up to date). */
export interface ImportChange {
  documentId: string
  documentType: string
  field: string
  change: ImportChangeKind
}

/** The writes for one document: `set` values by path, guarded by the revision that was read. */
export interface DocumentUpdate {
  documentId: string
  /** `_rev` read before planning; the write fails if the document changed since. */
  revision?: string
  set: Record<string, unknown>
}

/** Everything an import will write, computed before anything is written. */
export interface XliffImportPlan {
  locale: string
  /** Every unit with targets, in file order. */
  changes: ImportChange[]
  /** Units without any `<target>`: left untouched. */
  skipped: Array<{documentId: string; field: string}>
  /** One update per document with an added or updated field. */
  updates: DocumentUpdate[]
}

/** Options for {@link planXliffImport}. */
export interface PlanXliffImportOptions {
  /** Timestamp for `translatedAt`, ISO 8601. */
  now: string
  /**
   * Accept a stale field's previous translation unchanged (the translator checked it against the
   * changed source and it still fits). Without it, such a unit is rejected: an import must not
   * make an outdated translation current by sending it back untouched.
   */
  confirmUnchanged?: boolean
}

interface AcceptedUnit {
  document: TranslatableDocument
  field: LocalizedField
  hash: string
  /** The base-locale text translated, as plain text (kept in `sourceTexts`). */
  sourceText: string
  value: unknown
  change: ImportChangeKind
}

/**
 * Checks every unit of a parsed XLIFF file against the current documents and computes the writes,
 * all or nothing. A unit is accepted only when its document and field exist, its source hash is
 * the hash of the current base-locale text (else: "source changed since export"), its `<source>`
 * and `<originalData>` are exactly what an export of the current text writes, every segment has a
 * target (or none does: then the unit is skipped), no target is empty where its source has text
 * (an import never deletes a paragraph), and each target keeps the source's inline codes (same
 * ids, types and nesting; no code dropped, repeated or added). The locale's
 * `translationState` becomes `status: 'translated'` with `translatedAt: now`, the source hashes
 * of the imported fields and the `targetHash()` of their new text in `reviewedTargetHashes` (a
 * reviewed locale stays reviewed only when nothing changed, in which case nothing is written).
 *
 * @param documents - The current published documents named by the file (others are ignored).
 * @throws {XliffError} `IMPORT_REJECTED`, listing every problem, when any unit is not accepted.
 */
export async function planXliffImport(
  xliff: ParsedXliff,
  documents: Iterable<TranslatableDocument>,
  options: PlanXliffImportOptions,
): Promise<XliffImportPlan> {
  if (typeof options?.now !== 'string' || Number.isNaN(Date.parse(options.now))) {
    throw new TypeError('planXliffImport: option "now" must be an ISO 8601 timestamp')
  }
  const locale = xliff.trgLang
  const byId = new Map<string, TranslatableDocument>()
  for (const document of documents) byId.set(document._id, document)
  const problems: string[] = []
  const accepted: AcceptedUnit[] = []
  const skipped: XliffImportPlan['skipped'] = []
  for (const file of xliff.files) {
    const document = byId.get(file.id)
    if (document === undefined) {
      problems.push(`file "${file.id}": unknown document "${file.id}"`)
      continue
    }
    const fields = findLocalizedFields(document)
    for (const unit of file.units) {
      const where = `document "${file.id}", field "${unit.name}"`
      const field = fields.find((candidate) => candidate.path === unit.name)
      if (field === undefined) {
        problems.push(`document "${file.id}": unknown field "${unit.name}" (unit "${unit.id}")`)
        continue
      }
      if (unit.id !== unitId(unit.name)) {
        problems.push(`${where}: unit id "${unit.id}" does not belong to this field (expected "${unitId(unit.name)}")`)
        continue
      }
      const base = localizedValue(field.items, baseLocale)
      if (!hasVisibleText(base)) {
        problems.push(`${where}: the field has no ${baseLocale} text to translate`)
        continue
      }
      const hash = await sourceHash(base)
      if (unit.sourceHash !== hash) {
        problems.push(
          `${where}: source changed since export (exported from ${unit.sourceHash}, the ${baseLocale} text is now ${hash}); export again and translate the new text`,
        )
        continue
      }
      const content = unitContent(base)
      if (content === undefined) {
        problems.push(`${where}: the field holds neither text nor Portable Text`)
        continue
      }
      const sourceProblem = sourceDifference(unit, content)
      if (sourceProblem !== undefined) {
        problems.push(`${where}: ${sourceProblem}; sources must not be edited, export again`)
        continue
      }
      const translated = unit.segments.filter((segment) => segment.target !== undefined).length
      if (translated === 0) {
        skipped.push({documentId: file.id, field: unit.name})
        continue
      }
      if (translated !== unit.segments.length) {
        problems.push(`${where}: only ${translated} of ${unit.segments.length} segments have a <target>; translate all of them or none`)
        continue
      }
      const before = problems.length
      unit.segments.forEach((segment, index) => {
        const expected = content.segments[index]!
        const label = expected.id === undefined ? where : `${where}, segment "${expected.id}"`
        if (!hasVisibleText(inlineText(segment.target!)) && hasVisibleText(inlineText(expected.nodes))) {
          problems.push(`${label}: the <target> has no visible text (empty, whitespace or invisible characters) but the <source> has text; translate it (an import never deletes or blanks text)`)
          return
        }
        for (const problem of targetTextProblems(segment.target!, field.itemType === SINGLE_LINE_ITEM_TYPE)) problems.push(`${label}: ${problem}`)
        for (const problem of inlineCodeProblems(expected.nodes, segment.target!, (id) => describeCode(content, id))) {
          problems.push(`${label}: ${problem}`)
        }
      })
      if (problems.length > before) continue
      const targets = unit.segments.map((segment) => segment.target!)
      const current = localizedValue(field.items, locale)
      const value = targetValue(base, content, targets, current)
      const state = findTranslationState(document, locale)
      const stale = hasVisibleText(current) && recordedSourceHash(state, field.path) !== hash
      // Compared as a reader sees it: a zero-width space or a no-break space added is no revision.
      if (stale && options.confirmUnchanged !== true && comparableText(plainText(current)) === comparableText(plainText(value))) {
        problems.push(
          `${where}: the <target> is the previous translation unchanged, but the ${baseLocale} text changed since it was translated; ` +
            'revise it against the new source, or if it still fits, import again with --confirm-unchanged',
        )
        continue
      }
      const unchanged = hasVisibleText(current) && !stale && (await sourceHash(current)) === (await sourceHash(value))
      accepted.push({document, field, hash, sourceText: plainText(base), value, change: unchanged ? 'unchanged' : hasVisibleText(current) ? 'updated' : 'added'})
    }
  }
  if (problems.length > 0) {
    throw new XliffError(
      'IMPORT_REJECTED',
      `Import rejected: ${problems.length} ${problems.length === 1 ? 'problem' : 'problems'}; nothing was changed`,
      problems,
    )
  }
  return {
    locale,
    changes: accepted.map(({document, field, change}) => ({documentId: document._id, documentType: document._type, field: field.path, change})),
    skipped,
    updates: documentUpdates(accepted, locale, options.now),
  }
}

/** The item type of the localized string fields: one line of text (text fields may hold line feeds). */
const SINGLE_LINE_ITEM_TYPE = 'internationalizedArrayStringValue'

/**
 * What is wrong with the characters of a target with visible text: control characters (see
 * `controlCharacters()`), a line feed or tab in a single-line field, white space at its start or
 * end. An inline object (`<ph>`) counts as content, so a paragraph may start with one and a space.
 */
function targetTextProblems(target: readonly InlineNode[], singleLine: boolean): string[] {
  const problems: string[] = []
  const text = inlineText(target)
  const controls = controlCharacters(text)
  if (controls.length > 0) {
    const list = controls.map(codePointLabel).join(', ')
    problems.push(
      controls.length === 1
        ? `the <target> holds a control character (${list}), which is not text; remove it`
        : `the <target> holds control characters (${list}), which are not text; remove them`,
    )
  }
  if (singleLine && text.includes('\n')) problems.push('the <target> has a line break (U+000A), but the field holds a single line; write it on one line')
  if (singleLine && text.includes('\t')) problems.push('the <target> has a tab (U+0009), but the field holds a single line; use a space')
  const edges = edgeText(target)
  const starts = /^\s/u.test(edges)
  const ends = /\s$/u.test(edges)
  if (starts && ends) problems.push('the <target> starts and ends with white space; remove the spaces at the start and end')
  else if (starts) problems.push('the <target> starts with white space; remove the spaces at the start')
  else if (ends) problems.push('the <target> ends with white space; remove the spaces at the end')
  return problems
}

/** The text of inline nodes with each inline object as U+FFFC (OBJECT REPLACEMENT CHARACTER), to see what a target starts and ends with. */
function edgeText(nodes: readonly InlineNode[]): string {
  return nodes.map((node) => (node.kind === 'text' ? node.text : node.kind === 'pc' ? edgeText(node.children) : '\uFFFC')).join('')
}

/** `U+000D`. */
function codePointLabel(codePoint: number): string {
  return `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`
}

/** Why a unit's sources differ from what exporting the current text writes, or `undefined`. */
function sourceDifference(unit: ParsedUnit, content: UnitContent): string | undefined {
  if (unit.segments.length !== content.segments.length) {
    return `the file has ${unit.segments.length} ${unit.segments.length === 1 ? 'segment' : 'segments'}, the current text has ${content.segments.length}`
  }
  for (const [index, segment] of unit.segments.entries()) {
    const expected = content.segments[index]!
    const label = expected.id === undefined ? 'the <source>' : `the <source> of segment "${expected.id}"`
    if (segment.id !== expected.id) return `segment ${index + 1} has id "${segment.id ?? ''}", expected "${expected.id ?? ''}"`
    if (!sameInline(segment.source, expected.nodes)) return `${label} differs from the current text`
  }
  for (const [id, value] of content.data) {
    if (unit.data.get(id) !== value) return `<originalData> <data id="${id}"> differs from the current text`
  }
  const extra = [...unit.data.keys()].find((id) => !content.data.has(id))
  return extra === undefined ? undefined : `<originalData> has <data id="${extra}">, which the current text does not`
}

function describeCode(content: UnitContent, id: string): string {
  const meaning = content.codes.get(id)
  if (meaning?.kind === 'object') return `<ph id="${id}"> (inline object)`
  if (meaning === undefined) return `<pc id="${id}">`
  if (!meaning.annotation) return `<pc id="${id}"> (${meaning.mark})`
  for (const segment of content.segments) {
    const node = findCode(segment.nodes, id)
    if (node?.kind === 'pc' && node.type === 'link' && node.dataRefStart) return `<pc id="${id}"> (link to ${content.data.get(node.dataRefStart)})`
  }
  return `<pc id="${id}"> (annotation)`
}

function findCode(nodes: UnitContent['segments'][number]['nodes'], id: string): (typeof nodes)[number] | undefined {
  for (const node of nodes) {
    if (node.kind !== 'text' && node.id === id) return node
    if (node.kind === 'pc') {
      const inner = findCode(node.children, id)
      if (inner) return inner
    }
  }
  return undefined
}

function documentUpdates(accepted: readonly AcceptedUnit[], locale: string, now: string): DocumentUpdate[] {
  const byDocument = new Map<string, AcceptedUnit[]>()
  for (const unit of accepted) byDocument.set(unit.document._id, [...(byDocument.get(unit.document._id) ?? []), unit])
  const updates: DocumentUpdate[] = []
  for (const units of byDocument.values()) {
    if (units.every((unit) => unit.change === 'unchanged')) continue
    const document = units[0]!.document
    const set: Record<string, unknown> = {}
    for (const unit of units) {
      if (unit.change !== 'unchanged') set[unit.field.path] = withLocaleValue(unit.field, locale, unit.value)
    }
    set.translations = withTranslationState(document, locale, units.map(({field, hash, sourceText, value}) => ({path: field.path, hash, sourceText, value})), now)
    updates.push({documentId: document._id, ...(document._rev === undefined ? {} : {revision: document._rev}), set})
  }
  return updates
}

function withLocaleValue(field: LocalizedField, locale: string, value: unknown): LocalizedItem[] {
  let found = false
  const items = field.items.map((item) => {
    if (itemLanguage(item) !== locale) return item
    found = true
    return {...item, language: locale, value}
  })
  if (!found) items.push({_key: freshKey(locale, field.items.map((item) => item._key)), _type: field.itemType, language: locale, value})
  return items
}
