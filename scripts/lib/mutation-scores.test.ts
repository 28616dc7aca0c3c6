import {describe, expect, it} from 'vitest'

import {markEquivalent} from './equivalent-mutants.ts'
import {mutant, report} from './mutation-report-fixtures.ts'
import {formatScores, moduleScores} from './mutation-scores.ts'

describe('mutation scores', () => {
  it('count killed and timed out of killed, timed out, survived and uncovered, per module', () => {
    expect(moduleScores(report(), {a: ['packages/a/src/*.ts'], rules: ['studio/rules/*.ts'], absent: ['nowhere/*.ts']})).toEqual([
      {module: 'a', killed: 1, timedOut: 1, survived: 1, noCoverage: 1, equivalent: 0, ignored: 0, score: 50},
      {module: 'rules', killed: 1, timedOut: 0, survived: 1, noCoverage: 0, equivalent: 0, ignored: 1, score: 50},
    ])
  })

  it('count listed equivalents apart, out of the score', () => {
    const marked = report()
    markEquivalent(marked, [{file: 'studio/rules/y.ts', line: 2, mutator: 'StringLiteral', reason: 'the message is not behaviour'}])
    expect(moduleScores(marked, {rules: ['studio/rules/*.ts']})[0]).toMatchObject({survived: 0, equivalent: 1, ignored: 1, score: 100})
  })

  it('read "!glob" as an exclusion, as Stryker does', () => {
    expect(moduleScores(report(), {rules: ['studio/rules/*.ts', '!studio/rules/y.ts']})).toEqual([])
    expect(moduleScores(report(), {a: ['packages/a/src/*.ts', '!studio/rules/*.ts']})[0]).toMatchObject({module: 'a', killed: 1})
  })

  it('print a table with the total', () => {
    expect(formatScores(moduleScores(report(), {a: ['packages/a/src/*.ts'], rules: ['studio/rules/*.ts']})).split('\n')).toEqual([
      'module  score  killed  timeout  survived  no cov  equivalent  static',
      'a       50.0%       1        1         1       1           0       0',
      'rules   50.0%       1        0         1       0           0       1',
      'all     50.0%       2        1         2       1           0       1',
    ])
  })
})
