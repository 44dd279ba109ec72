// Loopback HTTP host for the kiosk: serves the built renderer and carries the bridge over HTTP
// when no Electron binary is available. It listens on 127.0.0.1 only.
//
// Who may talk to it: the browser it launched, and nothing else on the machine. The launcher
// asks for a launch URL (`issueLaunchUrl()`) carrying a one-time code; the first request with
// that code gets an HttpOnly, SameSite=Strict cookie (host-only, so bound to 127.0.0.1) and a
// redirect to the clean URL. The code is then spent (it also expires unused after a minute), so
// seeing it on a command line (`ps`) or in a history is useless. Every file and every bridge call
// needs the cookie of the one current renderer: redeeming a new code revokes the previous cookie
// and ends the patient session and service mode (`onNewRenderer`). So does loading the kiosk
// page again with the current cookie (F5, a crashed tab reloaded): the page starts from Welcome
// with nothing in memory, as after Electron's reload (which calls the same core.endSession), so
// nothing the previous page opened may stay open in the core. Host and Origin headers are
// checked too (DNS rebinding) and bridge calls need a custom header and a JSON body (no simple
// CORS request).
// Requests are bounded: body size (413), malformed input (400, the method is never run), a
// stalled body (408) and the server's header and request timeouts.
// Which paths name which files, and every answer's headers, are Electron's app:// rules too
// (../core/serving): only the bridge, the launch code and the cookie are this host's own.
import { DEFAULT_LOCALE, t } from '../common/i18n/locales';
import { monotonicNow } from './renderer-watchdog';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { promises as fs } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { BridgeDispatcher } from '../core/bridge/dispatcher';
import { silentLogger, type Logger } from '../core/ports';
import { bridgeMethodNames } from '../common/channels';
import { PLAIN_TEXT, mimeFor, resolveRendererPath, responseHeaders } from '../core/serving';
import { bridgeScript } from './bridge-script';

export interface BrowserHostOptions {
  dispatcher: BridgeDispatcher;
  rendererDir: string;
  port?: number;
  log?: Logger;
  /**
   * Called when a new renderer starts: a launch code redeemed (after the previous renderer's
   * cookie was revoked), or the kiosk page loaded again by the current one (a reload). The
   * previous screen's patient session and service session must end here.
   */
  onNewRenderer?: () => void;
  /** How long an unused launch code stays valid. Default 60 s. */
  codeTtlMs?: number;
  /** Largest bridge-call body. Default 64 KiB. */
  maxBodyBytes?: number;
  /** How long a request body may take to arrive. Default 10 s. */
  bodyTimeoutMs?: number;
  /** For tests: the clock the code expiry reads. */
  now?: () => number;
}

export interface RunningBrowserHost {
  origin: string;
  port: number;
  /**
   * A fresh launch URL with a one-time code: the first request with it gets the renderer cookie
   * (revoking any earlier renderer); any later one is refused. Never log or print it where
   * others can read it.
   */
  issueLaunchUrl(): string;
  /**
   * When the current renderer was last heard from (the `now` clock): its launch, a page load, a
   * bridge call, or the bridge script's "alive" every few seconds. null before the first launch.
   * A crashed or frozen tab falls silent (renderer-watchdog.ts).
   */
  rendererSeen(): number | null;
  close(): Promise<void>;
}

export const RENDERER_COOKIE = 'infomat_renderer';
export const LAUNCH_PREFIX = '/launch/';
const CALL_PREFIX = '/__kiosk/call/';
const BRIDGE_JS = '/__kiosk/bridge.js';
/** The bridge script's heartbeat: POST, no body, answered 204. */
export const ALIVE_PATH = '/__kiosk/alive';
const METHODS = new Set<string>(bridgeMethodNames);

class BodyError extends Error {
  constructor(readonly status: 408 | 413) {
    super(status === 413 ? 'body too large' : 'body timeout');
  }
}

const digest = (s: string): Buffer => createHash('sha256').update(s).digest();

export async function startBrowserHost(opts: BrowserHostOptions): Promise<RunningBrowserHost> {
  const log = opts.log ?? silentLogger;
  // Monotonic: `rendererSeen` is compared with the watchdog's clock (renderer-watchdog.ts), and a
  // launch code's minute must not stretch or vanish with an NTP step.
  const now = opts.now ?? monotonicNow;
  const codeTtlMs = opts.codeTtlMs ?? 60_000;
  const maxBody = opts.maxBodyBytes ?? 64 * 1024;
  const bodyTimeoutMs = opts.bodyTimeoutMs ?? 10_000;
  const root = path.resolve(opts.rendererDir);
  const indexHtml = await fs.readFile(path.join(root, 'index.html'), 'utf8');
  const bridgeJs = bridgeScript(CALL_PREFIX, ALIVE_PATH);
  // The bridge script must run before the bundle: it goes first in <head>.
  const injected = indexHtml.replace(/<head>/i, `<head>\n    <script defer src="${BRIDGE_JS}"></script>`);
  let origin = '';
  let hostHeader = '';

  /** Unspent launch codes, by their SHA-256 (hex), with their expiry time. */
  const codes = new Map<string, number>();
  /** SHA-256 of the current renderer's cookie; null before the first launch. */
  let current: Buffer | null = null;
  /** Whether the current cookie has loaded the page yet: its first load follows the launch, which already ended everything. */
  let pageLoaded = false;
  /** When the current renderer was last heard from. */
  let seen: number | null = null;

  const newRenderer = (): void => {
    try {
      opts.onNewRenderer?.();
    } catch (err) {
      log.error('host.on_new_renderer_failed', { error: String(err) });
    }
  };

  const dropExpired = (): void => {
    const t = now();
    for (const [k, exp] of codes) if (exp <= t) codes.delete(k);
  };

  const redeem = (code: string): boolean => {
    dropExpired();
    if (!/^[A-Za-z0-9_-]{20,100}$/.test(code)) return false;
    const key = digest(code).toString('hex');
    if (!codes.has(key)) return false;
    codes.delete(key); // one use, whatever happens next
    return true;
  };

  const isCurrent = (cookie: string | null): boolean => {
    if (!cookie || !current) return false;
    return timingSafeEqual(digest(cookie), current);
  };

  const server = http.createServer(
    {
      // A client that trickles headers or a request is cut off by Node itself (408).
      headersTimeout: 10_000,
      requestTimeout: 30_000,
      keepAliveTimeout: 5_000,
      connectionsCheckingInterval: 1_000,
      maxHeaderSize: 16 * 1024,
    },
    (req, res) => {
      void handle(req, res).catch((err) => {
        log.error('host.request_failed', { error: String(err) });
        if (!res.headersSent) fail(req, res, 500, 'internal error');
        else res.destroy();
      });
    },
  );

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const rawUrl = req.url ?? '';
    if (!rawUrl.startsWith('/')) return fail(req, res, 400, 'bad request');
    const q = rawUrl.indexOf('?');
    const rawPath = q < 0 ? rawUrl : rawUrl.slice(0, q);
    if (req.headers.host !== hostHeader) return fail(req, res, 421, 'wrong host');
    if (req.headers.origin !== undefined && req.headers.origin !== origin) return fail(req, res, 403, 'wrong origin');

    if (rawPath.startsWith(LAUNCH_PREFIX)) {
      if (req.method !== 'GET') return fail(req, res, 405, 'method not allowed');
      if (!redeem(rawPath.slice(LAUNCH_PREFIX.length))) {
        log.warn('host.launch_refused', {});
        return fail(req, res, 403, t(DEFAULT_LOCALE)('app.launchExpired'));
      }
      const hadRenderer = current !== null;
      const cookie = randomBytes(32).toString('base64url');
      current = digest(cookie);
      pageLoaded = false;
      seen = now();
      log.info('host.renderer_attached', { replaced: hadRenderer });
      newRenderer();
      return send(res, 303, '', {
        ...responseHeaders(PLAIN_TEXT),
        Location: '/',
        // No Domain: a host-only cookie, sent to 127.0.0.1 only. No Max-Age: gone with the browser.
        'Set-Cookie': `${RENDERER_COOKIE}=${cookie}; Path=/; HttpOnly; SameSite=Strict`,
      });
    }

    const cookie = readCookie(req.headers.cookie, RENDERER_COOKIE);
    if (!cookie) return fail(req, res, 401, 'not a kiosk renderer');
    if (!isCurrent(cookie)) return fail(req, res, 403, t(DEFAULT_LOCALE)('app.screenReplaced'));
    seen = now();

    if (rawPath === ALIVE_PATH) {
      if (req.method !== 'POST') return fail(req, res, 405, 'method not allowed');
      if (req.headers['x-kiosk-bridge'] !== '1') return fail(req, res, 403, 'not a bridge call');
      req.resume();
      return send(res, 204, '', responseHeaders(PLAIN_TEXT));
    }

    if (rawPath.startsWith(CALL_PREFIX)) {
      if (req.method !== 'POST') return fail(req, res, 405, 'method not allowed');
      if (req.headers['x-kiosk-bridge'] !== '1' || !/^application\/json\s*(;|$)/i.test(String(req.headers['content-type'] ?? ''))) {
        return fail(req, res, 403, 'not a bridge call');
      }
      const method = decode(rawPath.slice(CALL_PREFIX.length));
      if (method === null) return fail(req, res, 400, 'bad escape');
      if (!METHODS.has(method)) return fail(req, res, 404, 'no such method');
      const declared = Number(req.headers['content-length'] ?? '0');
      if (declared > maxBody) return fail(req, res, 413, 'body too large');
      let body: string;
      try {
        body = await readBody(req, maxBody, bodyTimeoutMs);
      } catch (err) {
        if (err instanceof BodyError) {
          log.warn('host.body_refused', { status: err.status });
          return fail(req, res, err.status, err.message);
        }
        res.destroy(); // the client went away mid-body
        return;
      }
      let input: unknown;
      try {
        input = JSON.parse(body);
      } catch {
        return fail(req, res, 400, 'bad json');
      }
      // The renderer may have been replaced while its body was arriving.
      if (!isCurrent(cookie)) return fail(req, res, 403, 'renderer replaced');
      const envelope = await opts.dispatcher(method, input);
      return send(res, 200, JSON.stringify(envelope), responseHeaders('application/json; charset=utf-8'));
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return fail(req, res, 405, 'method not allowed');
    // The same path rule as Electron's app://, so both refuse (and serve) the same paths.
    const r = resolveRendererPath(rawPath, root);
    if (!r.ok) return fail(req, res, r.status, r.status === 400 ? 'bad path' : 'refused path');
    // Neither answer is a file as built: the bridge script is made here, and the page gets its tag.
    if (`/${r.rel}` === BRIDGE_JS) return send(res, 200, bridgeJs, responseHeaders(mimeFor(BRIDGE_JS)));
    if (r.rel === 'index.html') {
      // HEAD loads no page; only a GET starts one.
      if (req.method === 'GET') {
        if (pageLoaded) {
          log.info('host.renderer_reloaded', {});
          newRenderer();
        }
        pageLoaded = true;
      }
      return send(res, 200, injected, responseHeaders(mimeFor(r.rel)));
    }
    let data: Buffer;
    try {
      data = await fs.readFile(r.file);
    } catch {
      return fail(req, res, 404, 'not found');
    }
    send(res, 200, data, responseHeaders(mimeFor(r.file), r.rel));
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  origin = `http://127.0.0.1:${port}`;
  hostHeader = `127.0.0.1:${port}`;
  log.info('host.listening', { port });
  return {
    origin,
    port,
    issueLaunchUrl() {
      dropExpired();
      const code = randomBytes(32).toString('base64url');
      codes.set(digest(code).toString('hex'), now() + codeTtlMs);
      return `${origin}${LAUNCH_PREFIX}${code}`;
    },
    rendererSeen: () => seen,
    close: () =>
      new Promise<void>((resolve) => {
        codes.clear();
        current = null;
        seen = null;
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** Every answer goes out with the shared headers (../core/serving), whatever it answers. */
function send(res: http.ServerResponse, status: number, body: string | Buffer, headers: Record<string, string>): void {
  res.writeHead(status, headers);
  res.end(body);
}

/**
 * An error answer. If the request body was not read, the connection is closed after the answer
 * (whatever is still arriving is drained briefly, then the socket goes), so a refused upload can
 * neither desynchronise a kept-alive connection nor hold the host.
 */
function fail(req: http.IncomingMessage, res: http.ServerResponse, status: number, message: string): void {
  const hasBody = req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;
  const unread = hasBody && !req.complete;
  send(res, status, message, { ...responseHeaders(PLAIN_TEXT), ...(unread ? { Connection: 'close' } : {}) });
  if (!unread) return;
  req.resume();
  const socket = req.socket;
  const timer = setTimeout(() => socket.destroy(), 2_000);
  timer.unref();
  socket.once('close', () => clearTimeout(timer));
}

function decode(s: string): string | null {
  try {
    return decodeURIComponent(s);
  } catch {
    return null;
  }
}

export function readCookie(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim() || null;
  }
  return null;
}

function readBody(req: http.IncomingMessage, max: number, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    const done = (err: Error | null): void => {
      clearTimeout(timer);
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
      req.off('aborted', onAborted);
      if (err) reject(err);
      else resolve(Buffer.concat(chunks).toString('utf8'));
    };
    const onData = (c: Buffer): void => {
      size += c.length;
      if (size > max) done(new BodyError(413));
      else chunks.push(c);
    };
    const onEnd = (): void => done(null);
    const onError = (err: Error): void => done(err);
    const onAborted = (): void => done(new Error('aborted'));
    const timer = setTimeout(() => done(new BodyError(408)), timeoutMs);
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
    req.on('aborted', onAborted);
  });
}
