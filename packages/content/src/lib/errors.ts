/**
 * Stable codes of the package's operational errors.
 *
 * @public
 */
export type TreatmentContentErrorCode =
  | 'CONTENT_NOT_FOUND'
  | 'SOURCE_FAILED'
  | 'SOURCE_TIMEOUT'
  | 'MALFORMED_RESPONSE'

/**
 * Base class of every operational error the package throws. Misuse (a wrong option) throws a
 * `TypeError` instead, when the content is created.
 *
 * @public
 */
export class TreatmentContentError extends Error {
  /** A stable code to branch on. */
  readonly code: TreatmentContentErrorCode

  constructor(code: TreatmentContentErrorCode, message: string, options?: {cause?: unknown}) {
    super(message, options)
    this.name = 'TreatmentContentError'
    this.code = code
  }
}

/**
 * No published treatment has the requested slug.
 *
 * @public
 */
export class ContentNotFoundError extends TreatmentContentError {
  readonly slug: string
  readonly locale: string

  constructor(slug: string, locale: string) {
    super('CONTENT_NOT_FOUND', `No published treatment has the slug “${slug}” (requested locale ${locale})`)
    this.name = 'ContentNotFoundError'
    this.slug = slug
    this.locale = locale
  }
}

/**
 * The data source failed after every retry: network error, or an HTTP error status.
 *
 * @public
 */
export class ContentSourceError extends TreatmentContentError {
  /** The HTTP status of the last attempt, when there was one. */
  readonly statusCode: number | undefined
  /** How many requests were made. */
  readonly attempts: number

  constructor(message: string, details: {statusCode?: number | undefined; attempts: number; cause?: unknown}) {
    super('SOURCE_FAILED', message, {cause: details.cause})
    this.name = 'ContentSourceError'
    this.statusCode = details.statusCode
    this.attempts = details.attempts
  }
}

/**
 * The data source did not answer within the timeout.
 *
 * @public
 */
export class ContentTimeoutError extends TreatmentContentError {
  readonly timeoutMs: number
  readonly attempts: number

  constructor(timeoutMs: number, attempts: number) {
    super('SOURCE_TIMEOUT', `The content source did not answer within ${timeoutMs} ms (${attempts} attempt${attempts === 1 ? '' : 's'})`)
    this.name = 'ContentTimeoutError'
    this.timeoutMs = timeoutMs
    this.attempts = attempts
  }
}

/**
 * The source answered, but not with the shape the query asks for.
 *
 * @public
 */
export class MalformedResponseError extends TreatmentContentError {
  /** Where in the response the problem is, e.g. `contraindications[2]._id`. */
  readonly path: string
  readonly expected: string
  readonly received: string

  constructor(path: string, expected: string, received: unknown) {
    const shown = describe(received)
    super('MALFORMED_RESPONSE', `Malformed response from the content source at \`${path || '(root)'}\`: expected ${expected}, got ${shown}`)
    this.name = 'MalformedResponseError'
    this.path = path
    this.expected = expected
    this.received = shown
  }
}

/**
 * Whether `error` is one of the package's operational errors.
 *
 * @public
 */
export function isTreatmentContentError(error: unknown): error is TreatmentContentError {
  return error instanceof TreatmentContentError
}

function describe(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  if (typeof value === 'string') return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`
  return typeof value === 'object' ? 'an object' : `${typeof value} ${String(value)}`
}
