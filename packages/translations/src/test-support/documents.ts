import {sourceHash} from '@treatments/content/dataset'

import type {TranslatableDocument} from '../lib/document-translation-status.ts'

/** A localized string item. */
export function stringItem(language: string, value: unknown): Record<string, unknown> {
  return {_key: language, _type: 'internationalizedArrayStringValue', language, value}
}

/** A localized Portable Text item. */
export function blockItem(language: string, value: unknown): Record<string, unknown> {
  return {_key: language, _type: 'internationalizedArrayBlockContentValue', language, value}
}

/** A Portable Text block: `[text, ...marks]` per span. */
export function block(key: string, spans: Array<[string, ...string[]]>, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    _type: 'block',
    _key: key,
    style: 'normal',
    markDefs: [],
    ...extra,
    children: spans.map(([text, ...marks], index) => ({_type: 'span', _key: `${key}s${index + 1}`, text, marks})),
  }
}

export const linkedBody = [
  block('b1', [['Heading']], {style: 'h2'}),
  block('b2', [['See '], ['the ', 'link'], ['bold', 'link', 'strong'], [' and more.']], {
    markDefs: [{_type: 'link', _key: 'link', href: 'https://example.org/en'}],
  }),
  block('b3', [['Item']], {listItem: 'bullet', level: 1}),
]

/**
 * A treatment-like document: `title` (string, translated into it and de), `summary` (it only),
 * `body` (Portable Text with a link over a bold word), `claims[_key=="c1"].statement`.
 * Translation states record the current source hashes for the translated fields.
 */
export async function sampleDocument(): Promise<TranslatableDocument> {
  const title = 'Mesotherapy'
  const summary = 'A treatment.'
  const statement = 'Results last.'
  return {
    _id: 'treatment-a',
    _type: 'treatment',
    _rev: 'r1',
    title: [stringItem('en', title), stringItem('it', 'Mesoterapia'), stringItem('de', 'Mesotherapie')],
    summary: [stringItem('en', summary), stringItem('it', 'Un trattamento.'), stringItem('de', '   ')],
    body: [blockItem('en', linkedBody)],
    claims: [{_type: 'claim', _key: 'c1', statement: [stringItem('en', statement), stringItem('it', 'I risultati durano.')]}],
    translations: [
      {
        _key: 'it',
        _type: 'translationState',
        language: 'it',
        status: 'reviewed',
        reviewedBy: 'Dr. Rossi',
        reviewedAt: '2026-01-02T00:00:00Z',
        sourceHashes: [
          {_key: 'h1', _type: 'sourceHash', field: 'title', hash: await sourceHash(title)},
          {_key: 'h2', _type: 'sourceHash', field: 'summary', hash: await sourceHash('An older summary.')},
        ],
      },
      {
        _key: 'de',
        _type: 'translationState',
        language: 'de',
        status: 'draft',
        sourceHashes: [{_key: 'h1', _type: 'sourceHash', field: 'title', hash: await sourceHash(title)}],
      },
    ],
  }
}
