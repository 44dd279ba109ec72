// Both hosts of the renderer answer the same request for the same file with the same headers:
// the real app:// handler of the Electron shell (called as protocol.handle would call it) and
// the real loopback browser host (started on 127.0.0.1), over one renderer folder.
//
// Left out of the comparison, because only a transport has them and they say nothing about the
// file or its protection:
//   date              — Node's HTTP server stamps each answer with its clock; a Response has none.
//   connection,       — HTTP/1.1 connection management (the host also closes a connection whose
//   keep-alive          body it refused); app:// has no connection to manage.
//   content-length,   — message framing, written by Node's HTTP server for the body it sends; a
//   transfer-encoding   Response carries its body's length itself.
import http from 'node:http';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RENDERER_COOKIE, startBrowserHost, type RunningBrowserHost } from './host/browser-host';
import { createAppRequestHandler } from './main/protocol';

const TRANSPORT_ONLY = new Set(['date', 'connection', 'keep-alive', 'content-length', 'transfer-encoding']);

const ASSET = '/assets/index-AbC123.js';
const FONT = '/assets/golos-text-cyrillic-400-normal-Xy12.woff2';

let tmp: string;
let host: RunningBrowserHost;
let cookie: string;
let electron: (request: Request) => Promise<Response>;

beforeAll(async () => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'infomat-serving-parity-'));
  const dir = path.join(tmp, 'renderer');
  mkdirSync(path.join(dir, 'assets'), { recursive: true });
  writeFileSync(path.join(dir, 'index.html'), '<!doctype html><html><head><title>t</title></head><body></body></html>');
  writeFileSync(path.join(dir, ASSET), 'console.log(2)');
  writeFileSync(path.join(dir, FONT), Buffer.from([0x77, 0x4f, 0x46, 0x32, 0, 1, 0, 0]));
  writeFileSync(path.join(tmp, 'outside.txt'), 'secret file');
  host = await startBrowserHost({ rendererDir: dir, dispatcher: async () => ({ ok: true, value: null }) });
  electron = createAppRequestHandler({ root: dir });
  const launch = await get(new URL(host.issueLaunchUrl()).pathname, null);
  cookie = String(launch.headers['set-cookie']?.[0] ?? '').split(';')[0]!;
  expect(cookie.startsWith(`${RENDERER_COOKIE}=`)).toBe(true);
});
afterAll(async () => {
  await host.close();
  rmSync(tmp, { recursive: true, force: true });
});

interface Answer {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

function get(pathname: string, withCookie: string | null): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port: host.port, path: pathname, agent: false, headers: withCookie ? { Cookie: withCookie } : {} },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

function fileHeaders(entries: Iterable<[string, string | string[] | undefined]>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of entries) {
    const key = k.toLowerCase();
    if (!TRANSPORT_ONLY.has(key) && v !== undefined) out[key] = Array.isArray(v) ? v.join(', ') : v;
  }
  return out;
}

async function fromHost(pathname: string): Promise<Answer> {
  const r = await get(pathname, cookie);
  return { status: r.status, headers: fileHeaders(Object.entries(r.headers)), body: r.body };
}

async function fromElectron(pathname: string): Promise<Answer> {
  const r = await electron(new Request(`app://kiosk${pathname}`));
  return { status: r.status, headers: fileHeaders(r.headers.entries()), body: Buffer.from(await r.arrayBuffer()) };
}

describe('both hosts send the same headers for the same file', () => {
  it.each([
    ['the page', '/index.html', 200],
    ['the page at /', '/', 200],
    ['a hashed asset', ASSET, 200],
    ['a font', FONT, 200],
    ['a missing file', '/assets/missing-X.js', 404],
    ['a missing page', '/nope.html', 404],
    ['an encoded traversal', '/..%2Foutside.txt', 403],
    ['a broken % escape', '/assets/%E0%A4%A.js', 400],
  ])('%s (%s)', async (_name, pathname, status) => {
    const [h, e] = await Promise.all([fromHost(pathname), fromElectron(pathname)]);
    expect(h.status).toBe(status);
    expect(e.status).toBe(status);
    expect(e.headers).toEqual(h.headers);
    // Not vacuous: both carry every protection, including the two only one host used to send.
    for (const name of ['content-security-policy', 'permissions-policy', 'x-frame-options', 'x-content-type-options', 'referrer-policy', 'cross-origin-opener-policy', 'cross-origin-resource-policy', 'cache-control', 'content-type']) {
      expect(h.headers[name], name).toBeTruthy();
    }
    expect(h.body.toString()).not.toContain('secret file');
    expect(e.body.toString()).not.toContain('secret file');
  });

  it('and the same bytes for the files served as built', async () => {
    for (const pathname of [ASSET, FONT]) {
      const [h, e] = await Promise.all([fromHost(pathname), fromElectron(pathname)]);
      expect(e.body.equals(h.body), pathname).toBe(true);
    }
  });

  it('the cache rule is the one both follow: hashed assets kept, the rest no-store', async () => {
    expect((await fromElectron(FONT)).headers['cache-control']).toBe('private, max-age=31536000, immutable');
    expect((await fromHost(FONT)).headers['cache-control']).toBe('private, max-age=31536000, immutable');
    expect((await fromElectron('/index.html')).headers['cache-control']).toBe('no-store');
    expect((await fromHost('/index.html')).headers['cache-control']).toBe('no-store');
  });
});
