/** One mutant of Stryker's JSON report (mutation-testing-report-schema), as far as scores need. */
export interface ReportMutant {
  id: string
  mutatorName: string
  replacement?: string
  location: {start: {line: number; column: number}; end: {line: number; column: number}}
  status: 'Killed' | 'Survived' | 'NoCoverage' | 'Timeout' | 'CompileError' | 'RuntimeError' | 'Ignored' | 'Pending'
  statusReason?: string
}

/** Stryker's JSON report: mutants by file path (relative to the repository root), with each file's source. */
export interface MutationReport {
  files: Record<string, {mutants: ReportMutant[]; source?: string}>
}
