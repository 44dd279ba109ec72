// app://kiosk/ serves the built renderer (dist/renderer) instead of file://, so the page has a
// real origin, a CSP header and no access to the rest of the disk. Which path names which file,
// the headers and the MIME types are the browser host's too (../core/serving); this file keeps
// only what is Electron's: the scheme, its privileges and the Request → Response plumbing. No
// `electron` runtime import: main.ts registers the scheme and passes the handler to
// protocol.handle.
import { promises as fs } from 'node:fs';
import { PLAIN_TEXT, mimeFor, resolveRendererPath, responseHeaders, type RendererPath } from '../core/serving';
import { APP_HOST, APP_SCHEME } from './policy';

/** Must be passed to `protocol.registerSchemesAsPrivileged` before `app.ready`. */
export const appSchemePrivileges = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true, allowServiceWorkers: false, corsEnabled: false, stream: false, bypassCSP: false },
} as const;

/** Maps an app:// URL to a file under `root`, or refuses it (other schemes and hosts: 403). */
export function resolveAppPath(rawUrl: string, root: string): RendererPath {
  let u: URL;
  try {
    u = new URL(rawUrl);
  } catch {
    return { ok: false, status: 400 };
  }
  if (u.protocol !== `${APP_SCHEME}:` || u.host !== APP_HOST) return { ok: false, status: 403 };
  return resolveRendererPath(u.pathname || '/', root);
}

export interface AppProtocolOptions {
  root: string;
  readFile?: (file: string) => Promise<Uint8Array>;
}

const REFUSALS = { 400: 'bad request', 403: 'refused path', 404: 'not found', 405: 'method not allowed' } as const;

/** The handler for `protocol.handle('app', …)`: every answer carries the shared headers. */
export function createAppRequestHandler(opts: AppProtocolOptions): (request: Request) => Promise<Response> {
  const read = opts.readFile ?? ((f: string) => fs.readFile(f));
  return async (request) => {
    const head = request.method === 'HEAD';
    const refuse = (status: keyof typeof REFUSALS): Response =>
      new Response(head ? null : REFUSALS[status], { status, headers: responseHeaders(PLAIN_TEXT) });
    if (request.method !== 'GET' && !head) return refuse(405);
    const r = resolveAppPath(request.url, opts.root);
    if (!r.ok) return refuse(r.status);
    let body: Uint8Array;
    try {
      body = await read(r.file);
    } catch {
      return refuse(404);
    }
    return new Response(head ? null : Buffer.from(body), { status: 200, headers: responseHeaders(mimeFor(r.file), r.rel) });
  };
}
