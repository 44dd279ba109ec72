// One error type for everything the MIS API (or the road to it) can do to us. `kind` drives
// retries and reconciliation; `problem` is what went wrong in the kiosk's own words
// (common/problems.ts), set by the MIS adapter that knows its codes — nothing above the Mis port
// reads `code` or `serverMessage` (the MIS's own code and text travel for the log only).
// `shown` is the MIS's text where an adapter decided it carries facts the patient needs (the
// time of an existing booking), already typeset and cut. `reason` tells the technician (logs,
// service screen) which of the client's own guards fired, where the HTTP status alone would not say.
import type { KioskProblem } from '../../common/problems';

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
  | 'bad_path_segment'
  /** An XML answer over the reader's limits (elements, depth, attributes, namespace declarations). */
  | 'xml_limits';

/** What a failure of each kind means before an adapter has looked at the MIS's code. */
const PROBLEM_BY_KIND: Record<ApiErrorKind, KioskProblem> = {
  network: 'misUnreachable',
  server: 'misUnavailable',
  protocol: 'misGarbled',
  auth: 'sessionExpired',
  validation: 'refused',
};

export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly problem: KioskProblem;
  readonly shown: string | null;
  constructor(
    readonly kind: ApiErrorKind,
    readonly httpStatus: number | null,
    readonly code: string | null,
    readonly serverMessage: string | null,
    detail: string,
    readonly reason: ApiErrorReason | null = null,
    translated?: { problem: KioskProblem; shown?: string | null },
  ) {
    super(detail);
    this.problem = translated?.problem ?? PROBLEM_BY_KIND[kind];
    this.shown = translated?.shown ?? null;
  }

  /** The same failure, translated by an adapter into the kiosk's vocabulary. */
  as(problem: KioskProblem, shown: string | null = null): ApiError {
    return new ApiError(this.kind, this.httpStatus, this.code, this.serverMessage, this.message, this.reason, { problem, shown });
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
