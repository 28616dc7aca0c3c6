import {describe, expect, it} from 'vitest'
import * as sent from '../../generated/sent-queries.ts'
import {minifyGroq} from './minify-groq.ts'
import * as written from './queries.ts'

// The package sends `generated/sent-queries.ts`, and `sanity typegen` types `queries.ts`: they
// must be the same queries (`pnpm schema:check` regenerates the file; this says which differs).
describe('the queries as sent', () => {
  const names = Object.keys(written).filter((name) => typeof written[name as keyof typeof written] === 'string')

  it('are every query of queries.ts, and nothing else', () => {
    expect(Object.keys(sent).sort()).toEqual(names.sort())
  })

  it.each(names)('%s is the written query without its layout (run `pnpm typegen` when it is not)', (name) => {
    expect(sent[name as keyof typeof sent]).toBe(minifyGroq(written[name as keyof typeof written] as string))
  })
})
