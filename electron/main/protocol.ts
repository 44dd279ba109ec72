// app://kiosk/ serves the built renderer (dist/renderer) instead of file://, so the page has a
// real origin, a CSP header and no access to the rest of the disk. The resolver refuses path
// traversal, encoded separators, other hosts and anything outside the root. No `electron`
// runtime import: main.ts registers the scheme and passes `handleAppRequest` to protocol.handle.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { APP_HOST, APP_SCHEME, securityHeaders } from './policy';

/** Must be passed to `protocol.registerSchemesAsPrivileged` before `app.ready`. */
export const appSchemePrivileges = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true, allowServiceWorkers: false, corsEnabled: false, stream: false, bypassCSP: false },
} as const;

export type Resolution = { ok: true; file: string } | { ok: false; status: 400 | 403 | 404 };

/** Maps an app:// URL to a file under `root`, or refuses it. */
export function resolveAppPath(rawUrl: string, root: string): Resolution {
  let u: URL;
  try {
    u = new URL(rawUrl);
  } catch {
    return { ok: false, status: 400 };
  }
  if (u.protocol !== `${APP_SCHEME}:` || u.host !== APP_HOST) return { ok: false, status: 403 };
  const rawPath = u.pathname;
  // Encoded separators or NUL never appear in our bundle's URLs; refuse instead of guessing.
  if (/%2f|%5c|%00/i.test(rawPath)) return { ok: false, status: 403 };
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return { ok: false, status: 400 };
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return { ok: false, status: 403 };
  const segments = decoded.split('/').filter((s) => s.length > 0);
  if (segments.some((s) => s === '..' || s === '.')) return { ok: false, status: 403 };
  const rel = segments.length === 0 ? 'index.html' : segments.join('/');
  const absRoot = path.resolve(root);
  const file = path.resolve(absRoot, rel);
  const inside = path.relative(absRoot, file);
  if (inside === '' || inside.startsWith('..') || path.isAbsolute(inside)) return { ok: false, status: 403 };
  return { ok: true, file };
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.mp3': 'audio/mpeg',
  '.wav': 'audio/wav',
  '.wasm': 'application/wasm',
};

export const mimeFor = (file: string): string => MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream';

export interface AppProtocolOptions {
  root: string;
  readFile?: (file: string) => Promise<Uint8Array>;
}

/** The handler for `protocol.handle('app', …)`: every response carries the security headers. */
export function createAppRequestHandler(opts: AppProtocolOptions): (request: Request) => Promise<Response> {
  const read = opts.readFile ?? ((f: string) => fs.readFile(f));
  return async (request) => {
    const headers = securityHeaders();
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return new Response(null, { status: 405, headers });
    }
    const r = resolveAppPath(request.url, opts.root);
    if (!r.ok) return new Response(null, { status: r.status, headers });
    try {
      const body = await read(r.file);
      return new Response(request.method === 'HEAD' ? null : Buffer.from(body), {
        status: 200,
        headers: { ...headers, 'Content-Type': mimeFor(r.file), 'Cache-Control': 'no-cache' },
      });
    } catch {
      return new Response(null, { status: 404, headers });
    }
  };
}
