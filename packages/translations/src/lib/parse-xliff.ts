import {baseLocale} from '@treatments/content/locales'
import type {Element, Node} from '@xmldom/xmldom'

import {appendText, type InlineNode} from './inline-content.ts'
import {parseXmlStrictly} from './parse-xml-strictly.ts'
import {translationLocales} from './status-options.ts'
import {XliffError} from './xliff-error.ts'
import {EXPORT_LOCALE_NOTE, SUPPORTED_XLIFF_VERSIONS, XLIFF_NAMESPACE, XML_NAMESPACE} from './xliff-namespaces.ts'

/** A `<segment>` as read from a file. */
export interface ParsedSegment {
  id?: string
  line?: number
  source: InlineNode[]
  target?: InlineNode[]
  /** The target's `xml:lang`, when it has one. */
  targetLanguage?: string
}

/** A `<unit>` as read from a file. */
export interface ParsedUnit {
  id: string
  /** The `name` attribute: the field's Sanity path. */
  name: string
  line?: number
  /** The `<note category="sourceHash">`. */
  sourceHash: string
  /** `<originalData>`: data id → original code. */
  data: Map<string, string>
  segments: ParsedSegment[]
}

/** A `<file>` (one document) as read. */
export interface ParsedFile {
  id: string
  line?: number
  /** The `<note category="exportLocale">`: the locale the file was exported for; absent in files exported before it was written. */
  exportLocale?: string
  units: ParsedUnit[]
}

/** An XLIFF 2 file as read and checked by {@link parseXliff}. */
export interface ParsedXliff {
  version: string
  srcLang: string
  trgLang: string
  files: ParsedFile[]
}

/** Options for {@link parseXliff}. */
export interface ParseXliffOptions {
  /** The translation locale the file must target (`trgLang`); default: any translation locale. */
  locale?: string
}

const CORE_INLINE = new Set(['sc', 'ec', 'mrk', 'sm', 'em'])

/**
 * Reads an XLIFF 2.0/2.1 file from an untrusted source and checks that it has the form this tool
 * exports: well-formed XML without DOCTYPE (see `parseXmlStrictly`), root `<xliff>` in the XLIFF 2
 * namespace with `version` 2.0 or 2.1, `srcLang` the base locale, `trgLang` a translation locale
 * and the locale each file was exported for (its `<note category="exportLocale">`, when it has one),
 * unique file ids, units with `id`, `name` and a `sourceHash` note, unique unit ids and names per
 * file, segments with a `<source>`, and inline content made only of text, `<pc>`, `<ph>` and `<cp>`.
 * Every structural problem is collected before failing.
 *
 * @throws {XliffError} `NOT_XML`, `DOCTYPE_FORBIDDEN`, `NOT_XLIFF`, `UNSUPPORTED_VERSION`,
 *   `WRONG_LANGUAGE` or `INVALID_XLIFF`
 */
export function parseXliff(text: string, options: ParseXliffOptions = {}): ParsedXliff {
  const root = parseXmlStrictly(text).documentElement!
  if (root.localName !== 'xliff' || root.namespaceURI !== XLIFF_NAMESPACE) {
    const namespace = root.namespaceURI ? ` in namespace "${root.namespaceURI}"` : ' without a namespace'
    throw new XliffError(
      'NOT_XLIFF',
      `Not an XLIFF 2 file: the root element is <${root.nodeName}>${namespace}; expected <xliff xmlns="${XLIFF_NAMESPACE}">`,
    )
  }
  const version = root.getAttribute('version')
  if (version === null || !SUPPORTED_XLIFF_VERSIONS.includes(version)) {
    throw new XliffError(
      'UNSUPPORTED_VERSION',
      version === null
        ? 'Unsupported XLIFF file: <xliff> has no version attribute; expected version="2.0"'
        : `Unsupported XLIFF version "${version}": expected version="2.0" (or "2.1")`,
    )
  }
  const srcLang = root.getAttribute('srcLang') ?? ''
  const trgLang = root.getAttribute('trgLang') ?? ''
  if (srcLang !== baseLocale) {
    throw new XliffError('WRONG_LANGUAGE', `Wrong source language: srcLang is "${srcLang}"; the source of every translation is "${baseLocale}"`)
  }
  if (options.locale !== undefined && trgLang !== options.locale) {
    throw new XliffError('WRONG_LANGUAGE', `Wrong target language: trgLang is "${trgLang}", but the import is for "${options.locale}"`)
  }
  if (!translationLocales.includes(trgLang)) {
    throw new XliffError(
      'WRONG_LANGUAGE',
      `Wrong target language: trgLang is "${trgLang}"; expected one of ${translationLocales.join(', ')}`,
    )
  }
  const problems: string[] = []
  const files: ParsedFile[] = []
  const fileLines = new Map<string, number | undefined>()
  for (const element of childElements(root)) {
    if (element.namespaceURI !== XLIFF_NAMESPACE) continue
    if (element.localName !== 'file') {
      problems.push(`unexpected <${element.nodeName}> in <xliff>${at(element)}`)
      continue
    }
    const id = element.getAttribute('id')
    if (!id) {
      problems.push(`a <file> has no id${at(element)}`)
      continue
    }
    if (fileLines.has(id)) {
      problems.push(`file "${id}" appears twice${at(element)}; first${at(undefined, fileLines.get(id))}`)
      continue
    }
    fileLines.set(id, line(element))
    const exportLocale = readExportLocale(element)
    files.push({id, line: line(element), ...(exportLocale === undefined ? {} : {exportLocale}), units: readUnits(element, `file "${id}"`, problems)})
  }
  const exportedFor = [...new Set(files.flatMap((file) => (file.exportLocale === undefined || file.exportLocale === trgLang ? [] : [file.exportLocale])))]
  if (exportedFor.length > 0) {
    const named = exportedFor.map((locale) => `"${locale}"`).join(' and ')
    throw new XliffError(
      'WRONG_LANGUAGE',
      `Wrong target language: trgLang is "${trgLang}", but the file was exported for ${named} (its <note category="${EXPORT_LOCALE_NOTE}">); set trgLang back to ${named}, or export again for "${trgLang}"`,
    )
  }
  if (files.length === 0 && problems.length === 0) problems.push('the file has no <file> elements')
  for (const file of files) {
    const seen = new Map<string, ParsedUnit>()
    const names = new Map<string, ParsedUnit>()
    for (const unit of file.units) {
      const earlier = seen.get(unit.id)
      if (earlier) problems.push(`file "${file.id}": unit "${unit.id}" appears twice${at(undefined, unit.line)}; first${at(undefined, earlier.line)}`)
      else if (names.has(unit.name)) {
        problems.push(`file "${file.id}": two units are named "${unit.name}"${at(undefined, unit.line)}; first${at(undefined, names.get(unit.name)!.line)}`)
      }
      seen.set(unit.id, unit)
      names.set(unit.name, unit)
    }
    for (const unit of file.units) {
      for (const segment of unit.segments) {
        if (segment.target === undefined) continue
        const problem = targetLanguageProblem(segment, trgLang)
        if (problem) problems.push(`file "${file.id}", unit "${unit.id}": ${problem}`)
      }
    }
  }
  if (problems.length > 0) throw new XliffError('INVALID_XLIFF', 'Rejected: the XLIFF file is not in the form this tool exports; nothing was imported', problems)
  return {version, srcLang, trgLang, files}
}

/** The text of a `<file>`'s `<note category="exportLocale">`, trimmed, or `undefined`. */
function readExportLocale(file: Element): string | undefined {
  for (const notes of childElements(file)) {
    if (notes.namespaceURI !== XLIFF_NAMESPACE || notes.localName !== 'notes') continue
    for (const note of childElements(notes)) {
      if (note.localName === 'note' && note.getAttribute('category') === EXPORT_LOCALE_NOTE) return (note.textContent ?? '').trim()
    }
  }
  return undefined
}

function targetLanguageProblem(segment: ParsedSegment, trgLang: string): string | undefined {
  const language = segment.targetLanguage
  return language !== undefined && language !== trgLang
    ? `the <target> of the segment${at(undefined, segment.line)} has xml:lang="${language}", but the file's trgLang is "${trgLang}"`
    : undefined
}

function readUnits(container: Element, where: string, problems: string[]): ParsedUnit[] {
  const units: ParsedUnit[] = []
  for (const element of childElements(container)) {
    if (element.namespaceURI !== XLIFF_NAMESPACE) continue
    const name = element.localName
    if (name === 'notes' || name === 'skeleton') continue
    if (name === 'group') units.push(...readUnits(element, where, problems))
    else if (name === 'unit') {
      const unit = readUnit(element, where, problems)
      if (unit) units.push(unit)
    } else problems.push(`${where}: unexpected <${element.nodeName}>${at(element)}`)
  }
  return units
}

function readUnit(element: Element, where: string, problems: string[]): ParsedUnit | undefined {
  const id = element.getAttribute('id')
  const name = element.getAttribute('name')
  if (!id) {
    problems.push(`${where}: a <unit> has no id${at(element)}`)
    return undefined
  }
  const unitWhere = `${where}, unit "${id}"`
  if (!name) {
    problems.push(`${unitWhere}: no name attribute${at(element)}; the export puts the field path there`)
    return undefined
  }
  const unit: ParsedUnit = {id, name, line: line(element), sourceHash: '', data: new Map(), segments: []}
  for (const child of childElements(element)) {
    if (child.namespaceURI !== XLIFF_NAMESPACE) continue
    switch (child.localName) {
      case 'notes':
        for (const note of childElements(child)) {
          if (note.localName === 'note' && note.getAttribute('category') === 'sourceHash') unit.sourceHash = (note.textContent ?? '').trim()
        }
        break
      case 'originalData':
        for (const data of childElements(child)) {
          const dataId = data.getAttribute('id')
          if (data.localName !== 'data' || !dataId) problems.push(`${unitWhere}: unexpected <${data.nodeName}> in <originalData>${at(data)}`)
          else unit.data.set(dataId, readText(data, `${unitWhere}, <data id="${dataId}">`, problems))
        }
        break
      case 'segment':
        unit.segments.push(readSegment(child, unitWhere, problems))
        break
      case 'ignorable':
        problems.push(`${unitWhere}: unsupported <ignorable>${at(child)}; keep the segments as exported`)
        break
      default:
        problems.push(`${unitWhere}: unexpected <${child.nodeName}>${at(child)}`)
    }
  }
  if (unit.sourceHash === '') problems.push(`${unitWhere}: no <note category="sourceHash">${at(element)}; it is needed to detect source changes`)
  if (unit.segments.length === 0) problems.push(`${unitWhere}: no <segment>${at(element)}`)
  return unit
}

function readSegment(element: Element, where: string, problems: string[]): ParsedSegment {
  const id = element.getAttribute('id') ?? undefined
  const segmentWhere = `${where}, segment${id === undefined ? '' : ` "${id}"`}`
  const children = childElements(element).filter((child) => child.namespaceURI === XLIFF_NAMESPACE)
  const sources = children.filter((child) => child.localName === 'source')
  const targets = children.filter((child) => child.localName === 'target')
  const segment: ParsedSegment = {...(id === undefined ? {} : {id}), line: line(element), source: []}
  if (sources.length !== 1 || targets.length > 1 || children.length !== sources.length + targets.length) {
    problems.push(`${segmentWhere}: expected one <source> and at most one <target>${at(element)}`)
    return segment
  }
  segment.source = readInline(sources[0]!, `${segmentWhere}, <source>`, problems)
  const target = targets[0]
  if (target !== undefined) {
    segment.target = readInline(target, `${segmentWhere}, <target>`, problems)
    const language = target.getAttributeNS(XML_NAMESPACE, 'lang')
    if (language) segment.targetLanguage = language
  }
  return segment
}

function readInline(element: Element, where: string, problems: string[]): InlineNode[] {
  const nodes: InlineNode[] = []
  for (const node of Array.from(element.childNodes) as Node[]) {
    if (node.nodeType === 3 || node.nodeType === 4) {
      appendText(nodes, node.nodeValue ?? '')
      continue
    }
    if (node.nodeType !== 1) continue
    const child = node as Element
    const name = child.localName ?? ''
    if (child.namespaceURI !== XLIFF_NAMESPACE) {
      problems.push(`${where}: element <${child.nodeName}> from another namespace is not allowed in text${at(child)}`)
    } else if (name === 'cp') {
      appendText(nodes, codePoint(child, where, problems))
    } else if (name === 'pc' || name === 'ph') {
      const id = child.getAttribute('id')
      if (!id) {
        problems.push(`${where}: <${name}> without id${at(child)}`)
        continue
      }
      const common = {
        id,
        type: child.getAttribute('type') ?? '',
        ...(child.getAttribute('subType') ? {subType: child.getAttribute('subType')!} : {}),
      }
      if (name === 'ph') {
        nodes.push({kind: 'ph', ...common, ...(child.getAttribute('dataRef') ? {dataRef: child.getAttribute('dataRef')!} : {})})
      } else {
        const dataRefStart = child.getAttribute('dataRefStart')
        nodes.push({kind: 'pc', ...common, ...(dataRefStart ? {dataRefStart} : {}), children: readInline(child, where, problems)})
      }
    } else if (CORE_INLINE.has(name)) {
      problems.push(`${where}: unsupported inline element <${name}>${at(child)}; use the <pc> and <ph> codes of the source`)
    } else {
      problems.push(`${where}: unexpected <${child.nodeName}>${at(child)}`)
    }
  }
  return nodes
}

function readText(element: Element, where: string, problems: string[]): string {
  let text = ''
  for (const node of Array.from(element.childNodes) as Node[]) {
    if (node.nodeType === 3 || node.nodeType === 4) text += node.nodeValue ?? ''
    else if (node.nodeType === 1 && (node as Element).localName === 'cp' && (node as Element).namespaceURI === XLIFF_NAMESPACE) {
      text += codePoint(node as Element, where, problems)
    } else if (node.nodeType === 1) problems.push(`${where}: unexpected <${node.nodeName}>${at(node as Element)}`)
  }
  return text
}

function codePoint(element: Element, where: string, problems: string[]): string {
  const hex = element.getAttribute('hex') ?? ''
  const value = /^[0-9A-Fa-f]{1,6}$/.test(hex) ? Number.parseInt(hex, 16) : Number.NaN
  if (!(value <= 0x10ffff)) {
    problems.push(`${where}: <cp hex="${hex}"> is not a Unicode code point${at(element)}`)
    return ''
  }
  return String.fromCodePoint(value)
}

function childElements(element: Element): Element[] {
  return (Array.from(element.childNodes) as Node[]).filter((node): node is Element => node.nodeType === 1)
}

function line(element: Element): number | undefined {
  const number = (element as unknown as {lineNumber?: number}).lineNumber
  return typeof number === 'number' ? number : undefined
}

function at(element: Element | undefined, number = element ? line(element) : undefined): string {
  return number === undefined ? '' : ` (line ${number})`
}
