// Typed client of the regional MIS API (one method per endpoint the kiosk uses). It lives in
// the main process: the COD token is passed in per call and never stored here, so the session
// alone decides its lifetime. Reads are retried with back-off on network errors and 5xx; the
// booking POST is never retried blindly, because a lost answer may still mean a booking.
// Every exchange runs under the limits in bounded-exchange.ts, and every URL path is built by
// misPath, so no request leaves with a GUID that could change which MIS method it reaches.
// The methods are async so that a refused GUID is a rejected promise, never a sync throw.
import axios, { type AxiosInstance } from 'axios';
import { z } from 'zod';
import { checkMisBaseUrl } from './loopback';
import { ApiError, kindFor } from './api-error';
import { boundedExchange, type Exchange } from './bounded-exchange';
import { misPath } from './path-segment';
import { PROPOSED_PATHS, fillPath, type EndpointPaths } from './endpoint-paths';
export { PROPOSED_PATHS, type EndpointPaths } from './endpoint-paths';
import type { BookingRequest, WaitingListReason } from '../mis/port';
import {
  DirectionSchema,
  DirectionScheduleLpuSchema,
  ClientApplicationRowSchema,
  ExceptionResponseSchema,
  ExtendedSlotSchema,
  LpuWithStatusSchema,
  SelfBookingClinicSchema,
  ShortResourceWeeklySchema,
  WaitingListAnswerSchema,
  type ClientApplicationRow,
  type ExtendedSlot,
  type SelfBookingClinic,
  type ShortResourceWeekly,
  TicketVisitWithLpuSchema,
  TokenResponseSchema,
  normaliseKeys,
  type Direction,
  type DirectionScheduleLpu,
  type LpuWithStatus,
  type TicketVisitWithLpu,
} from './schemas';
import { misHttpsAgent } from './tls';
import { silentLogger, type Logger } from '../ports';

export interface MisClientOptions {
  baseUrl: string;
  clientApplication: string;
  /** Whole-call deadline of one attempt: connect, headers and the complete body. */
  timeoutMs: number;
  /** Extra attempts for reads. */
  retries: number;
  /** Base delay of the exponential back-off, ms. */
  backoffMs?: number;
  /** Largest answer read, in bytes (api.maxResponseBytes); default 2 MiB. */
  maxResponseBytes?: number;
  /** Trusted roots for https (Node's defaults plus api.caFile, see loadCaBundle); default Node's. */
  ca?: readonly string[];
  /** Lets a non-loopback http:// base URL through (api.allowInsecureHttp); logged as a warning. */
  allowInsecureHttp?: boolean;
  log?: Logger;
  /** Where the PROPOSED endpoints live on this MIS (api.endpoints); defaults: the proposal's paths. */
  paths?: Partial<EndpointPaths>;
  /** Told about every exchange (mis:check builds its table from it); never sees bodies or tokens. */
  onExchange?: (e: ExchangeNote) => void;
}

/** One finished HTTP exchange, for the conformance probe: no headers, no bodies, no query. */
export interface ExchangeNote {
  method: string;
  /** The path template (`/api/v2/directions/{directionGuid}/lpu`), never the filled path. */
  endpoint: string;
  status: number | null;
  ms: number;
}

export const DEFAULT_MAX_RESPONSE_BYTES = 2 * 1024 * 1024;

export type { BookingRequest } from '../mis/port';

/**
 * The body of `POST /api/v2/visit/{lpuGuid}` (DOCUMENTED, pageId=6586708): the cell's GUID
 * (`timeTable`, the recommended way) or the doctor and the time; `previousTicketGuid` is the
 * PROPOSED way to name the booking a reschedule replaces.
 */
export type SlotBookingBody = ({ timeTable: string } | { docGuid: string; dateTime: string }) & { previousTicketGuid?: string };

/** The PROPOSED waiting-list request: a speciality or a referral, never both. */
export type WaitingListBody = ({ specialityCode: string } | { directionGuid: string }) & { phone: string; reason: WaitingListReason };

export interface MisClient {
  getToken(q: { policy: string; birthDate: string }): Promise<{ token: string; expiresIn: number | null }>;
  listDirections(token: string, statuses?: string[]): Promise<Direction[]>;
  getDirection(token: string, guid: string): Promise<Direction>;
  listDirectionLpus(token: string, guid: string): Promise<LpuWithStatus[]>;
  getDirectionSchedule(
    token: string,
    guid: string,
    q: { lpuGuid: string; dateFrom: string; dateTo: string },
  ): Promise<DirectionScheduleLpu[]>;
  bookByDirection(token: string, body: BookingRequest): Promise<TicketVisitWithLpu>;
  listVisits(token: string, q?: { dateFrom?: string; dateTo?: string }): Promise<TicketVisitWithLpu[]>;
  cancelVisit(token: string, lpuGuid: string, ticketGuid: string): Promise<string>;
  /** DOCUMENTED: the kiosk's client application rows (rights and schedule depth). */
  clientApplication(appGuid: string): Promise<ClientApplicationRow[]>;
  /** DOCUMENTED (G3): a speciality's resources and ExtendedSlot cells in a date range. */
  specialitySchedule(
    token: string,
    q: { lpuGuid: string; specialityId: string; dateFrom: string; dateTo: string },
  ): Promise<ShortResourceWeekly[]>;
  /** DOCUMENTED (G2): one resource's ExtendedSlot cells in a date range. */
  doctorSchedule(
    token: string,
    q: { lpuGuid: string; resourceGuid: string; dateFrom: string; dateTo: string },
  ): Promise<ExtendedSlot[]>;
  /** DOCUMENTED request (B2), its answer INFERRED to be the referral booking's TicketVisitWithLpu. */
  bookSlot(token: string, lpuGuid: string, body: SlotBookingBody): Promise<TicketVisitWithLpu>;
  /** PROPOSED: the patient's clinics and the specialities each opens to self-booking. */
  selfBookingSpecialities(token: string): Promise<SelfBookingClinic[]>;
  /** PROPOSED: a waiting-list request; the MIS's id of it, when it gives one. */
  joinWaitingList(token: string, lpuGuid: string, body: WaitingListBody): Promise<{ id: string | null }>;
}

type Query = Record<string, string | string[] | undefined>;
type Method = 'GET' | 'POST' | 'DELETE';

export function createMisClient(opts: MisClientOptions): MisClient {
  const log = opts.log ?? silentLogger;
  const paths: EndpointPaths = { ...PROPOSED_PATHS, ...opts.paths };
  const backoff = opts.backoffMs ?? 300;
  const limits = { timeoutMs: opts.timeoutMs, maxResponseBytes: opts.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES };
  checkMisBaseUrl(opts.baseUrl, opts.allowInsecureHttp, log);
  const http: AxiosInstance = axios.create({
    baseURL: opts.baseUrl.replace(/\/+$/, '') + '/',
    // Paths are built from misPath only; an absolute URL must never replace the MIS host.
    allowAbsoluteUrls: false,
    validateStatus: () => true,
    httpsAgent: misHttpsAgent(opts.ca),
    headers: {
      Accept: 'application/json',
      'Content-Type': 'application/json',
      ClientApplication: opts.clientApplication,
    },
    paramsSerializer: { indexes: null },
  });

  async function send(method: Method, path: string, token: string | null, q?: Query, body?: unknown, endpoint = path): Promise<Exchange> {
    const started = Date.now();
    let status: number | null = null;
    try {
      const res = await sendRaw(method, path, token, q, body);
      status = res.status;
      return res;
    } catch (err) {
      status = err instanceof ApiError ? err.httpStatus : null;
      throw err;
    } finally {
      opts.onExchange?.({ method, endpoint, status, ms: Date.now() - started });
    }
  }

  async function sendRaw(method: Method, path: string, token: string | null, q?: Query, body?: unknown): Promise<Exchange> {
    const canRetry = method === 'GET';
    const attempts = canRetry ? opts.retries + 1 : 1;
    let lastErr: ApiError | null = null;
    for (let i = 0; i < attempts; i++) {
      if (i > 0) await sleep(backoff * 2 ** (i - 1));
      try {
        const res = await boundedExchange(
          http,
          {
            method,
            url: path.replace(/^\/+/, ''),
            params: q,
            // A DELETE without a JSON body is refused with 415 by the documented cancel method.
            data: body === undefined ? (method === 'GET' ? undefined : '{}') : JSON.stringify(body),
            headers: token ? { Authorization: `Bearer ${token}` } : {},
          },
          limits,
        );
        if (res.status >= 500 && canRetry && i < attempts - 1) {
          lastErr = errorFrom(res);
          log.warn('api.retry', { path: redactPath(path), status: res.status, attempt: i + 1 });
          continue;
        }
        return res;
      } catch (err) {
        if (!(err instanceof ApiError)) throw err;
        lastErr = err;
        log.warn(err.kind === 'network' ? 'api.network' : 'api.protocol', {
          path: redactPath(path),
          attempt: i + 1,
          reason: err.reason,
          error: err.message,
        });
        if (!canRetry || !worthRetrying(err)) throw err;
      }
    }
    if (lastErr) throw lastErr;
    throw new ApiError('network', null, null, null, 'no attempt made');
  }

  async function call<S extends z.ZodTypeAny>(
    schema: S,
    method: Method,
    path: string | { template: string; values: Record<string, string> },
    token: string | null,
    q?: Query,
    body?: unknown,
  ): Promise<z.infer<S>> {
    const filled = typeof path === 'string' ? path : fillPath(path.template, path.values);
    const endpoint = typeof path === 'string' ? path : path.template;
    const res = await send(method, filled, token, q, body, endpoint);
    if (res.status < 200 || res.status >= 300) throw errorFrom(res);
    const json = parseJson(res);
    const parsed = schema.safeParse(normaliseKeys(json));
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new ApiError(
        'protocol',
        res.status,
        null,
        null,
        `unexpected answer shape at ${issue ? issue.path.join('.') : '?'}: ${issue?.message ?? ''}`,
      );
    }
    return parsed.data;
  }

  return {
    async getToken({ policy, birthDate }) {
      return call(TokenResponseSchema, 'GET', misPath`/auth/cod/token`, null, { n_pol: policy, Birthday: birthDate });
    },
    async listDirections(token, statuses) {
      return call(DirectionSchema.array(), 'GET', { template: paths.referrals, values: {} }, token, statuses ? { status: statuses } : undefined);
    },
    async getDirection(token, guid) {
      return call(DirectionSchema, 'GET', { template: paths.referral, values: { directionGuid: guid } }, token);
    },
    async listDirectionLpus(token, guid) {
      return call(LpuWithStatusSchema.array(), 'GET', { template: paths.referralClinics, values: { directionGuid: guid } }, token);
    },
    async getDirectionSchedule(token, guid, q) {
      return call(DirectionScheduleLpuSchema.array(), 'GET', { template: paths.referralSchedule, values: { directionGuid: guid } }, token, {
        lpuGuid: q.lpuGuid,
        dateFrom: q.dateFrom,
        dateTo: q.dateTo,
        onlyFree: 'true',
      });
    },
    async bookByDirection(token, body) {
      return call(TicketVisitWithLpuSchema, 'POST', { template: '/api/v2/directions/visit/{lpuGuid}', values: { lpuGuid: body.lpuGuid } }, token, undefined, body);
    },
    async listVisits(token, q) {
      return call(TicketVisitWithLpuSchema.array(), 'GET', { template: paths.visits, values: {} }, token, q);
    },
    async cancelVisit(token, lpuGuid, ticketGuid) {
      const r = await call(ExceptionResponseSchema, 'DELETE', { template: paths.cancel, values: { lpuGuid, ticketGuid } }, token, undefined, {
        reasonCode: 6,
        reason: 'Отмена пациентом через инфомат', // i18n-ok: a wire value the MIS records, in its language
      });
      return r.message;
    },
    async clientApplication(appGuid) {
      return call(ClientApplicationRowSchema.array(), 'GET', { template: '/api/v2/settings/clientApplication/{appGuid}', values: { appGuid } }, null);
    },
    async specialitySchedule(token, q) {
      return call(
        ShortResourceWeeklySchema.array(),
        'GET',
        {
          template: '/lpu/{lpuGuid}/speciality/{specialityId}/schedule/{dateFrom}/{dateTo}',
          values: { lpuGuid: q.lpuGuid, specialityId: q.specialityId, dateFrom: q.dateFrom, dateTo: q.dateTo },
        },
        token,
      );
    },
    async doctorSchedule(token, q) {
      return call(
        ExtendedSlotSchema.array(),
        'GET',
        {
          template: '/lpu/{lpuGuid}/doctor/{doctorGuid}/schedule/{dateFrom}/{dateTo}',
          values: { lpuGuid: q.lpuGuid, doctorGuid: q.resourceGuid, dateFrom: q.dateFrom, dateTo: q.dateTo },
        },
        token,
      );
    },
    async bookSlot(token, lpuGuid, body) {
      return call(TicketVisitWithLpuSchema, 'POST', { template: '/api/v2/visit/{lpuGuid}', values: { lpuGuid } }, token, undefined, body);
    },
    async selfBookingSpecialities(token) {
      return call(SelfBookingClinicSchema.array(), 'GET', { template: paths.selfBookingSpecialities, values: {} }, token);
    },
    async joinWaitingList(token, lpuGuid, body) {
      return call(WaitingListAnswerSchema, 'POST', { template: paths.waitingList, values: { lpuGuid } }, token, undefined, body);
    },
  };
}

/** Only answers that may differ next time: a dropped connection, or no headers in time. */
function worthRetrying(err: ApiError): boolean {
  return err.kind === 'network' && (err.reason === null || err.reason === 'deadline');
}

function parseJson(res: Exchange): unknown {
  if (res.text === null) {
    throw new ApiError('protocol', res.status, null, null, `answer is not JSON (${res.contentType || 'no content-type'})`, 'not_json');
  }
  try {
    return JSON.parse(res.text);
  } catch {
    throw new ApiError('protocol', res.status, null, null, 'answer is marked JSON but does not parse (truncated?)', 'not_json');
  }
}

function errorFrom(res: Exchange): ApiError {
  let json: unknown;
  try {
    json = res.text === null ? undefined : JSON.parse(res.text);
  } catch {
    json = undefined;
  }
  const body = ExceptionResponseSchema.safeParse(normaliseKeys(json));
  if (body.success) {
    const code = body.data.messageCode;
    return new ApiError(kindFor(res.status, code), res.status, code, body.data.message, `HTTP ${res.status} ${code ?? ''}`);
  }
  const kind = res.status >= 500 ? 'server' : 'protocol';
  const what = res.text === null ? `a ${res.contentType || 'untyped'} body (not read)` : 'a non-standard JSON body';
  return new ApiError(kind, res.status, null, null, `HTTP ${res.status} with ${what}`);
}

/** Paths carry GUIDs only, but keep query strings (policy numbers) out of logs regardless. */
function redactPath(path: string): string {
  return path.split('?')[0] ?? path;
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
