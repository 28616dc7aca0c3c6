import {createClient} from '@sanity/client'
import {prepareConfig, validateDocument} from 'sanity'
import {beforeAll, describe, expect, it} from 'vitest'

import config from '../../sanity.config.ts'

type Markers = Awaited<ReturnType<typeof validateDocument>>

/** Sanity's own document validation, on the Studio's own configuration (schema and plugins). */
let validate: (document: Record<string, unknown>) => Promise<Markers>
beforeAll(() => {
  const workspace = prepareConfig(config).workspaces[0]!
  // Custom validators get a client; none of this schema's rules uses it (nothing listens there).
  const client = createClient({projectId: 'local', dataset: 'production', apiVersion: '2025-02-19', useCdn: false, apiHost: 'http://127.0.0.1:9'})
  const getClient = () => client
  validate = (document) =>
    validateDocument({
      document: {_createdAt: '2026-01-01T00:00:00Z', _updatedAt: '2026-01-01T00:00:00Z', _rev: 'r1', ...document} as never,
      workspace: {schema: workspace.schema, i18n: workspace.i18n, getClient},
      getClient,
      environment: 'studio',
    })
})

const text = (values: Record<string, unknown>) =>
  Object.entries(values).map(([language, value]) => ({_key: language, _type: 'internationalizedArrayStringValue', language, value}))
const contraindication = (values: Record<string, unknown>) => ({_id: 'drafts.c1', _type: 'contraindication', kind: 'absolute', category: 'pregnancy', text: text(values)})

describe('a localized field in the Studio (defineLocalizedField, through Sanity’s validateDocument)', () => {
  it('is an error, on the translation’s value, when it has no visible character; the message names them', async () => {
    const markers = await validate(contraindication({en: 'Pregnancy', it: '\u200B'}))
    expect(markers.map(({level, path, message}) => ({level, path, message}))).toEqual([
      {
        level: 'error',
        path: ['text', {_key: 'it'}, 'value'],
        message:
          'The IT text has no visible character, only U+200B ZERO WIDTH SPACE: readers would see nothing here. Write the text, or clear the field (an empty translation shows the fallback language, marked as missing).',
      },
    ])
  }, 60_000)

  it('allows an empty translation (it falls back, and the badge says missing) and visible text', async () => {
    expect(await validate(contraindication({en: 'Pregnancy', it: '', de: 'Schwangerschaft'}))).toEqual([])
  }, 60_000)

  it('checks every kind of localized field: text, and Portable Text by its spans', async () => {
    const mechanism = await validate({
      _id: 'drafts.i1',
      _type: 'ingredient',
      name: text({en: 'Caffeine'}),
      mechanism: [{_key: 'it', _type: 'internationalizedArrayTextValue', language: 'it', value: '\u00AD\u2060'}],
    })
    expect(mechanism.filter((marker) => marker.path[0] === 'mechanism').map(({level, path, message}) => ({level, path, message}))).toEqual([
      {level: 'error', path: ['mechanism', {_key: 'it'}, 'value'], message: expect.stringContaining('only U+00AD SOFT HYPHEN, U+2060 WORD JOINER:')},
    ])
    const span = (value: string) => [{_type: 'block', _key: 'b1', style: 'normal', markDefs: [], children: [{_type: 'span', _key: 's1', text: value, marks: []}]}]
    const body = await validate({
      _id: 'drafts.t1',
      _type: 'treatment',
      body: [
        {_key: 'en', _type: 'internationalizedArrayBlockContentValue', language: 'en', value: span('Mesotherapy')},
        {_key: 'it', _type: 'internationalizedArrayBlockContentValue', language: 'it', value: span('\u200B')},
        {_key: 'de', _type: 'internationalizedArrayBlockContentValue', language: 'de', value: span('')},
      ],
    })
    expect(body.filter((marker) => marker.path[0] === 'body').map(({level, path, message}) => ({level, path, message}))).toEqual([
      {level: 'error', path: ['body', {_key: 'it'}, 'value'], message: expect.stringContaining('The IT text has no visible character, only U+200B ZERO WIDTH SPACE:')},
    ])
  }, 60_000)
})
