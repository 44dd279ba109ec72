import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserHost, type RunningBrowserHost } from './browser-host';

let host: RunningBrowserHost;
const calls: Array<[string, unknown]> = [];

beforeAll(async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'host-test-'));
  writeFileSync(path.join(dir, 'index.html'), '<!doctype html><html><head><title>t</title></head><body></body></html>');
  writeFileSync(path.join(dir, 'app.js'), 'console.log(1)');
  writeFileSync(path.join(os.tmpdir(), 'outside.txt'), 'secret file');
  host = await startBrowserHost({
    rendererDir: dir,
    dispatcher: async (m, i) => {
      calls.push([m, i]);
      return { ok: true, value: { echo: m } };
    },
  });
});
afterAll(() => host.close());

/** Raw request, so the Host header can be forged the way a rebinding attack would. */
function raw(pathname: string, opts: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  return new Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }>((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: host.port, path: pathname, method: opts.method ?? 'GET', headers: opts.headers }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    req.on('error', reject);
    req.end(opts.body);
  });
}

const secretPath = () => new URL(host.url).pathname;

describe('browser host', () => {
  it('listens on loopback only and serves the renderer with the bridge script first, under a strict CSP', async () => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/s\/[\w-]{20,}\/$/);
    const r = await raw(secretPath());
    expect(r.status).toBe(200);
    expect(r.body).toMatch(/<head>\s*<script src="\.\/__kiosk\/bridge\.js"><\/script>/);
    expect(r.headers['content-security-policy']).toContain("script-src 'self'");
  });

  it('serves nothing outside the per-launch secret path', async () => {
    expect((await raw('/')).status).toBe(404);
    expect((await raw('/s/guess/index.html')).status).toBe(404);
    expect((await raw('/s/guess/__kiosk/call/identify', { method: 'POST' })).status).toBe(404);
  });

  it('refuses a forged Host header (DNS rebinding) and a foreign Origin', async () => {
    expect((await raw(secretPath(), { headers: { Host: 'evil.example:80' } })).status).toBe(421);
    const r = await raw(secretPath() + '__kiosk/call/kioskInfo', {
      method: 'POST',
      headers: { Origin: 'http://evil.example', 'Content-Type': 'application/json', 'X-Kiosk-Bridge': '1' },
      body: '{}',
    });
    expect(r.status).toBe(403);
  });

  it('carries bridge calls only with the bridge header and JSON', async () => {
    const bad = await raw(secretPath() + '__kiosk/call/kioskInfo', { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: '{}' });
    expect(bad.status).toBe(403);
    const ok = await raw(secretPath() + '__kiosk/call/kioskInfo', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Kiosk-Bridge': '1' },
      body: '{"a":1}',
    });
    expect(JSON.parse(ok.body)).toEqual({ ok: true, value: { echo: 'kioskInfo' } });
    expect(calls.at(-1)).toEqual(['kioskInfo', { a: 1 }]);
  });

  it('does not serve files outside the renderer folder', async () => {
    const r = await raw(secretPath() + '..%2F..%2Foutside.txt');
    expect(r.status).toBe(404);
    expect(r.body).not.toContain('secret file');
  });
});
