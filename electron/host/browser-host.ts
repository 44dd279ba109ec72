// Loopback HTTP host for the kiosk: serves the built renderer and carries the bridge over HTTP
// when no Electron binary is available. It listens on 127.0.0.1 only, and every URL lives
// under a per-launch secret path, so another local program or a web page in another tab
// cannot call the bridge without being handed the launch URL. Host and Origin headers are
// checked too (DNS rebinding), and bridge calls need a custom header (no simple CORS request).
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { BridgeDispatcher } from '../core/bridge/dispatcher';
import { silentLogger, type Logger } from '../core/ports';
import { bridgeScript } from './bridge-script';
import { CSP } from '../common/csp';

export interface BrowserHostOptions {
  dispatcher: BridgeDispatcher;
  rendererDir: string;
  port?: number;
  log?: Logger;
  /** For tests; normally random per launch. */
  secret?: string;
}

export interface RunningBrowserHost {
  /** The launch URL, secret included. */
  url: string;
  origin: string;
  port: number;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.json': 'application/json',
  '.ico': 'image/x-icon',
};

const MAX_BODY = 64 * 1024;

export async function startBrowserHost(opts: BrowserHostOptions): Promise<RunningBrowserHost> {
  const log = opts.log ?? silentLogger;
  const secret = opts.secret ?? randomBytes(24).toString('base64url');
  const prefix = `/s/${secret}/`;
  const root = path.resolve(opts.rendererDir);
  const indexHtml = await fs.readFile(path.join(root, 'index.html'), 'utf8');
  const bridgeJs = bridgeScript(`${prefix}__kiosk/call/`);
  // The bridge script must run before the bundle: it goes first in <head>.
  const injected = indexHtml.replace(/<head>/i, `<head>\n    <script src="./__kiosk/bridge.js"></script>`);
  let origin = '';

  const server = http.createServer((req, res) => {
    void handle(req, res).catch((err) => {
      log.error('host.request_failed', { error: String(err) });
      if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', 'internal error');
      else res.end();
    });
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://placeholder');
    if (req.headers.host !== new URL(origin).host) return send(res, 421, 'text/plain', 'wrong host');
    if (req.headers.origin && req.headers.origin !== origin) return send(res, 403, 'text/plain', 'wrong origin');
    if (!url.pathname.startsWith(prefix)) return send(res, 404, 'text/plain', 'not found');
    const rest = url.pathname.slice(prefix.length);

    if (rest.startsWith('__kiosk/call/')) {
      if (req.method !== 'POST') return send(res, 405, 'text/plain', 'method not allowed');
      if (req.headers['x-kiosk-bridge'] !== '1' || !String(req.headers['content-type'] ?? '').startsWith('application/json')) {
        return send(res, 403, 'text/plain', 'not a bridge call');
      }
      const method = decodeURIComponent(rest.slice('__kiosk/call/'.length));
      let input: unknown;
      try {
        input = JSON.parse((await readBody(req)) || '{}');
      } catch {
        input = Symbol('bad json'); // the dispatcher refuses it as bad input
      }
      const envelope = await opts.dispatcher(method, typeof input === 'symbol' ? null : input);
      return send(res, 200, 'application/json; charset=utf-8', JSON.stringify(envelope));
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain', 'method not allowed');
    if (rest === '__kiosk/bridge.js') return send(res, 200, TYPES['.js']!, bridgeJs);
    if (rest === '' || rest === 'index.html') return send(res, 200, TYPES['.html']!, injected);

    const file = path.resolve(root, decodeURIComponent(rest));
    if (!file.startsWith(root + path.sep)) return send(res, 404, 'text/plain', 'not found');
    let data: Buffer;
    try {
      data = await fs.readFile(file);
    } catch {
      return send(res, 404, 'text/plain', 'not found');
    }
    send(res, 200, TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream', data);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  origin = `http://127.0.0.1:${port}`;
  log.info('host.listening', { port });
  return {
    url: `${origin}${prefix}`,
    origin,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}

function send(res: http.ServerResponse, status: number, type: string, body: string | Buffer): void {
  res.writeHead(status, {
    'Content-Type': type,
    'Content-Security-Policy': CSP,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'X-Frame-Options': 'DENY',
  });
  res.end(body);
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        reject(new Error('body too large'));
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
