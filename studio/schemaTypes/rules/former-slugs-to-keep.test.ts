import {describe, expect, it} from 'vitest'
import {formerSlugsToKeep} from './former-slugs-to-keep.ts'

const item = (language: string, value: string) => ({_key: language, _type: 'internationalizedArrayStringValue', language, value})
const published = {_id: 't', slug: {current: 'mesotherapy-cellulite'}, localizedSlugs: [item('it', 'mesoterapia-cellulite'), item('de', 'mesotherapie-cellulite')]}

describe('formerSlugsToKeep', () => {
  it('keeps each published slug the draft changes, in its locale', () => {
    const draft = {...published, _id: 'drafts.t', slug: {current: 'cellulite-mesotherapy'}, localizedSlugs: [item('it', 'mesoterapia-anticellulite'), item('de', 'mesotherapie-cellulite')]}
    expect(formerSlugsToKeep(published, draft)).toEqual([
      {_key: 'en-mesotherapy-cellulite', _type: 'formerSlug', language: 'en', slug: 'mesotherapy-cellulite'},
      {_key: 'it-mesoterapia-cellulite', _type: 'formerSlug', language: 'it', slug: 'mesoterapia-cellulite'},
    ])
  })

  it('keeps a removed locale slug, but not one the draft still has (in any locale) or already keeps', () => {
    const removed = {...published, localizedSlugs: [item('it', 'mesoterapia-cellulite')]}
    expect(formerSlugsToKeep(published, removed)).toEqual([{_key: 'de-mesotherapie-cellulite', _type: 'formerSlug', language: 'de', slug: 'mesotherapie-cellulite'}])
    const moved = {...published, localizedSlugs: [item('it', 'mesoterapia-cellulite'), item('de', 'neu')], slug: {current: 'mesotherapie-cellulite'}}
    expect(formerSlugsToKeep(published, moved).map((former) => former.slug)).toEqual(['mesotherapy-cellulite'])
    const alreadyKept = {...removed, formerSlugs: [{_key: 'x', _type: 'formerSlug', language: 'de', slug: 'mesotherapie-cellulite'}]}
    expect(formerSlugsToKeep(published, alreadyKept)).toEqual([])
  })

  it('keeps nothing for a first publish or an unchanged slug', () => {
    expect(formerSlugsToKeep(undefined, published)).toEqual([])
    expect(formerSlugsToKeep(published, {...published, _id: 'drafts.t'})).toEqual([])
  })
})
