// One error type for everything the MIS API (or the road to it) can do to us. `kind` drives
// retries and the patient's next step; `serverMessage` is the Russian text meant for the
// patient and is shown verbatim.
export type ApiErrorKind = 'auth' | 'validation' | 'server' | 'network' | 'protocol';

export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly kind: ApiErrorKind,
    readonly httpStatus: number | null,
    readonly code: string | null,
    readonly serverMessage: string | null,
    detail: string,
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
