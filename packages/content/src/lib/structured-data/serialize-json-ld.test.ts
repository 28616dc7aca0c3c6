import {describe, expect, it} from 'vitest'
import {serializeJsonLd} from './serialize-json-ld.ts'

describe('serializeJsonLd', () => {
  it('escapes characters that could end a script element or a line in JavaScript', () => {
    const value = {name: '</script><script>alert(1)</script> & <!-- \u2028\u2029'}
    const json = serializeJsonLd(value)
    expect(json).toBe('{"name":"\\u003c/script\\u003e\\u003cscript\\u003ealert(1)\\u003c/script\\u003e \\u0026 \\u003c!-- \\u2028\\u2029"}')
    expect(json).not.toMatch(/[<>&\u2028\u2029]/)
  })

  it('reads back as the same value', () => {
    const value = {'@type': 'MedicalWebPage', name: 'A <b> & “quotes” \u2028', list: [1, null, true]}
    expect(JSON.parse(serializeJsonLd(value))).toEqual(value)
  })

  it('throws a TypeError naming the call for values JSON cannot hold', () => {
    const cycle: Record<string, unknown> = {}
    cycle.self = cycle
    expect(() => serializeJsonLd(undefined)).toThrow(new TypeError('`serializeJsonLd` expects a JSON value, got nothing'))
    expect(() => serializeJsonLd(cycle)).toThrow(/^`serializeJsonLd` cannot write this value as JSON: /)
    expect(() => serializeJsonLd(1n)).toThrow(/^`serializeJsonLd` cannot write this value as JSON: /)
  })
})
