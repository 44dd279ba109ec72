// One error type for everything the MIS API (or the road to it) can do to us. `kind` drives
// retries and the patient's next step; `serverMessage` is the Russian text meant for the
// patient and is shown verbatim. `reason` tells the technician (logs, service screen) which of
// the client's own guards fired, where the HTTP status alone would not say.
export type ApiErrorKind = 'auth' | 'validation' | 'server' | 'network' | 'protocol';

export type ApiErrorReason =
  /** No answer headers before the whole-call deadline. */
  | 'deadline'
  /** Headers came, the body did not finish before the deadline (a drip). */
  | 'deadline_body'
  /** The answer is bigger than api.maxResponseBytes. */
  | 'too_large'
  /** A 3xx: the client never follows one (headers and bodies must not reach another host). */
  | 'redirect'
  /** Not `application/json`, or JSON that does not parse. */
  | 'not_json'
  /** The MIS certificate is not trusted or does not match the host. */
  | 'tls'
  /** A GUID that is not a single safe URL path segment; nothing was sent. */
  | 'bad_path_segment';

export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly kind: ApiErrorKind,
    readonly httpStatus: number | null,
    readonly code: string | null,
    readonly serverMessage: string | null,
    detail: string,
    readonly reason: ApiErrorReason | null = null,
  ) {
    super(detail);
  }
}

const AUTH_CODES = new Set(['5007', '5008', '5009', '5010']);

/** Classifies an HTTP error answer the server described with an ExceptionResponse. */
export function kindFor(httpStatus: number, code: string | null): ApiErrorKind {
  if (code && AUTH_CODES.has(code)) return 'auth';
  if (httpStatus >= 500) return 'server';
  if (httpStatus >= 400) return 'validation';
  return 'protocol';
}
