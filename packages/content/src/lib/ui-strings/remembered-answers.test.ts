import {describe, expect, it} from 'vitest'
import {keptAnswers, remembered, type RememberedAnswers} from './remembered-answers.ts'

/** An `answer` that counts how often it computed. */
function counting() {
  const answers: RememberedAnswers = new Map()
  let computed = 0
  const ask = (name: string, ...args: unknown[]) => remembered(answers, name, args, () => `${++computed}:${name}:${JSON.stringify(args)}`)
  return {answers, ask, computed: () => computed}
}

describe('remembered', () => {
  it('keeps a string argument apart from other arguments whose JSON is that text', () => {
    const {ask} = counting()
    const lone = ask('t', '["a",1]')
    const pair = ask('t', 'a', 1)
    expect(pair).not.toBe(lone)
    expect(ask('t', '["a",1]')).toBe(lone)
    expect(ask('t', 'a', 1)).toBe(pair)
  })

  it('keeps names, strings and numbers apart, and -0 is never remembered', () => {
    const {ask, computed} = counting()
    expect(ask('t', '1')).not.toBe(ask('t', 1))
    expect(ask('t', 1)).not.toBe(ask('u', 1))
    const before = computed()
    ask('t', -0)
    ask('t', -0)
    expect(computed()).toBe(before + 2)
    expect(ask('t', 0)).toBe(ask('t', 0))
    expect(ask('t', '[1]')).toBe(ask('t', '[1]'))
    expect(ask('t', '[1]')).not.toBe(ask('t', 1))
  })

  it('reads `t(key, undefined)` as `t(key)`, and computes arguments it cannot key exactly every time', () => {
    const {ask, computed} = counting()
    expect(ask('t', 'key', undefined)).toBe(ask('t', 'key'))
    const before = computed()
    ask('t', new Date(0))
    ask('t', new Date(0))
    ask('t', ['a'])
    ask('t', true)
    expect(computed()).toBe(before + 4)
  })

  it("forgets a name's answers past 5,000, keeps other names", () => {
    const {answers, ask} = counting()
    const other = ask('u', 'kept')
    for (let index = 0; index < 5000; index++) ask('t', index)
    expect(answers.get('t')?.size).toBe(5000)
    const next = ask('t', 'next')
    expect(answers.get('t')?.size).toBe(1)
    expect(ask('t', 'next')).toBe(next)
    expect(ask('u', 'kept')).toBe(other)
  })

  it('computes every time without answers', () => {
    let computed = 0
    remembered(undefined, 't', ['a'], () => ++computed)
    remembered(undefined, 't', ['a'], () => ++computed)
    expect(computed).toBe(2)
  })

  it("keeps one map per name for the answers' life, so a holder of it sees every answer", () => {
    const {answers, ask} = counting()
    const held = keptAnswers(answers, 't')
    const answer = ask('t', 'a')
    expect(held.get('a')).toBe(answer)
    expect(keptAnswers(answers, 't')).toBe(held)
  })
})
