import {describe, expect, it} from 'vitest'
import {safeLinkUrl} from './safe-link-url.ts'

describe('safeLinkUrl', () => {
  it('keeps absolute http, https, mailto and tel URLs, trimmed and otherwise unchanged', () => {
    expect(safeLinkUrl('https://example.org/a?b=1&c=2')).toBe('https://example.org/a?b=1&c=2')
    expect(safeLinkUrl('http://example.org')).toBe('http://example.org')
    expect(safeLinkUrl('  HTTPS://Example.org/X ')).toBe('HTTPS://Example.org/X')
    expect(safeLinkUrl('mailto:clinic@example.org')).toBe('mailto:clinic@example.org')
    expect(safeLinkUrl('tel:+39-06-1234567')).toBe('tel:+39-06-1234567')
  })

  it.each([
    'javascript:alert(1)',
    ' JaVaScRiPt:alert(1)',
    'java\tscript:alert(1)',
    '\u0001javascript:alert(1)',
    'vbscript:msgbox(1)',
    'data:text/html,<script>alert(1)</script>',
    'file:///etc/passwd',
    'ftp://example.org',
    '/treatments/mesotherapy',
    '//evil.example',
    '#sources',
    'example.org',
    'http://',
    '',
    '   ',
  ])('refuses %j', (href) => {
    expect(safeLinkUrl(href)).toBeUndefined()
  })

  it('refuses values that are not strings', () => {
    expect(safeLinkUrl(undefined)).toBeUndefined()
    expect(safeLinkUrl(null)).toBeUndefined()
    expect(safeLinkUrl({href: 'https://example.org'})).toBeUndefined()
  })
})
