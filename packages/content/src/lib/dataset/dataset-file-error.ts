import {TreatmentContentError} from '../errors.ts'

/**
 * Where in a dataset file a problem is. `line` and `column` are 1-based.
 *
 * @public
 */
export interface DatasetFileLocation {
  file: string
  line?: number | undefined
  column?: number | undefined
}

/**
 * Which rule a dataset file broke.
 *
 * @public
 */
export type DatasetFileRule = 'unreadable' | 'invalid-json' | 'not-a-document' | 'missing-id' | 'missing-type' | 'duplicate-id'

/**
 * A dataset file that cannot be read (`DATASET_FILE_UNREADABLE`) or is not NDJSON of Sanity
 * documents (`DATASET_FILE_INVALID`: invalid JSON, a line that is not a document, a duplicate
 * `_id`). The message starts with `file:line:column:` so editors and terminals can jump there.
 *
 * @public
 */
export class DatasetFileError extends TreatmentContentError {
  readonly file: string
  readonly line: number | undefined
  readonly column: number | undefined
  /** For a duplicate `_id`: the line of its first copy. */
  readonly firstLine: number | undefined
  /** The rule broken, for tools (`content:check` reports it as the problem's rule id). */
  readonly rule: DatasetFileRule
  /** What is wrong, without the location. */
  readonly problem: string

  constructor(rule: DatasetFileRule, problem: string, location: DatasetFileLocation & {firstLine?: number; cause?: unknown}) {
    const where = [location.file, location.line, location.column].filter((part) => part !== undefined).join(':')
    super(rule === 'unreadable' ? 'DATASET_FILE_UNREADABLE' : 'DATASET_FILE_INVALID', `${where}: ${problem}`, location.cause === undefined ? undefined : {cause: location.cause})
    this.rule = rule
    this.problem = problem
    this.name = 'DatasetFileError'
    this.file = location.file
    this.line = location.line
    this.column = location.column
    this.firstLine = location.firstLine
  }
}

/**
 * Whether `error` is a {@link DatasetFileError}.
 *
 * @public
 */
export function isDatasetFileError(error: unknown): error is DatasetFileError {
  return error instanceof DatasetFileError
}
