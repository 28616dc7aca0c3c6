import {mkdtemp, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

import {describe, expect, it} from 'vitest'

import {equivalentKey, markEquivalent, mutatedCode, readJudgedCode} from './equivalent-mutants.ts'
import type {MutationReport, ReportMutant} from './mutation-report.ts'
import {mutant, report} from './mutation-report-fixtures.ts'
import {moduleScores} from './mutation-scores.ts'

describe('equivalent mutants', () => {
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
    expect(result).toMatchObject({stale: [], ambiguous: [], changed: []})
    expect(exact.files['packages/a/src/x.ts']!.mutants.map((each) => each.status)).toEqual(['Survived', 'Ignored'])
    expect(markEquivalent(twoOnALine(), [{...entry, column: 9}]).stale).toEqual([{...entry, column: 9}])

    // `a || b` forced false and `a` forced false both start at `a`: the end tells them apart.
    const nested: MutationReport = {
      files: {'packages/a/src/x.ts': {mutants: [{...mutant('1', 7, 'Survived'), location: {start: {line: 7, column: 5}, end: {line: 7, column: 30}}}, mutant('2', 7, 'Survived', 'ConditionalExpression', 5)]}},
    }
    expect(markEquivalent(nested, [{...entry, column: 5, endColumn: 9}])).toMatchObject({stale: [], ambiguous: [], changed: []})
    expect(nested.files['packages/a/src/x.ts']!.mutants.map((each) => each.status)).toEqual(['Survived', 'Ignored'])

    // `x` forced `true` and forced `false` span the same code: the replacement tells them apart.
    const forced = (replacement: string) => ({...mutant(replacement, 7, 'Survived', 'ConditionalExpression', 5), replacement})
    const both: MutationReport = {files: {'packages/a/src/x.ts': {mutants: [forced('true'), forced('false')]}}}
    expect(markEquivalent(both, [{...entry, column: 5}]).ambiguous).toEqual([{entry: {...entry, column: 5}, columns: ['5-9 "true"', '5-9 "false"']}])
    expect(markEquivalent(both, [{...entry, column: 5, replacement: 'false'}])).toMatchObject({stale: [], ambiguous: [], changed: []})
    expect(both.files['packages/a/src/x.ts']!.mutants.map((each) => each.status)).toEqual(['Survived', 'Ignored'])
  })

  it('excuse nothing where the line moved under an entry: its one mutant changes other code than the code it was judged on', () => {
    // check-response.ts once grew two lines: the entry for line 80 then excused another mutant, with the wrong reason.
    const source = ['const a = 1', "if (seen && typeof value === 'object') return", "if (value && typeof value === 'object') {"].join('\n')
    const at = (line: number, column: number, endColumn: number): ReportMutant => ({id: `${line}`, mutatorName: 'ConditionalExpression', replacement: 'true', location: {start: {line, column}, end: {line, column: endColumn}}, status: 'Survived'})
    const moved = (): MutationReport => ({files: {'packages/a/src/x.ts': {source, mutants: [at(2, 13, 38)]}}})
    const entry = {file: 'packages/a/src/x.ts', line: 2, mutator: 'ConditionalExpression', reason: 'forced true: check() passed, so value is a non-null object'}
    const key = equivalentKey(entry)
    expect(key).toBe('packages/a/src/x.ts:2 ConditionalExpression')

    const judgedElsewhere = moved()
    const outcome = markEquivalent(judgedElsewhere, [entry], {[key]: "value && typeof value === 'object'"})
    expect(outcome.changed).toEqual([{entry, judged: "value && typeof value === 'object'", now: "typeof value === 'object'"}])
    expect(judgedElsewhere.files['packages/a/src/x.ts']!.mutants[0]!.status).toBe('Survived')
    // What stays recorded is what was judged: a run that only warns must not record the new code,
    // or the next run would excuse the moved entry without anyone judging it again.
    expect(outcome.code).toEqual({[key]: "value && typeof value === 'object'"})

    // The same code as judged, or an entry not judged on any code yet: excused, and its code given back to record.
    for (const judged of [{[key]: "typeof value === 'object'"}, {}]) {
      const same = moved()
      expect(markEquivalent(same, [entry], judged)).toMatchObject({changed: [], code: {[key]: "typeof value === 'object'"}})
      expect(same.files['packages/a/src/x.ts']!.mutants[0]!.status).toBe('Ignored')
    }
  })

  it('read the code a mutant replaces, over lines too', () => {
    const source = 'one\ntwo = (a as Array<{\n  b: 1\n}>)[0]\nthree'
    expect(mutatedCode(source, {location: {start: {line: 2, column: 7}, end: {line: 4, column: 4}}})).toBe('(a as Array<{\n  b: 1\n}>)')
    expect(mutatedCode(source, {location: {start: {line: 5, column: 1}, end: {line: 5, column: 6}}})).toBe('three')
  })

  it('read the recorded code: none without the file, a one-line error for a damaged one', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'judged-'))
    try {
      const file = join(directory, 'stryker.equivalents.json')
      expect(await readJudgedCode(file)).toEqual({})
      await writeFile(file, '{"a.ts:1 StringLiteral": "\'x\'"}')
      expect(await readJudgedCode(file)).toEqual({'a.ts:1 StringLiteral': "'x'"})
      await writeFile(file, '{bad')
      await expect(readJudgedCode(file)).rejects.toThrow(/is not valid JSON .*restore it from git/)
      await writeFile(file, '{"a.ts:1 StringLiteral": 1}')
      await expect(readJudgedCode(file)).rejects.toThrow(/must map each equivalent entry to the code it changes/)
    } finally {
      await rm(directory, {recursive: true, force: true})
    }
  })
})
