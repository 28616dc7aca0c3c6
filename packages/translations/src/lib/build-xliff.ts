import {translationStateWord} from '@treatments/content/ui-strings'

import {DOMImplementation, XMLSerializer, type Document, type Element} from '@xmldom/xmldom'

import type {FieldState} from './document-translation-status.ts'
import type {InlineNode, UnitContent} from './inline-content.ts'
import {EXPORT_LOCALE_NOTE, METADATA_NAMESPACE, XLIFF_NAMESPACE, XML_NAMESPACE, XMLNS_NAMESPACE} from './xliff-namespaces.ts'
import {unitId} from './xliff-token.ts'

/** One field to write as an XLIFF `<unit>`. */
export interface XliffUnitInput {
  /** Sanity path of the field; the unit's `name`. */
  field: string
  /** Item type, e.g. `internationalizedArrayTextValue`. */
  itemType: string
  /** Hash of the base-locale text (`sourceHash()`). */
  sourceHash: string
  /** The field's state in the target locale. */
  state: FieldState
  /** `unitContent()` of the base-locale text. */
  content: UnitContent
  /**
   * One inline sequence per segment when a translation exists: the current one, or for a `stale`
   * field the previous one, to revise against the changed source.
   */
  targets?: readonly (readonly InlineNode[])[]
  /** For a `stale` field: the base-locale text it was translated from (plain text), when known. */
  previousSource?: string
  /** For a `stale` field: the word diff from the previous source to the current one (`[-old-]{+new+}`). */
  sourceChange?: string
}

/**
 * The segment `subState` of a previous translation offered for a changed source: XLIFF 2.0 has
 * no core state for "needs review against a changed source" (XLIFF 1.2's
 * `needs-review-translation`), so it is `state="initial"` with this custom sub-state.
 */
export const STALE_SUBSTATE = 'treatments:stale'

/** One document to write as an XLIFF `<file>`. */
export interface XliffFileInput {
  documentId: string
  documentType: string
  units: readonly XliffUnitInput[]
}

/** What {@link buildXliff} writes. */
export interface XliffInput {
  srcLang: string
  trgLang: string
  files: readonly XliffFileInput[]
}

/** Elements that hold only elements; whitespace is added between their children for readability. */
const STRUCTURAL = new Set(['xliff', 'file', 'notes', 'unit', 'metadata', 'metaGroup', 'originalData', 'segment'])

/**
 * Characters written as `<cp hex="…"/>`: those XML 1.0 cannot hold, and the carriage return,
 * which XML parsers turn into a line feed (end-of-line normalization), so a raw `\r` would come
 * back as `\n` and the source would no longer match the English text.
 */
const CP_CHARACTER = /[\u0000-\u0008\u000B-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/gu

/**
 * Writes an XLIFF 2.0 document with the `@xmldom/xmldom` DOM (never by concatenating strings):
 *
 * ```xml
 * <xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" xmlns:mda="urn:oasis:names:tc:xliff:metadata:2.0"
 *        version="2.0" srcLang="en" trgLang="de">
 *   <file id="treatment-x" xml:space="preserve">
 *     <notes><note category="documentType">treatment</note><note category="exportLocale">de</note></notes>
 *     <unit id="body" name="body">
 *       <mda:metadata>
 *         <mda:metaGroup category="field"><mda:meta type="itemType">…</mda:meta><mda:meta type="state">missing</mda:meta></mda:metaGroup>
 *         <mda:metaGroup category="block"><mda:meta type="segment">b2</mda:meta><mda:meta type="style">normal</mda:meta></mda:metaGroup>
 *       </mda:metadata>
 *       <notes><note category="sourceHash">sha256-…</note></notes>
 *       <originalData><data id="d1">https://…</data></originalData>
 *       <segment id="b2" canResegment="no"><source>See <pc id="m1" type="link" dataRefStart="d1" canDelete="no">this</pc>.</source></segment>
 *     </unit>
 *   </file>
 * </xliff>
 * ```
 *
 * @throws {TypeError} When there is no file, a file has no unit, or ids repeat (XLIFF requires
 *   at least one of each and unique ids).
 */
export function buildXliff(input: XliffInput): string {
  if (input.files.length === 0) throw new TypeError('buildXliff: an XLIFF document needs at least one <file>; there is nothing to export')
  const document = new DOMImplementation().createDocument(XLIFF_NAMESPACE, 'xliff', null)
  document.insertBefore(document.createProcessingInstruction('xml', 'version="1.0" encoding="UTF-8"'), document.documentElement)
  const root = document.documentElement!
  root.setAttributeNS(XMLNS_NAMESPACE, 'xmlns:mda', METADATA_NAMESPACE)
  root.setAttribute('version', '2.0')
  root.setAttribute('srcLang', input.srcLang)
  root.setAttribute('trgLang', input.trgLang)
  const fileIds = new Set<string>()
  for (const file of input.files) {
    if (fileIds.has(file.documentId)) throw new TypeError(`buildXliff: document "${file.documentId}" is given twice`)
    fileIds.add(file.documentId)
    if (file.units.length === 0) throw new TypeError(`buildXliff: document "${file.documentId}" has no units; leave it out`)
    const fileElement = child(root, XLIFF_NAMESPACE, 'file', {id: file.documentId})
    fileElement.setAttributeNS(XML_NAMESPACE, 'xml:space', 'preserve')
    const notes = child(fileElement, XLIFF_NAMESPACE, 'notes')
    child(notes, XLIFF_NAMESPACE, 'note', {category: 'documentType'}).appendChild(document.createTextNode(file.documentType))
    // The locale the file is for, in a core element every tool keeps: an import refuses a trgLang edited to another.
    child(notes, XLIFF_NAMESPACE, 'note', {category: EXPORT_LOCALE_NOTE}).appendChild(document.createTextNode(input.trgLang))
    const unitIds = new Set<string>()
    for (const unit of file.units) {
      const id = unitId(unit.field)
      if (unitIds.has(id)) throw new TypeError(`buildXliff: document "${file.documentId}" has two units with id "${id}"`)
      unitIds.add(id)
      writeUnit(document, fileElement, id, unit)
    }
  }
  indent(root, 0)
  return `${new XMLSerializer().serializeToString(document)}\n`
}

function writeUnit(document: Document, parent: Element, id: string, unit: XliffUnitInput): void {
  const element = child(parent, XLIFF_NAMESPACE, 'unit', {id, name: unit.field})
  const metadata = child(element, METADATA_NAMESPACE, 'mda:metadata')
  const fieldGroup = child(metadata, METADATA_NAMESPACE, 'mda:metaGroup', {category: 'field'})
  meta(document, fieldGroup, 'itemType', unit.itemType)
  meta(document, fieldGroup, 'state', unit.state)
  for (const segment of unit.content.segments) {
    if (!segment.block) continue
    const group = child(metadata, METADATA_NAMESPACE, 'mda:metaGroup', {category: 'block'})
    meta(document, group, 'segment', segment.id ?? '')
    if (segment.block.key !== segment.id) meta(document, group, 'key', segment.block.key)
    if (segment.block.style !== undefined) meta(document, group, 'style', segment.block.style)
    if (segment.block.listItem !== undefined) meta(document, group, 'listItem', segment.block.listItem)
    if (segment.block.level !== undefined) meta(document, group, 'level', String(segment.block.level))
  }
  const notes = child(element, XLIFF_NAMESPACE, 'notes')
  child(notes, XLIFF_NAMESPACE, 'note', {category: 'sourceHash'}).appendChild(document.createTextNode(unit.sourceHash))
  // The state in the words the Studio and `pnpm translations status` use (the metadata keeps the id).
  child(notes, XLIFF_NAMESPACE, 'note', {category: 'translationState'}).appendChild(document.createTextNode(translationStateWord(unit.state)))
  // Notes hold text only (no <cp>): characters XML cannot hold become U+FFFD there.
  if (unit.previousSource !== undefined) {
    child(notes, XLIFF_NAMESPACE, 'note', {category: 'previousSource', appliesTo: 'source'}).appendChild(document.createTextNode(unit.previousSource.replace(CP_CHARACTER, '\uFFFD')))
  }
  if (unit.sourceChange !== undefined) {
    child(notes, XLIFF_NAMESPACE, 'note', {category: 'sourceChange', appliesTo: 'source'}).appendChild(document.createTextNode(unit.sourceChange.replace(CP_CHARACTER, '\uFFFD')))
  }
  if (unit.content.data.size > 0) {
    const originalData = child(element, XLIFF_NAMESPACE, 'originalData')
    for (const [dataId, value] of unit.content.data) writeText(document, child(originalData, XLIFF_NAMESPACE, 'data', {id: dataId}), value)
  }
  unit.content.segments.forEach((segment, index) => {
    const target = unit.targets?.[index]
    const segmentElement = child(element, XLIFF_NAMESPACE, 'segment', {
      ...(segment.id === undefined ? {} : {id: segment.id}),
      canResegment: 'no',
      ...(target === undefined ? {} : segmentState(unit.state)),
    })
    writeInline(document, child(segmentElement, XLIFF_NAMESPACE, 'source'), segment.nodes)
    if (target !== undefined) writeInline(document, child(segmentElement, XLIFF_NAMESPACE, 'target'), target)
  })
}

/** A target's segment state: as translated or reviewed, or for a stale field's previous translation, to review. */
function segmentState(state: FieldState): Record<string, string> {
  if (state === 'stale') return {state: 'initial', subState: STALE_SUBSTATE}
  return {state: state === 'reviewed' ? 'reviewed' : 'translated'}
}

function writeInline(document: Document, parent: Element, nodes: readonly InlineNode[]): void {
  for (const node of nodes) {
    if (node.kind === 'text') {
      writeText(document, parent, node.text)
    } else if (node.kind === 'ph') {
      child(parent, XLIFF_NAMESPACE, 'ph', {id: node.id, type: node.type, ...(node.subType ? {subType: node.subType} : {}), ...(node.dataRef ? {dataRef: node.dataRef} : {}), canDelete: 'no'})
    } else {
      const pc = child(parent, XLIFF_NAMESPACE, 'pc', {
        id: node.id,
        type: node.type,
        ...(node.subType ? {subType: node.subType} : {}),
        ...(node.dataRefStart ? {dataRefStart: node.dataRefStart} : {}),
        canDelete: 'no',
      })
      writeInline(document, pc, node.children)
    }
  }
}

/** Appends text, writing characters XML cannot hold, and carriage returns, as `<cp hex="…"/>`. */
function writeText(document: Document, parent: Element, text: string): void {
  let from = 0
  for (const match of text.matchAll(CP_CHARACTER)) {
    if (match.index > from) parent.appendChild(document.createTextNode(text.slice(from, match.index)))
    const hex = match[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')
    child(parent, XLIFF_NAMESPACE, 'cp', {hex})
    from = match.index + match[0].length
  }
  if (from < text.length) parent.appendChild(document.createTextNode(text.slice(from)))
}

function meta(document: Document, group: Element, type: string, value: string): void {
  child(group, METADATA_NAMESPACE, 'mda:meta', {type}).appendChild(document.createTextNode(value))
}

function child(parent: Element, namespace: string, name: string, attributes: Record<string, string> = {}): Element {
  const element = parent.ownerDocument!.createElementNS(namespace, name)
  for (const [attribute, value] of Object.entries(attributes)) element.setAttribute(attribute, value)
  parent.appendChild(element)
  return element
}

function indent(element: Element, depth: number): void {
  if (!STRUCTURAL.has(element.localName ?? '')) return
  const children = Array.from(element.childNodes)
  if (children.length === 0 || children.some((node) => node.nodeType !== 1)) return
  const document = element.ownerDocument!
  for (const node of children) {
    element.insertBefore(document.createTextNode(`\n${'  '.repeat(depth + 1)}`), node)
    indent(node as Element, depth + 1)
  }
  element.appendChild(document.createTextNode(`\n${'  '.repeat(depth)}`))
}
