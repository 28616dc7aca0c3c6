import {describe, expect, it} from 'vitest'

import {formatScores, markEquivalent, moduleScores, type MutationReport, type ReportMutant} from './mutation-scores.ts'

const mutant = (id: string, line: number, status: ReportMutant['status'], mutatorName = 'ConditionalExpression', column = 1): ReportMutant => ({
  id,
  mutatorName,
  location: {start: {line, column}, end: {line, column: column + 4}},
  status,
})

const report = (): MutationReport => ({
  files: {
    'packages/a/src/x.ts': {mutants: [mutant('1', 1, 'Killed'), mutant('2', 2, 'Timeout'), mutant('3', 3, 'Survived'), mutant('4', 4, 'NoCoverage')]},
    'studio/rules/y.ts': {mutants: [mutant('5', 1, 'Killed'), mutant('6', 2, 'Survived', 'StringLiteral'), mutant('7', 3, 'Ignored')]},
  },
})

describe('mutation scores', () => {
  it('count killed and timed out of killed, timed out, survived and uncovered, per module', () => {
    expect(moduleScores(report(), {a: ['packages/a/src/*.ts'], rules: ['studio/rules/*.ts'], absent: ['nowhere/*.ts']})).toEqual([
      {module: 'a', killed: 1, timedOut: 1, survived: 1, noCoverage: 1, equivalent: 0, ignored: 0, score: 50},
      {module: 'rules', killed: 1, timedOut: 0, survived: 1, noCoverage: 0, equivalent: 0, ignored: 1, score: 50},
    ])
  })

  it('exclude an equivalent mutant with its reason, and name entries that match no survivor', () => {
    const marked = report()
    const {stale, ambiguous} = markEquivalent(marked, [
      {file: 'studio/rules/y.ts', line: 2, mutator: 'StringLiteral', reason: 'the message is not behaviour'},
      {file: 'packages/a/src/x.ts', line: 1, mutator: 'ConditionalExpression', reason: 'killed now'},
    ])
    expect(ambiguous).toEqual([])
    expect(marked.files['studio/rules/y.ts']!.mutants[1]).toMatchObject({status: 'Ignored', statusReason: 'equivalent: the message is not behaviour'})
    expect(stale).toEqual([{file: 'packages/a/src/x.ts', line: 1, mutator: 'ConditionalExpression', reason: 'killed now'}])
    expect(moduleScores(marked, {rules: ['studio/rules/*.ts']})[0]).toMatchObject({survived: 0, equivalent: 1, ignored: 1, score: 100})
  })

  it('excuse one mutant per entry: a second survivor of the same mutator on the line counts until the entry gives its column', () => {
    // A new mutant on a listed line must never be excused by an entry written for another one.
    const twoOnALine = (): MutationReport => ({
      files: {'packages/a/src/x.ts': {mutants: [mutant('1', 7, 'Survived', 'ConditionalExpression', 5), mutant('2', 7, 'Survived', 'ConditionalExpression', 20)]}},
    })
    const entry = {file: 'packages/a/src/x.ts', line: 7, mutator: 'ConditionalExpression', reason: 'a cache: only speed changes'}
    const unsure = twoOnALine()
    const {ambiguous} = markEquivalent(unsure, [entry])
    expect(ambiguous).toEqual([{entry, columns: ['5-9 undefined', '20-24 undefined']}])
    expect(moduleScores(unsure, {a: ['packages/a/src/*.ts']})[0]).toMatchObject({survived: 2, equivalent: 0, score: 0})

    const exact = twoOnALine()
    const result = markEquivalent(exact, [{...entry, column: 20}])
    expect(result).toEqual({stale: [], ambiguous: []})
    expect(exact.files['packages/a/src/x.ts']!.mutants.map((each) => each.status)).toEqual(['Survived', 'Ignored'])
    expect(markEquivalent(twoOnALine(), [{...entry, column: 9}]).stale).toEqual([{...entry, column: 9}])

    // `a || b` forced false and `a` forced false both start at `a`: the end tells them apart.
    const nested: MutationReport = {
      files: {'packages/a/src/x.ts': {mutants: [{...mutant('1', 7, 'Survived'), location: {start: {line: 7, column: 5}, end: {line: 7, column: 30}}}, mutant('2', 7, 'Survived', 'ConditionalExpression', 5)]}},
    }
    expect(markEquivalent(nested, [{...entry, column: 5, endColumn: 9}])).toEqual({stale: [], ambiguous: []})
    expect(nested.files['packages/a/src/x.ts']!.mutants.map((each) => each.status)).toEqual(['Survived', 'Ignored'])

    // `x` forced `true` and forced `false` span the same code: the replacement tells them apart.
    const forced = (replacement: string) => ({...mutant(replacement, 7, 'Survived', 'ConditionalExpression', 5), replacement})
    const both: MutationReport = {files: {'packages/a/src/x.ts': {mutants: [forced('true'), forced('false')]}}}
    expect(markEquivalent(both, [{...entry, column: 5}]).ambiguous).toEqual([{entry: {...entry, column: 5}, columns: ['5-9 "true"', '5-9 "false"']}])
    expect(markEquivalent(both, [{...entry, column: 5, replacement: 'false'}])).toEqual({stale: [], ambiguous: []})
    expect(both.files['packages/a/src/x.ts']!.mutants.map((each) => each.status)).toEqual(['Survived', 'Ignored'])
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
