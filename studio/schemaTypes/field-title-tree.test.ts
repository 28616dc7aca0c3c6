import {readFile} from 'node:fs/promises'

import {fieldTitle, type FieldTitles} from '@treatments/translations'
import {describe, expect, it} from 'vitest'

import {fieldTitleTree} from './field-title-tree.ts'
import {documentTypes, schemaTypes} from './index.ts'

const committed = JSON.parse(await readFile(new URL('../field-titles.json', import.meta.url), 'utf8')) as FieldTitles

describe('field titles for tools', () => {
  it('are the schema’s, as committed in field-titles.json (pnpm typegen rewrites it)', () => {
    expect(fieldTitleTree(documentTypes, schemaTypes)).toEqual(committed)
  })

  it('name a field path as the Studio does: titles, array items by key, unknown segments as written', () => {
    expect(fieldTitle(committed, 'contraindication', 'text')).toBe('Who cannot have it')
    expect(fieldTitle(committed, 'treatment', 'ingredients[_key=="pc"].role')).toBe('Active ingredients › pc › Role in this treatment')
    expect(fieldTitle(committed, 'treatment', 'claims[_key=="c1"].statement')).toBe('Claims needing review › c1 › Statement')
    expect(fieldTitle(committed, 'treatment', 'protocol.sessionsMin')).toBe('Protocol › Sessions (at least)')
    expect(fieldTitle(committed, 'treatment', 'nothing.here')).toBe('nothing › here')
    expect(fieldTitle(committed, 'unknownType', 'text')).toBe('text')
    expect(fieldTitle(committed, 'treatment', 'constructor')).toBe('constructor')
  })

  it('stop at a type that contains itself', () => {
    const node = {name: 'node', type: 'object', fields: [{name: 'child', title: 'Child', type: 'node'}]}
    const tree = fieldTitleTree([{name: 'doc', fields: [{name: 'root', title: 'Root', type: 'node'}]}], [node])
    expect(tree).toEqual({doc: {fields: {root: {title: 'Root', fields: {child: {title: 'Child'}}}}}})
  })
})
