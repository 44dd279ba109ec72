import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import http from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { RENDERER_COOKIE, startBrowserHost, type RunningBrowserHost } from './browser-host';

let host: RunningBrowserHost;
let tmp: string;
let clock = 1_000_000;
let newRenderers = 0;
const calls: Array<[string, unknown]> = [];

beforeAll(async () => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'infomat-host-test-'));
  const dir = path.join(tmp, 'renderer');
  mkdirSync(dir);
  writeFileSync(path.join(dir, 'index.html'), '<!doctype html><html><head><title>t</title></head><body></body></html>');
  writeFileSync(path.join(dir, 'app.js'), 'console.log(1)');
  mkdirSync(path.join(dir, 'assets'));
  writeFileSync(path.join(dir, 'assets', 'index-AbC123.js'), 'console.log(2)');
  writeFileSync(path.join(tmp, 'outside.txt'), 'secret file');
  host = await startBrowserHost({
    rendererDir: dir,
    dispatcher: async (m, i) => {
      calls.push([m, i]);
      return { ok: true, value: { echo: m } };
    },
    onNewRenderer: () => void newRenderers++,
    now: () => clock,
    codeTtlMs: 60_000,
    bodyTimeoutMs: 300,
  });
});
afterAll(async () => {
  await host.close();
  rmSync(tmp, { recursive: true, force: true });
});
beforeEach(() => {
  calls.length = 0;
});

interface RawResult {
  status: number;
  body: string;
  headers: http.IncomingHttpHeaders;
}

/** Raw request, so Host/Origin can be forged and bodies sent in odd ways. */
function raw(
  pathname: string,
  opts: { method?: string; headers?: Record<string, string | number>; body?: string | Buffer; stall?: boolean } = {},
): Promise<RawResult> {
  return new Promise<RawResult>((resolve, reject) => {
    let answered = false;
    const req = http.request({ host: '127.0.0.1', port: host.port, path: pathname, method: opts.method ?? 'GET', headers: opts.headers, agent: false }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => {
        answered = true;
        resolve({ status: res.statusCode ?? 0, body, headers: res.headers });
        req.destroy();
      });
    });
    // The host may close the connection under a refused upload: only an error before the answer counts.
    req.on('error', (err) => {
      if (!answered) reject(err);
    });
    if (opts.stall) req.write(opts.body ?? '');
    else req.end(opts.body);
  });
}

/** Redeems a fresh launch URL the way the browser does; returns the Cookie header to send. */
async function launch(): Promise<string> {
  const url = new URL(host.issueLaunchUrl());
  const r = await raw(url.pathname);
  expect(r.status).toBe(303);
  const set = String(r.headers['set-cookie']?.[0] ?? '');
  return set.split(';')[0]!;
}

const call = (method: string, cookie: string | null, body: string | Buffer = '{}', headers: Record<string, string | number> = {}) =>
  raw(`/__kiosk/call/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Kiosk-Bridge': '1', ...(cookie ? { Cookie: cookie } : {}), ...headers },
    body,
  });

describe('browser host: launch code and renderer cookie', () => {
  it('listens on loopback and hands out single-use launch URLs', () => {
    const a = host.issueLaunchUrl();
    const b = host.issueLaunchUrl();
    expect(a).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/launch\/[\w-]{40,}$/);
    expect(a).not.toBe(b);
  });

  it('redeems a code once for an HttpOnly, SameSite=Strict, host-only cookie and redirects to the clean URL', async () => {
    const url = new URL(host.issueLaunchUrl());
    const r = await raw(url.pathname);
    expect(r.status).toBe(303);
    expect(r.headers.location).toBe('/');
    const set = String(r.headers['set-cookie']?.[0]);
    expect(set).toMatch(new RegExp(`^${RENDERER_COOKIE}=[\\w-]{40,}; `));
    expect(set).toContain('HttpOnly');
    expect(set).toContain('SameSite=Strict');
    expect(set).toContain('Path=/');
    expect(set).not.toMatch(/Domain=/i);
    const cookie = set.split(';')[0]!;
    const page = await raw('/', { headers: { Cookie: cookie } });
    expect(page.status).toBe(200);
    expect(page.body).toMatch(/<head>\s*<script defer src="\/__kiosk\/bridge\.js"><\/script>/);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    // A reload with the cookie keeps working.
    expect((await raw('/', { headers: { Cookie: cookie } })).status).toBe(200);
  });

  it('refuses a code the second time, and the refused reuse revokes nothing', async () => {
    const url = new URL(host.issueLaunchUrl());
    const first = await raw(url.pathname);
    const cookie = String(first.headers['set-cookie']?.[0]).split(';')[0]!;
    const before = newRenderers;
    const again = await raw(url.pathname);
    expect(again.status).toBe(403);
    expect(again.headers['set-cookie']).toBeUndefined();
    expect(newRenderers).toBe(before);
    expect((await raw('/', { headers: { Cookie: cookie } })).status).toBe(200);
  });

  it('refuses an unused code once it expired, and a made-up one', async () => {
    const url = new URL(host.issueLaunchUrl());
    clock += 60_001;
    expect((await raw(url.pathname)).status).toBe(403);
    expect((await raw('/launch/' + 'A'.repeat(43))).status).toBe(403);
    expect((await raw('/launch/')).status).toBe(403);
  });

  it('serves nothing without the cookie (401) or with a wrong one (403)', async () => {
    await launch();
    for (const p of ['/', '/index.html', '/__kiosk/bridge.js', '/app.js']) {
      expect((await raw(p)).status, p).toBe(401);
      expect((await raw(p, { headers: { Cookie: `${RENDERER_COOKIE}=forged` } })).status, p).toBe(403);
    }
    expect((await call('kioskInfo', null)).status).toBe(401);
    expect((await call('kioskInfo', `${RENDERER_COOKIE}=forged`)).status).toBe(403);
    expect(calls).toEqual([]);
  });

  it('a reload (the page again, with the current cookie) is a new renderer; the first page after a launch, HEAD and files are not', async () => {
    const before = newRenderers;
    const cookie = await launch();
    expect(newRenderers).toBe(before + 1);
    expect((await raw('/', { headers: { Cookie: cookie } })).status).toBe(200); // the page the launch redirects to
    expect((await raw('/', { method: 'HEAD', headers: { Cookie: cookie } })).status).toBe(200);
    expect((await raw('/app.js', { headers: { Cookie: cookie } })).status).toBe(200);
    expect(newRenderers).toBe(before + 1);
    for (const p of ['/', '/index.html']) expect((await raw(p, { headers: { Cookie: cookie } })).status).toBe(200);
    expect(newRenderers).toBe(before + 3);
  });

  it('a second renderer revokes the first and ends the patient session', async () => {
    const a = await launch();
    expect((await call('kioskInfo', a)).status).toBe(200);
    const before = newRenderers;
    const b = await launch();
    expect(newRenderers).toBe(before + 1);
    expect((await call('kioskInfo', a)).status).toBe(403);
    expect((await raw('/', { headers: { Cookie: a } })).status).toBe(403);
    expect((await call('kioskInfo', b)).status).toBe(200);
    expect(calls).toEqual([['kioskInfo', {}], ['kioskInfo', {}]]); // A's before the switch, then B's; A's refused one never ran
  });
});

describe('browser host: is the renderer alive?', () => {
  it('hears the current renderer (launch, calls, the bridge script\'s heartbeat) and nothing else', async () => {
    const cookie = await launch();
    expect(host.rendererSeen()).toBe(clock);
    clock += 5_000;
    const alive = await raw('/__kiosk/alive', { method: 'POST', headers: { 'X-Kiosk-Bridge': '1', Cookie: cookie } });
    expect(alive.status).toBe(204);
    expect(host.rendererSeen()).toBe(clock);
    clock += 5_000;
    // Without the cookie, or with a revoked one: not heard. The heartbeat needs the bridge header.
    const old = cookie;
    const fresh = await launch();
    const seen = host.rendererSeen();
    clock += 5_000;
    expect((await raw('/__kiosk/alive', { method: 'POST', headers: { 'X-Kiosk-Bridge': '1' } })).status).toBe(401);
    expect((await raw('/__kiosk/alive', { method: 'POST', headers: { 'X-Kiosk-Bridge': '1', Cookie: old } })).status).toBe(403);
    expect(host.rendererSeen()).toBe(seen);
    expect((await raw('/__kiosk/alive', { method: 'GET', headers: { 'X-Kiosk-Bridge': '1', Cookie: fresh } })).status).toBe(405);
    expect((await raw('/__kiosk/alive', { method: 'POST', headers: { Cookie: fresh } })).status).toBe(403);
    clock += 5_000;
    // Any request of the current page counts (a bridge call, a file).
    expect((await call('kioskInfo', fresh)).status).toBe(200);
    expect(host.rendererSeen()).toBe(clock);
  });

  it('the bridge script says it is alive every two seconds', async () => {
    const cookie = await launch();
    const js = await raw('/__kiosk/bridge.js', { headers: { Cookie: cookie } });
    expect(js.body).toContain('"/__kiosk/alive"');
    expect(js.body).toMatch(/setInterval\([\s\S]*\}, 2000\);/);
  });
});

describe('browser host: request checks', () => {
  let cookie: string;
  beforeAll(async () => {
    cookie = await launch();
  });

  it('refuses a forged Host header (DNS rebinding) and a foreign Origin', async () => {
    expect((await raw('/', { headers: { Host: 'evil.example:80', Cookie: cookie } })).status).toBe(421);
    const r = await call('kioskInfo', cookie, '{}', { Origin: 'http://evil.example' });
    expect(r.status).toBe(403);
    expect(calls).toEqual([]);
  });

  it('carries bridge calls only with the bridge header and JSON', async () => {
    const bad = await raw('/__kiosk/call/kioskInfo', { method: 'POST', headers: { 'Content-Type': 'text/plain', Cookie: cookie }, body: '{}' });
    expect(bad.status).toBe(403);
    const ok = await call('kioskInfo', cookie, '{"a":1}');
    expect(JSON.parse(ok.body)).toEqual({ ok: true, value: { echo: 'kioskInfo' } });
    expect(calls).toEqual([['kioskInfo', { a: 1 }]]);
  });

  it('answers bad JSON and an empty body with 400 and never runs the method', async () => {
    for (const body of ['{', 'not json', '', '{"a":1}}']) {
      expect((await call('listAppointments', cookie, body)).status, JSON.stringify(body)).toBe(400);
    }
    expect(calls).toEqual([]);
  });

  it('answers a body over 64 KiB with 413 and never runs the method (declared or streamed)', async () => {
    const big = Buffer.alloc(2 * 1024 * 1024, 0x20);
    expect((await call('listAppointments', cookie, big)).status).toBe(413);
    expect((await call('listAppointments', cookie, big, { 'Transfer-Encoding': 'chunked' })).status).toBe(413);
    expect(calls).toEqual([]);
    expect((await call('kioskInfo', cookie)).status).toBe(200); // the host is fine
  });

  it('answers a malformed % escape with 400, in a method name and in a file path', async () => {
    expect((await call('kiosk%E0%A4%A', cookie)).status).toBe(400);
    expect((await raw('/assets/%E0%A4%A.js', { headers: { Cookie: cookie } })).status).toBe(400);
    expect((await raw('/%', { headers: { Cookie: cookie } })).status).toBe(400);
    expect(calls).toEqual([]);
  });

  it('answers an unknown method with 404 without calling the dispatcher', async () => {
    expect((await call('constructor', cookie)).status).toBe(404);
    expect((await call('__proto__', cookie)).status).toBe(404);
    expect(calls).toEqual([]);
  });

  it('ends a stalled body with 408, never runs the method, and keeps serving', async () => {
    const r = await raw('/__kiosk/call/listAppointments', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Kiosk-Bridge': '1', Cookie: cookie, 'Content-Length': 100 },
      body: '{"a":',
      stall: true,
    });
    expect(r.status).toBe(408);
    expect(calls).toEqual([]);
    expect((await call('kioskInfo', cookie)).status).toBe(200);
  });

  it('lets the browser keep the hashed files under /assets/ only; the page, the bridge and errors are never stored', async () => {
    const asset = await raw('/assets/index-AbC123.js', { headers: { Cookie: cookie } });
    expect(asset.status).toBe(200);
    expect(asset.headers['cache-control']).toBe('private, max-age=31536000, immutable');
    for (const p of ['/', '/index.html', '/app.js', '/__kiosk/bridge.js', '/assets/missing-X.js']) {
      const r = await raw(p, { headers: { Cookie: cookie } });
      expect(r.headers['cache-control'], p).toBe('no-store');
    }
    expect((await raw('/assets/index-AbC123.js')).headers['cache-control']).toBe('no-store'); // 401 without the cookie
    expect((await call('kioskInfo', cookie)).headers['cache-control']).toBe('no-store');
  });

  it('refuses paths that leave (or could leave) the renderer folder, as Electron\'s app:// does', async () => {
    for (const p of ['/..%2Foutside.txt', '/..%2F..%2Foutside.txt', '/../outside.txt', '/%2e%2e/outside.txt', '/assets%2Findex-AbC123.js', '/assets\\..\\..\\outside.txt', '/%00app.js']) {
      const r = await raw(p, { headers: { Cookie: cookie } });
      expect(r.status, p).toBe(403);
      expect(r.body).not.toContain('secret file');
    }
  });

  it('serves the page with the bridge script however its path is spelled', async () => {
    for (const p of ['/', '/index.html', '//index.html', '/%69ndex.html']) {
      const r = await raw(p, { headers: { Cookie: cookie } });
      expect(r.status, p).toBe(200);
      expect(r.body, p).toContain('/__kiosk/bridge.js');
    }
  });
});
