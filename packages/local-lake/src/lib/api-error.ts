/** The JSON body of an error response, in the shape Sanity's HTTP API uses. */
export interface ApiErrorBody {
  error: {
    description: string
    type: string
    [key: string]: unknown
  }
}

/**
 * An error that becomes an HTTP error response in Sanity's shape:
 * `{"error": {"description": "...", "type": "...", ...}}`.
 */
export class ApiError extends Error {
  /** HTTP status code of the response. */
  readonly statusCode: number
  /** Response body. */
  readonly body: ApiErrorBody
  /** Extra response headers (for example `Allow` on a 405). */
  readonly headers: Record<string, string>

  constructor(
    statusCode: number,
    type: string,
    description: string,
    extra: Record<string, unknown> = {},
    headers: Record<string, string> = {},
  ) {
    super(description)
    this.name = 'ApiError'
    this.statusCode = statusCode
    this.body = {error: {description, type, ...extra}}
    this.headers = headers
  }
}

/** `400 Bad Request` for a request the lake cannot make sense of. */
export function badRequest(description: string): ApiError {
  return new ApiError(400, 'httpBadRequest', description)
}

/** `404 Not Found` for an unknown route, dataset or resource. */
export function notFound(description: string): ApiError {
  return new ApiError(404, 'httpNotFound', description)
}
