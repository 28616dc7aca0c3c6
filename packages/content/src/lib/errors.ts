import {describeValue} from './describe-value.ts'
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
  | 'DUPLICATE_SLUG'
  | 'WRONG_REFERENCE_TYPE'
  | 'NO_CONTRAINDICATIONS'
  | 'DATASET_FILE_UNREADABLE'
  | 'DATASET_FILE_INVALID'

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
    const shown = describeValue(received)
    super('MALFORMED_RESPONSE', `Malformed response from the content source at \`${path || '(root)'}\`: expected ${expected}, got ${shown}`)
    this.name = 'MalformedResponseError'
    this.path = path
    this.expected = expected
    this.received = shown
  }
}

/**
 * The content breaks an invariant a page relies on, whatever wrote it (data can reach a source
 * without passing the Studio's validation). A page is never built from it: it renders whole or
 * not at all.
 *
 * @public
 */
export class ContentInvariantError extends TreatmentContentError {
  /** Where in the treatment the problem is, e.g. `contraindications[2]`. */
  readonly path: string
  /** The treatment concerned. */
  readonly treatmentId: string

  constructor(code: 'DUPLICATE_SLUG' | 'WRONG_REFERENCE_TYPE' | 'NO_CONTRAINDICATIONS', message: string, details: {path: string; treatmentId: string}) {
    super(code, message)
    this.name = 'ContentInvariantError'
    this.path = details.path
    this.treatmentId = details.treatmentId
  }
}

/**
 * More than one published treatment has the same slug: which one a page shows would be
 * arbitrary, so none is shown.
 *
 * @public
 */
export class DuplicateSlugError extends ContentInvariantError {
  readonly slug: string
  /** Every published treatment with the slug in {@link DuplicateSlugError.locale}. */
  readonly ids: readonly string[]
  /** The locale whose URL the treatments would share (slugs are unique per locale). */
  readonly locale: string

  constructor(slug: string, ids: readonly string[], locale: string) {
    super('DUPLICATE_SLUG', `${ids.length} published treatments have the slug “${slug}” in locale ${locale}: ${ids.join(', ')}; a slug must name one treatment in each locale`, {
      path: 'slug',
      treatmentId: ids[0] ?? '',
    })
    this.name = 'DuplicateSlugError'
    this.slug = slug
    this.ids = ids
    this.locale = locale
  }
}

/**
 * A reference points at a document of another type than the field expects (a contraindication
 * that is a side effect, say): it would be shown under the wrong heading.
 *
 * @public
 */
export class ReferenceTypeError extends ContentInvariantError {
  readonly expected: string
  readonly received: string
  /** The referenced document. */
  readonly documentId: string

  constructor(details: {treatmentId: string; path: string; expected: string; received: string; documentId: string}) {
    super(
      'WRONG_REFERENCE_TYPE',
      `Treatment ${details.treatmentId}: \`${details.path}\` references ${details.documentId}, a ${JSON.stringify(details.received)} document, where a ${JSON.stringify(details.expected)} is expected`,
      details,
    )
    this.name = 'ReferenceTypeError'
    this.expected = details.expected
    this.received = details.received
    this.documentId = details.documentId
  }
}

/**
 * A treatment lists no contraindication. Every treatment has at least one, and the Studio
 * requires it; an empty list would read as "anyone can have this treatment".
 *
 * @public
 */
export class MissingContraindicationsError extends ContentInvariantError {
  constructor(treatmentId: string) {
    super('NO_CONTRAINDICATIONS', `Treatment ${treatmentId} lists no contraindications; a treatment page needs at least one`, {
      path: 'contraindications',
      treatmentId,
    })
    this.name = 'MissingContraindicationsError'
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
