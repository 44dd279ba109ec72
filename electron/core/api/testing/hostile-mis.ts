// Hostile and broken MIS behaviours, shared by the unit tests (hostile-mis.test.ts) and the
// table script (scripts/hostile-mis-table.ts), so the numbers in the closing note come from
// exactly the cases the tests assert. Servers listen on 127.0.0.1:0 and are closed after
// each case, connections included.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { ApiError } from '../api-error';
import { createMisClient, type MisClient, type MisClientOptions } from '../mis-client';

type Handler = (req: http.IncomingMessage, res: http.ServerResponse, ctx: { otherUrl: string }) => void;

export interface HostileCase {
  name: string;
  handler: Handler;
  call: (c: MisClient) => Promise<unknown>;
  client?: Partial<MisClientOptions>;
  /** Expensive set-up kept out of the timed part (and out of the client's deadline). */
  prepare?: () => void;
}

export interface HostileOutcome {
  error: ApiError | null;
  /** Any other throwable, so a test can show it instead of a vague mismatch. */
  unexpected: unknown;
  elapsedMs: number;
  /** After the call minus before it. */
  rssDeltaBytes: number;
  heapDeltaBytes: number;
  /** Highest RSS sampled (every 5 ms) during the call minus RSS before it. */
  peakRssDeltaBytes: number;
  /** Requests the hostile MIS saw. */
  requests: number;
  /** Requests the "other host" (a redirect target) saw. */
  otherHostRequests: number;
}

export const CLIENT_DEFAULTS = {
  clientApplication: '7d3c1e52-0000-0000-0000-00000000ab01',
  timeoutMs: 1000,
  retries: 2,
  backoffMs: 5,
  maxResponseBytes: 2 * 1024 * 1024,
} as const;

const MB50 = 50 * 1024 * 1024;
const BOOKING = { date: '2026-11-27', time: '09:15', directionGuid: 'd1', lpuGuid: 'l2', resourceGuid: 'r1' };

/** Streams `total` bytes of a JSON-looking body, honouring back-pressure, one reused buffer. */
function streamBig(res: http.ServerResponse, total: number, status = 200, type = 'application/json', declareLength = false) {
  res.writeHead(status, { 'Content-Type': type, ...(declareLength ? { 'Content-Length': String(total) } : {}) });
  const chunk = Buffer.alloc(64 * 1024, 0x20);
  chunk[0] = 0x5b; // '[' so the body would be JSON-ish if anyone buffered it
  let sent = 0;
  const pump = () => {
    while (sent < total && !res.destroyed) {
      const n = Math.min(chunk.length, total - sent);
      sent += n;
      if (!res.write(n === chunk.length ? chunk : chunk.subarray(0, n))) return void res.once('drain', pump);
    }
    if (!res.destroyed) res.end();
  };
  pump();
}

let bomb: Buffer | null = null;
const gzipBomb = () => (bomb ??= gzipSync(Buffer.alloc(MB50, 0x20), { level: 9 }));

/** `[` then a space every 500 ms for 20 s, then `]`: valid JSON for a client that waits. */
function drip(res: http.ServerResponse) {
  res.writeHead(200, { 'Content-Type': 'application/json' });
  res.write('[');
  let n = 0;
  const t = setInterval(() => (++n < 40 ? res.write(' ') : res.end(']')), 500);
  res.on('close', () => clearInterval(t));
}

export const HOSTILE_CASES: HostileCase[] = [
  { name: 'slow drip, GET (1 byte / 500 ms)', handler: (_q, r) => drip(r), call: (c) => c.listDirections('t') },
  { name: 'slow drip, booking POST', handler: (_q, r) => drip(r), call: (c) => c.bookByDirection('t', BOOKING) },
  {
    name: 'no headers at all, GET, retries 1',
    handler: () => undefined,
    call: (c) => c.listDirections('t'),
    client: { retries: 1 },
  },
  { name: '50 MB JSON 200, chunked', handler: (_q, r) => streamBig(r, MB50), call: (c) => c.listDirections('t') },
  {
    name: '50 MB JSON 200, Content-Length declared',
    handler: (_q, r) => streamBig(r, MB50, 200, 'application/json', true),
    call: (c) => c.listDirections('t'),
  },
  { name: '50 MB JSON 502, chunked, retries 2', handler: (_q, r) => streamBig(r, MB50, 502), call: (c) => c.listDirections('t') },
  { name: '50 MB HTML 502, chunked, retries 2', handler: (_q, r) => streamBig(r, MB50, 502, 'text/html'), call: (c) => c.listDirections('t') },
  {
    name: 'gzip bomb (50 MB inflated)',
    prepare: () => void gzipBomb(),
    handler: (_q, r) => {
      r.writeHead(200, { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' });
      r.end(gzipBomb());
    },
    call: (c) => c.listDirections('t'),
  },
  {
    name: '307 same origin, booking POST',
    handler: (_q, r) => {
      r.writeHead(307, { Location: '/api/v2/directions/visit/l3' });
      r.end();
    },
    call: (c) => c.bookByDirection('t', BOOKING),
  },
  {
    name: '302 to another origin, token GET',
    handler: (_q, r, ctx) => {
      r.writeHead(302, { Location: `${ctx.otherUrl}auth/cod/token?n_pol=5000000000000001` });
      r.end();
    },
    call: (c) => c.getToken({ policy: '5000000000000001', birthDate: '1980-01-15' }),
  },
  {
    name: 'text/plain 200 "Maintenance_mode_on" as token',
    handler: (_q, r) => {
      r.writeHead(200, { 'Content-Type': 'text/plain' });
      r.end('Maintenance_mode_on');
    },
    call: (c) => c.getToken({ policy: '5000000000000001', birthDate: '1980-01-15' }),
  },
  {
    name: 'JSON token that is not token-like',
    handler: (_q, r) => {
      r.writeHead(200, { 'Content-Type': 'application/json' });
      r.end(JSON.stringify({ token: 'Maintenance mode on\r\nX-Evil: 1' }));
    },
    call: (c) => c.getToken({ policy: '5000000000000001', birthDate: '1980-01-15' }),
  },
  {
    name: 'HTML 502, retries 2',
    handler: (_q, r) => {
      r.writeHead(502, { 'Content-Type': 'text/html' });
      r.end('<html><body><h1>502 Bad Gateway</h1></body></html>');
    },
    call: (c) => c.listDirections('t'),
  },
  {
    name: 'truncated JSON (clean end)',
    handler: (_q, r) => {
      r.writeHead(200, { 'Content-Type': 'application/json' });
      r.end('[{"guid":"d1","number":"12');
    },
    call: (c) => c.listDirections('t'),
  },
  {
    name: 'truncated JSON (connection cut), retries 2',
    handler: (_q, r) => {
      r.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '1000' });
      r.write('[{"guid":"d1",');
      setTimeout(() => r.destroy(), 20);
    },
    call: (c) => c.listDirections('t'),
  },
  {
    name: 'valid JSON labelled text/html',
    handler: (_q, r) => {
      r.writeHead(200, { 'Content-Type': 'text/html' });
      r.end('[]');
    },
    call: (c) => c.listDirections('t'),
  },
  ...['..', '.', '', '../../auth', 'a%2e%2e', 'x?n_pol=1', 'x#y', 'a\\..', 'a\r\nb', 'a\u0000'].map(
    (guid): HostileCase => ({
      name: `GUID ${JSON.stringify(guid)}`,
      handler: (_q, r) => {
        r.writeHead(200, { 'Content-Type': 'application/json' });
        r.end('[]');
      },
      call: (c) => c.listDirectionLpus('t', guid),
    }),
  ),
];

async function listen(handler: http.RequestListener): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer(handler);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

const gc = (globalThis as { gc?: () => void }).gc;

/** `make` lets a script put another client (e.g. an older revision) through the same cases. */
export async function runHostileCase(c: HostileCase, make: (o: MisClientOptions) => MisClient = createMisClient): Promise<HostileOutcome> {
  let requests = 0;
  let otherHostRequests = 0;
  const other = await listen((req, res) => {
    otherHostRequests++;
    req.resume();
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify({ token: 'stolen-token-from-elsewhere' }));
  });
  const mis = await listen((req, res) => {
    requests++;
    req.resume();
    c.handler(req, res, { otherUrl: other.url });
  });
  try {
    c.prepare?.();
    const client = make({ ...CLIENT_DEFAULTS, baseUrl: mis.url, ...c.client });
    gc?.();
    const before = process.memoryUsage();
    let peakRss = before.rss;
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage.rss())), 5);
    const started = performance.now();
    let error: ApiError | null = null;
    let unexpected: unknown = null;
    try {
      await c.call(client);
    } catch (err) {
      if (err instanceof ApiError) error = err;
      else unexpected = err;
    }
    const elapsedMs = performance.now() - started;
    clearInterval(sampler);
    const after = process.memoryUsage();
    peakRss = Math.max(peakRss, after.rss);
    return {
      error,
      unexpected,
      elapsedMs,
      rssDeltaBytes: after.rss - before.rss,
      heapDeltaBytes: after.heapUsed - before.heapUsed,
      peakRssDeltaBytes: peakRss - before.rss,
      requests,
      otherHostRequests,
    };
  } finally {
    await Promise.all([mis.close(), other.close()]);
  }
}
