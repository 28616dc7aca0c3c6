import {DOMParser} from '@xmldom/xmldom'
import {afterEach, describe, expect, it, vi} from 'vitest'

import {parseXmlStrictly} from './parse-xml-strictly.ts'
import {XliffError} from './xliff-error.ts'

afterEach(() => {
  vi.restoreAllMocks()
})

function rejection(text: string): XliffError {
  try {
    parseXmlStrictly(text)
  } catch (error) {
    return error as XliffError
  }
  throw new Error('expected a rejection')
}

describe('parseXmlStrictly', () => {
  it('rejects a DOCTYPE with an external entity before the parser ever sees it', () => {
    const parse = vi.spyOn(DOMParser.prototype, 'parseFromString')
    const error = rejection('<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n<x>&xxe;</x>')
    expect(error).toBeInstanceOf(XliffError)
    expect(error.code).toBe('DOCTYPE_FORBIDDEN')
    expect(error.message).toBe(
      'Rejected: the file contains a <!DOCTYPE declaration (line 2, column 1). DOCTYPE and ENTITY declarations are never accepted: they can read local files (XXE) or expand without limit.',
    )
    expect(parse).not.toHaveBeenCalled()
  })

  it('rejects an entity-expansion bomb and a stray ENTITY declaration, in any letter case', () => {
    const bomb = `<!DOCTYPE x [<!ENTITY a "${'a'.repeat(1000)}"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]><x>&b;</x>`
    expect(rejection(bomb).code).toBe('DOCTYPE_FORBIDDEN')
    expect(rejection('<x><!ENTITY a "b"></x>').message).toContain('<!ENTITY declaration (line 1, column 4)')
    expect(rejection('<!doctype x><x/>').message).toContain('<!DOCTYPE declaration (line 1, column 1)')
  })

  it('makes every parser report fatal, with its position', () => {
    expect(rejection('<a><b></a>')).toMatchObject({code: 'NOT_XML'})
    expect(rejection('<a><b></a>').message).toMatch(/^Not well-formed XML: Opening and ending tag mismatch: "b" != "a"/)
    expect(rejection('<a>&undefined;</a>').message).toBe('Not well-formed XML: entity not found:&undefined; (line 1, column 1)')
    expect(rejection('just text').message).toMatch(/^Not well-formed XML: missing root element/)
    expect(rejection('').code).toBe('NOT_XML')
  })

  it('quotes a short part of what is not XML, not the whole file, and keeps the position', () => {
    // A README with an image tag in it: the parser quotes every character before the tag.
    const markdown = `# A README\n\n${'Some prose that is not XML at all. '.repeat(60)}\n<img src="a.png"/>\n`
    const error = rejection(markdown)
    expect(error.code).toBe('NOT_XML')
    expect(error.message.length).toBeLessThan(240)
    expect(error.message).toMatch(/^Not well-formed XML: Unexpected content outside root element: .*…/)
  })

  it('rejects a declared encoding other than UTF-8', () => {
    expect(rejection('<?xml version="1.0" encoding="ISO-8859-1"?><a/>').message).toBe(
      'Not a UTF-8 XML file: the XML declaration says encoding="ISO-8859-1"; save the file as UTF-8.',
    )
  })

  it('parses well-formed XML, with or without a byte order mark', () => {
    const parse = vi.spyOn(DOMParser.prototype, 'parseFromString')
    expect(parseXmlStrictly('<a/>').documentElement?.localName).toBe('a')
    expect(parse).toHaveBeenCalledTimes(1)
    expect(parseXmlStrictly('\uFEFF<?xml version="1.0" encoding="utf-8"?><a>x</a>').documentElement?.textContent).toBe('x')
  })
})
