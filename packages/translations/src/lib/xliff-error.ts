/**
 * Why an XLIFF file was rejected:
 * - `NOT_XML`: not well-formed XML (or not UTF-8);
 * - `DOCTYPE_FORBIDDEN`: a DOCTYPE or ENTITY declaration (XXE, entity-expansion bombs);
 * - `NOT_XLIFF`: the root is not `<xliff>` in the XLIFF 2 namespace;
 * - `UNSUPPORTED_VERSION`: `version` is not `2.0` or `2.1`;
 * - `WRONG_LANGUAGE`: `srcLang` is not the base locale, or `trgLang` is not the expected translation locale;
 * - `INVALID_XLIFF`: structure this tool does not accept (missing ids, duplicate units, unsupported elements);
 * - `IMPORT_REJECTED`: the file does not fit the dataset (unknown documents or fields, source changed
 *   since export, edited sources, targets that drop or add inline codes, empty targets for sources
 *   with text);
 * - `PUBLISH_REFUSED`: an import with `publish` would publish an unreviewed safety text, or go
 *   around a document's draft.
 */
export type XliffErrorCode =
  | 'NOT_XML'
  | 'DOCTYPE_FORBIDDEN'
  | 'NOT_XLIFF'
  | 'UNSUPPORTED_VERSION'
  | 'WRONG_LANGUAGE'
  | 'INVALID_XLIFF'
  | 'IMPORT_REJECTED'
  | 'PUBLISH_REFUSED'

/**
 * An XLIFF file was rejected; nothing was written. `problems` lists every problem found (one
 * sentence each, naming document/file, field/unit and segment); `message` is a summary followed by
 * the problems, one per line.
 */
export class XliffError extends Error {
  readonly code: XliffErrorCode
  readonly problems: readonly string[]

  constructor(code: XliffErrorCode, summary: string, problems: readonly string[] = []) {
    super(problems.length === 0 ? summary : `${summary}\n${problems.map((problem) => `  - ${problem}`).join('\n')}`)
    this.name = 'XliffError'
    this.code = code
    this.problems = problems
  }
}

/** Whether `value` is an {@link XliffError}. */
export function isXliffError(value: unknown): value is XliffError {
  return value instanceof XliffError
}
