import type {MutationReport, ReportMutant} from './mutation-report.ts'

/** One mutant of a report, four columns wide, for the scores' and the equivalents' tests. */
export const mutant = (id: string, line: number, status: ReportMutant['status'], mutatorName = 'ConditionalExpression', column = 1): ReportMutant => ({
  id,
  mutatorName,
  location: {start: {line, column}, end: {line, column: column + 4}},
  status,
})

/** A report of two files with a mutant of each status. */
export const report = (): MutationReport => ({
  files: {
    'packages/a/src/x.ts': {mutants: [mutant('1', 1, 'Killed'), mutant('2', 2, 'Timeout'), mutant('3', 3, 'Survived'), mutant('4', 4, 'NoCoverage')]},
    'studio/rules/y.ts': {mutants: [mutant('5', 1, 'Killed'), mutant('6', 2, 'Survived', 'StringLiteral'), mutant('7', 3, 'Ignored')]},
  },
})
