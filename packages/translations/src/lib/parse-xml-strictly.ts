import {DOMParser, type Document} from '@xmldom/xmldom'

import {XliffError} from './xliff-error.ts'

const DECLARATION = /<!(DOCTYPE|ENTITY)\b/i

/**
 * Parses XML from an untrusted file, refusing anything risky before the parser sees it:
 * - any `<!DOCTYPE` or `<!ENTITY` anywhere in the text is rejected outright (no internal subset,
 *   no external entities, no entity expansion: XXE and "billion laughs" never reach the parser);
 * - an XML declaration naming an encoding other than UTF-8 is rejected;
 * - every parser report (warning, error, fatal error) is fatal, with line and column.
 * `@xmldom/xmldom` itself never fetches or reads external resources.
 *
 * @param text - The file's text, already decoded as UTF-8 (a leading BOM is allowed).
 * @throws {XliffError} `DOCTYPE_FORBIDDEN` or `NOT_XML`
 * @throws {TypeError} When `text` is not a string.
 */
export function parseXmlStrictly(text: string): Document {
  if (typeof text !== 'string') throw new TypeError(`parseXmlStrictly expects the file's text as a string, got ${typeof text}`)
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text
  const declaration = DECLARATION.exec(source)
  if (declaration) {
    const {line, column} = position(source, declaration.index)
    throw new XliffError(
      'DOCTYPE_FORBIDDEN',
      `Rejected: the file contains a <!${declaration[1]!.toUpperCase()} declaration (line ${line}, column ${column}). ` +
        'DOCTYPE and ENTITY declarations are never accepted: they can read local files (XXE) or expand without limit.',
    )
  }
  const encoding = /^<\?xml[^>]*\bencoding\s*=\s*["']([^"']*)["']/.exec(source)?.[1]
  if (encoding !== undefined && !/^utf-?8$/i.test(encoding)) {
    throw new XliffError('NOT_XML', `Not a UTF-8 XML file: the XML declaration says encoding="${encoding}"; save the file as UTF-8.`)
  }
  let failure: string | undefined
  const parser = new DOMParser({
    onError(level, message, context: {locator?: {lineNumber?: number; columnNumber?: number}} | undefined) {
      const where = context?.locator?.lineNumber ? ` (line ${context.locator.lineNumber}, column ${context.locator.columnNumber ?? 0})` : ''
      failure ??= `${brief(message.replace(/\s+/g, ' ').trim())}${where}`
      throw new Error(`${level}: ${message}`)
    },
  })
  let document: Document
  try {
    document = parser.parseFromString(source, 'text/xml')
  } catch (error) {
    throw new XliffError('NOT_XML', `Not well-formed XML: ${failure ?? (error as Error).message}`)
  }
  if (document.doctype !== null) {
    throw new XliffError('DOCTYPE_FORBIDDEN', 'Rejected: the file contains a DOCTYPE declaration; DOCTYPE and ENTITY declarations are never accepted.')
  }
  if (!document.documentElement) throw new XliffError('NOT_XML', 'Not well-formed XML: there is no root element')
  return document
}

function position(text: string, index: number): {line: number; column: number} {
  const before = text.slice(0, index)
  const line = before.split('\n').length
  return {line, column: index - before.lastIndexOf('\n')}
}

/** A parser message cut short: it quotes what it could not parse, which for a text file is all of it. */
function brief(message: string): string {
  return message.length <= 160 ? message : `${message.slice(0, 159)}…`
}
