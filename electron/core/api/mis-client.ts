// Typed client of the regional MIS API (one method per endpoint the kiosk uses). It lives in
// the main process: the COD token is passed in per call and never stored here, so the session
// alone decides its lifetime. Reads are retried with back-off on network errors and 5xx; the
// booking POST is never retried blindly, because a lost answer may still mean a booking.
import axios, { type AxiosInstance, type AxiosResponse } from 'axios';
import type { z } from 'zod';
import { ApiError, kindFor } from './api-error';
import {
  DirectionSchema,
  DirectionScheduleLpuSchema,
  ExceptionResponseSchema,
  LpuWithStatusSchema,
  TicketVisitWithLpuSchema,
  TokenResponseSchema,
  normaliseKeys,
  type Direction,
  type DirectionScheduleLpu,
  type LpuWithStatus,
  type TicketVisitWithLpu,
} from './schemas';
import { silentLogger, type Logger } from '../ports';

export interface MisClientOptions {
  baseUrl: string;
  clientApplication: string;
  timeoutMs: number;
  /** Extra attempts for reads. */
  retries: number;
  /** Base delay of the exponential back-off, ms. */
  backoffMs?: number;
  log?: Logger;
}

export interface BookingRequest {
  date: string;
  time: string;
  directionGuid: string;
  lpuGuid: string;
  resourceGuid: string;
}

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
}

type Query = Record<string, string | string[] | undefined>;

export function createMisClient(opts: MisClientOptions): MisClient {
  const log = opts.log ?? silentLogger;
  const backoff = opts.backoffMs ?? 300;
  const http: AxiosInstance = axios.create({
    baseURL: opts.baseUrl.replace(/\/+$/, '') + '/',
    timeout: opts.timeoutMs,
    // We parse ourselves so that a non-JSON answer becomes a clean protocol error.
    responseType: 'text',
    transformResponse: [(data: unknown) => data],
    validateStatus: () => true,
    headers: {
      Accept: 'application/json',
      'Content-Type': 'application/json',
      ClientApplication: opts.clientApplication,
    },
    paramsSerializer: { indexes: null },
  });

  async function send(
    method: 'GET' | 'POST' | 'DELETE',
    path: string,
    token: string | null,
    q?: Query,
    body?: unknown,
  ): Promise<AxiosResponse<string>> {
    const canRetry = method === 'GET';
    const attempts = canRetry ? opts.retries + 1 : 1;
    let lastErr: ApiError | null = null;
    for (let i = 0; i < attempts; i++) {
      if (i > 0) await sleep(backoff * 2 ** (i - 1));
      try {
        const res = await http.request<string>({
          method,
          url: path.replace(/^\/+/, ''),
          params: q,
          // A DELETE without a JSON body is refused with 415 by the documented cancel method.
          data: body === undefined ? (method === 'GET' ? undefined : '{}') : JSON.stringify(body),
          headers: token ? { Authorization: `Bearer ${token}` } : {},
        });
        if (res.status >= 500 && canRetry && i < attempts - 1) {
          lastErr = errorFrom(res);
          log.warn('api.retry', { path: redactPath(path), status: res.status, attempt: i + 1 });
          continue;
        }
        return res;
      } catch (err) {
        lastErr = networkError(err);
        log.warn('api.network', { path: redactPath(path), attempt: i + 1, error: lastErr.message });
        if (!canRetry) throw lastErr;
      }
    }
    if (lastErr) throw lastErr;
    throw new ApiError('network', null, null, null, 'no attempt made');
  }

  async function call<S extends z.ZodTypeAny>(
    schema: S,
    method: 'GET' | 'POST' | 'DELETE',
    path: string,
    token: string | null,
    q?: Query,
    body?: unknown,
  ): Promise<z.infer<S>> {
    const res = await send(method, path, token, q, body);
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
      return call(TokenResponseSchema, 'GET', '/auth/cod/token', null, { n_pol: policy, Birthday: birthDate });
    },
    listDirections(token, statuses) {
      return call(DirectionSchema.array(), 'GET', '/api/v2/directions', token, statuses ? { status: statuses } : undefined);
    },
    getDirection(token, guid) {
      return call(DirectionSchema, 'GET', `/api/v2/directions/${enc(guid)}`, token);
    },
    listDirectionLpus(token, guid) {
      return call(LpuWithStatusSchema.array(), 'GET', `/api/v2/directions/${enc(guid)}/lpu`, token);
    },
    getDirectionSchedule(token, guid, q) {
      return call(DirectionScheduleLpuSchema.array(), 'GET', `/api/v2/directions/${enc(guid)}/schedule`, token, {
        lpuGuid: q.lpuGuid,
        dateFrom: q.dateFrom,
        dateTo: q.dateTo,
        onlyFree: 'true',
      });
    },
    bookByDirection(token, body) {
      return call(TicketVisitWithLpuSchema, 'POST', `/api/v2/directions/visit/${enc(body.lpuGuid)}`, token, undefined, body);
    },
    listVisits(token, q) {
      return call(TicketVisitWithLpuSchema.array(), 'GET', '/visit', token, q);
    },
    async cancelVisit(token, lpuGuid, ticketGuid) {
      const r = await call(ExceptionResponseSchema, 'DELETE', `/visit/${enc(lpuGuid)}/${enc(ticketGuid)}`, token, undefined, {
        reasonCode: 6,
        reason: 'Отмена пациентом через инфомат',
      });
      return r.message;
    },
  };
}

function enc(s: string): string {
  return encodeURIComponent(s);
}

function parseJson(res: AxiosResponse<string>): unknown {
  const text = typeof res.data === 'string' ? res.data : '';
  try {
    return JSON.parse(text);
  } catch {
    // The PROPOSED token answer may be text/plain: a bare token is fine, HTML is not.
    const ct = String(res.headers['content-type'] ?? '');
    if (ct.startsWith('text/plain') && /^[\w.-]{8,}$/.test(text.trim())) return text.trim();
    throw new ApiError('protocol', res.status, null, null, `answer is not JSON (${ct || 'no content-type'})`);
  }
}

function errorFrom(res: AxiosResponse<string>): ApiError {
  let json: unknown;
  try {
    json = JSON.parse(typeof res.data === 'string' ? res.data : '');
  } catch {
    json = undefined;
  }
  const body = ExceptionResponseSchema.safeParse(normaliseKeys(json));
  if (body.success) {
    const code = body.data.messageCode;
    return new ApiError(kindFor(res.status, code), res.status, code, body.data.message, `HTTP ${res.status} ${code ?? ''}`);
  }
  const kind = res.status >= 500 ? 'server' : 'protocol';
  return new ApiError(kind, res.status, null, null, `HTTP ${res.status} without a standard server response`);
}

function networkError(err: unknown): ApiError {
  const e = err as { code?: string; message?: string };
  return new ApiError('network', null, null, null, e.code ?? e.message ?? 'network error');
}

/** Paths carry GUIDs only, but keep query strings (policy numbers) out of logs regardless. */
function redactPath(path: string): string {
  return path.split('?')[0] ?? path;
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
