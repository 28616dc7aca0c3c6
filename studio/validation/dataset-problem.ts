/**
 * One problem found in a dataset file: where it is and what is wrong, worded for an editor.
 */
export interface DatasetProblem {
  file: string
  /** 1-based line of the document in the NDJSON file. */
  line: number
  /** The document's `_id`, when it has one. */
  documentId?: string
  /** Where in the document, as a Sanity path (`contraindications[_key=="c1"]`), or empty for the whole document. */
  path: string
  message: string
  /** A stable name of the rule, for tooling. */
  ruleId:
    | 'invalid-json'
    | 'not-a-document'
    | 'missing-id'
    | 'duplicate-id'
    | 'unknown-type'
    | 'unknown-field'
    | 'missing-required'
    | 'wrong-type'
    | 'invalid-value'
    | 'missing-key'
    | 'duplicate-key'
    | 'dangling-reference'
    | 'wrong-reference-type'
    | 'locale'
    | 'invisible-text'
    | 'control-character'
    | 'domain'
    | 'duplicate-slug'
    | 'empty-file'
}

/** Formats a problem as `file:line id path: message`. */
export function formatProblem(problem: DatasetProblem): string {
  const where = [problem.documentId, problem.path].filter(Boolean).join(' ')
  return `${problem.file}:${problem.line}${where ? ` ${where}` : ''}: ${problem.message} [${problem.ruleId}]`
}
