import {describe, expect, it} from 'vitest'

import {isAllowedLink, isWebLink} from './urls.ts'

describe('isAllowedLink and isWebLink', () => {
  it('allows the links a page renders; web links are only the http(s) ones', () => {
    for (const href of ['https://example.org/a', 'http://example.org', ' HTTPS://example.org ']) {
      expect([isAllowedLink(href), isWebLink(href)]).toEqual([true, true])
    }
    for (const href of ['mailto:clinic@example.org', 'tel:+390212345', 'mailto:https://example.org']) expect([isAllowedLink(href), isWebLink(href)]).toEqual([true, false])
  })

  it('refuses scripts, data, relative and malformed links, and non-strings', () => {
    for (const href of ['javascript:alert(1)', 'data:text/html,x', '/relative', 'https://', '', undefined, 7]) {
      expect([isAllowedLink(href), isWebLink(href)]).toEqual([false, false])
    }
  })
})
