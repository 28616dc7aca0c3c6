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

  it('keeps nothing when either side is missing', () => {
    expect(formerSlugsToKeep(published, undefined)).toEqual([])
    expect(formerSlugsToKeep(undefined, undefined)).toEqual([])
  })

  it('reads only text slugs: no former slug for a locale the published page had no slug in', () => {
    // Italian empty, German not text, no base slug: only what the published page was served at is kept.
    const sparse = {_id: 't', localizedSlugs: [null, item('it', ''), {_key: 'de', language: 'de', value: 5}]}
    expect(formerSlugsToKeep(sparse, {...published, localizedSlugs: []})).toEqual([])
    const draft = {_id: 'drafts.t', slug: {current: 'two'}, localizedSlugs: [null, item('it', 'due')], formerSlugs: [null, {_key: 'x', language: 'de'}]}
    expect(formerSlugsToKeep(published, draft).map((former) => former.slug)).toEqual(['mesotherapy-cellulite', 'mesoterapia-cellulite', 'mesotherapie-cellulite'])
  })

  it('keys a long slug within the 64 characters a key may have', () => {
    const long = 'a'.repeat(70)
    const [kept] = formerSlugsToKeep({...published, slug: {current: long}}, {...published, _id: 'drafts.t'})
    expect(kept).toEqual({_key: `en-${long}`.slice(0, 64), _type: 'formerSlug', language: 'en', slug: long})
  })
})
