// HTTP front of the MIS simulator: path normalisation, test hooks, routing, error envelope.
// Handlers are synchronous once the body has been read (see booking.ts for why that matters).
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { authenticate, clientApplications, issueToken, trySession, type Session } from './auth';
import { bookByReferral } from './booking';
import { bookSlot } from './slot-booking';
import { selfBookingSpecialities } from './self-booking';
import { joinWaitingList } from './waiting-list';
import { doctorSchedule, specialitySchedule } from './documented-schedule';
import { Clock, addDays, clinicDdMmYyyyHm, clinicInstant } from './clock';
import { directionClinics, directionSchedule, getDirection, listDirections } from './directions';
import { SimError, errorBody, type ErrorBody } from './errors';
import { handleHook } from './hooks';
import { header, parseQuery, type Ctx, type Reply } from './http-util';
import { SimState, fullName } from './state';
import { cancelVisit, listVisits } from './visits';

export interface SimulatorOptions {
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** ISO instant the clock starts at; it then ticks with real time. Default: real time. */
  now?: string;
  /** Default 1800. */
  tokenTtlSeconds?: number;
  /** No per-request log lines. */
  quiet?: boolean;
  /** Path prefix the API is served under, e.g. "/test/api". Default: none. */
  basePath?: string;
}

export interface RunningSimulator {
  url: string;
  port: number;
  close(): Promise<void>;
  /** Seed state back, hooks cleared, clock back to `now` (or real time). */
  reset(): void;
  setNow(iso: string): void;
}

type Handler = (ctx: Ctx, p: Record<string, string>, session: Session) => Reply;
interface Route {
  method: string;
  pattern: string[];
  auth: boolean;
  /** Checked before authentication (the documented 415 happens before anything else). */
  pre?: (ctx: Ctx) => Reply | undefined;
  handle: Handler;
}

const MAX_BODY = 1 << 20;

function needsJson(ctx: Ctx): Reply | undefined {
  const ct = header(ctx, 'Content-Type') ?? '';
  return /application\/json/i.test(ct) ? undefined : { status: 415 };
}

function buildRoutes(state: SimState, ttl: number): Route[] {
  const r = (
    method: string,
    path: string,
    auth: boolean,
    handle: Handler,
    pre?: (ctx: Ctx) => Reply | undefined,
  ): Route => ({ method, pattern: path.split('/'), auth, handle, pre });
  const visits: Handler = (ctx, _p, s) => listVisits(ctx, state, s);
  const cancel: Handler = (_ctx, p, s) => cancelVisit(p.lpu!, p.ticket!, state, s);
  return [
    r('GET', 'auth/cod/token', false, (ctx) => issueToken(ctx, state, ttl)),
    r('GET', 'api/v2/settings/clientapplication/:app', false, (_ctx, p) => clientApplications(p.app!)),
    r('GET', 'api/v2/directions', true, (ctx, _p, s) => listDirections(ctx, state, s)),
    r('POST', 'api/v2/directions/visit/:lpu', true, (ctx, p, s) => bookByReferral(ctx, p.lpu!, state, s)),
    r('GET', 'api/v2/directions/:g', true, (_ctx, p, s) => getDirection(p.g!, state, s)),
    r('GET', 'api/v2/directions/:g/lpu', true, (_ctx, p, s) => directionClinics(p.g!, state, s)),
    r('GET', 'api/v2/directions/:g/schedule', true, (ctx, p, s) => directionSchedule(ctx, p.g!, state, s)),
    r('GET', 'lpu/:lpu/doctor/:doctor/schedule/:from', true, (ctx, p, s) => doctorSchedule(ctx, p, state, s)),
    r('GET', 'lpu/:lpu/doctor/:doctor/schedule/:from/:to', true, (ctx, p, s) => doctorSchedule(ctx, p, state, s)),
    r('GET', 'lpu/:lpu/speciality/:spec/schedule/:from/:to', true, (ctx, p, s) => specialitySchedule(ctx, p, state, s)),
    r('GET', 'api/v2/selfbooking/specialities', true, (_ctx, _p, s) => selfBookingSpecialities(state, s)),
    r('POST', 'api/v2/visit/:lpu', true, (ctx, p, s) => bookSlot(ctx, p.lpu!, state, s)),
    r('POST', 'api/v2/waitinglist/:lpu', true, (ctx, p, s) => joinWaitingList(ctx, p.lpu!, state, s)),
    r('GET', 'visit', true, visits),
    r('GET', 'api/v2/visit', true, visits),
    r('DELETE', 'visit/:lpu/:ticket', true, cancel, needsJson),
    r('DELETE', 'api/v2/visit/:lpu/:ticket', true, cancel, needsJson),
  ];
}

function match(pattern: string[], segments: string[]): Record<string, string> | null {
  if (pattern.length !== segments.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i++) {
    const p = pattern[i]!;
    const s = segments[i]!;
    if (p.startsWith(':')) params[p.slice(1)] = decodeURIComponent(s);
    else if (p !== s.toLowerCase()) return null;
  }
  return params;
}

function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= MAX_BODY) chunks.push(c);
    });
    req.on('end', () => resolve(size > MAX_BODY ? null : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** Collapses repeated slashes (the docs write both `{url}lpu` and `{url}/lpu`) and strips the prefix. */
function normalisePath(rawUrl: string, basePath: string): { path: string; search: URLSearchParams } {
  const q = rawUrl.indexOf('?');
  const rawPath = q < 0 ? rawUrl : rawUrl.slice(0, q);
  let path = `/${rawPath.split('/').filter(Boolean).join('/')}`;
  if (basePath && (path.toLowerCase() === basePath.toLowerCase() || path.toLowerCase().startsWith(`${basePath.toLowerCase()}/`))) {
    path = path.slice(basePath.length) || '/';
  }
  return { path, search: new URLSearchParams(q < 0 ? '' : rawUrl.slice(q + 1)) };
}

/** The vendor's tables spell fields PascalCase (`Message_code`); the hook `casing` answers so. */
function pascal(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(pascal);
  if (v && typeof v === 'object') {
    return Object.fromEntries(Object.entries(v as Record<string, unknown>).map(([k, x]) => [k.charAt(0).toUpperCase() + k.slice(1), pascal(x)]));
  }
  return v;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export async function startSimulator(opts: SimulatorOptions = {}): Promise<RunningSimulator> {
  const clock = new Clock(opts.now);
  const state = new SimState(clock);
  const ttl = opts.tokenTtlSeconds ?? 1800;
  const host = opts.host ?? '127.0.0.1';
  const basePath = opts.basePath ? `/${opts.basePath.split('/').filter(Boolean).join('/')}` : '';
  const routes = buildRoutes(state, ttl);

  /** A forced failure; 4008 needs its placeholders filled to look like the real thing. */
  function forced(code: string, ctx: Ctx): ErrorBody {
    if (code !== '4008') return errorBody(code);
    const s = trySession(ctx, state);
    const when = clinicInstant(addDays(state.today(), 1), '09:15');
    return errorBody(code, {
      ФИО: s ? fullName(s.person) : 'Иванов Иван Иванович',
      Время: clinicDdMmYyyyHm(when),
    });
  }

  async function dispatch(ctx: Ctx): Promise<Reply> {
    if (ctx.segments[0] === '__sim') return handleHook(ctx, ctx.segments.slice(1).join('/'), state, clock);

    const headerDelay = Number(header(ctx, 'X-Sim-Delay') ?? 0);
    const ruleDelay = state.takeRule(state.delayRules, ctx.method, ctx.path)?.ms ?? 0;
    const delay = (Number.isFinite(headerDelay) ? headerDelay : 0) + ruleDelay;
    if (delay > 0) await sleep(Math.min(delay, 120_000));

    const failCode = header(ctx, 'X-Sim-Fail')?.trim() || state.takeRule(state.failRules, ctx.method, ctx.path)?.code;
    if (failCode) {
      const body = forced(failCode, ctx);
      return { status: body.code, body };
    }

    let pathMatched = false;
    for (const route of routes) {
      const params = match(route.pattern, ctx.segments);
      if (!params) continue;
      pathMatched = true;
      if (route.method !== ctx.method) continue;
      const early = route.pre?.(ctx);
      if (early) return early;
      const session = route.auth ? authenticate(ctx, state) : (undefined as unknown as Session);
      return route.handle(ctx, params, session);
    }
    return pathMatched
      ? { status: 405, body: { code: 405, message: 'Метод не поддерживается', message_code: '405', type: 'Error' } }
      : { status: 404, body: { code: 404, message: 'Метод API не найден', message_code: '404', type: 'Error' } };
  }

  async function onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = (req.method ?? 'GET').toUpperCase();
    const { path, search } = normalisePath(req.url ?? '/', basePath);
    const ctx0 = path.split('/').filter(Boolean)[0];
    let reply: Reply;
    try {
      const rawBody = await readBody(req);
      if (rawBody === null) {
        reply = { status: 413 };
      } else if (method === 'OPTIONS') {
        reply = { status: 204 };
      } else {
        const ctx: Ctx = {
          method,
          path,
          segments: path.split('/').filter(Boolean),
          query: parseQuery(search),
          headers: req.headers,
          rawBody,
        };
        reply = await dispatch(ctx);
      }
    } catch (e) {
      if (e instanceof SimError) {
        reply = { status: e.body.code, body: e.body };
      } else {
        if (!opts.quiet) console.error('simulator: internal error', e);
        reply = { status: 500, body: errorBody('5000') };
      }
    }
    const headers: Record<string, string> = {
      'Access-Control-Allow-Origin': '*',
      'Access-Control-Allow-Headers': '*',
      'Access-Control-Allow-Methods': 'GET, POST, DELETE, OPTIONS',
    };
    if (reply.body !== undefined) headers['Content-Type'] = 'application/json; charset=utf-8';
    res.writeHead(reply.status, headers);
    const body = reply.body !== undefined && state.pascalCase && ctx0 !== '__sim' ? pascal(reply.body) : reply.body;
    res.end(body === undefined ? undefined : JSON.stringify(body));
    if (!opts.quiet) {
      const code = (reply.body as { message_code?: string } | undefined)?.message_code;
      console.log(`${method} ${path} → ${reply.status}${code && reply.status >= 400 ? ` (${code})` : ''}`);
    }
  }

  const server = http.createServer((req, res) => {
    void onRequest(req, res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const urlHost = host.includes(':') ? `[${host}]` : host;

  return {
    url: `http://${urlHost}:${port}${basePath}`,
    port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
    reset() {
      clock.restart();
      state.reset();
    },
    setNow(iso: string) {
      clock.set(iso);
    },
  };
}
