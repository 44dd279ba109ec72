// The scrape endpoint: GET /metrics and nothing else. It listens on 127.0.0.1 unless the
// technician named another address (telemetry.metricsHost), because a kiosk's metrics say
// when it is idle and which version it runs, which is not for everyone on the clinic's LAN.
// With telemetry.bearerToken set, a scrape without that token gets 401.
import { timingSafeEqual, createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '../ports';

export interface MetricsServerOptions {
  host: string;
  port: number;
  bearerToken?: string;
  render: () => Promise<string>;
  contentType: string;
  log: Logger;
}

export interface RunningMetricsServer {
  /** http://host:port (the port actually bound when 0 was asked). */
  url: string;
  port: number;
  close(): Promise<void>;
}

export async function startMetricsServer(opts: MetricsServerOptions): Promise<RunningMetricsServer> {
  const expected = opts.bearerToken ? digest(`Bearer ${opts.bearerToken}`) : null;
  const server = http.createServer((req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    const pathname = (req.url ?? '').split('?')[0];
    if (pathname !== '/metrics') return end(res, 404, 'not found');
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      return end(res, 405, 'method not allowed');
    }
    // Compared as digests in constant time: the token's length and prefix stay unguessable.
    if (expected && !timingSafeEqual(digest(req.headers.authorization ?? ''), expected)) {
      res.setHeader('WWW-Authenticate', 'Bearer realm="infomat"');
      return end(res, 401, 'unauthorized');
    }
    opts.render().then(
      (text) => {
        res.writeHead(200, { 'Content-Type': opts.contentType });
        res.end(req.method === 'HEAD' ? undefined : text);
      },
      (err: unknown) => {
        opts.log.error('telemetry.render_failed', { error: String(err) });
        end(res, 500, 'metrics unavailable');
      },
    );
  });
  // Scrapers keep connections alive; a kiosk shutting down must not wait for them.
  server.keepAliveTimeout = 5000;
  server.requestTimeout = 10000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const shownHost = opts.host.includes(':') ? `[${opts.host}]` : opts.host;
  opts.log.info('telemetry.listening', { host: opts.host, port, token: Boolean(expected) });
  return {
    url: `http://${shownHost}:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function digest(s: string): Buffer {
  return createHash('sha256').update(s).digest();
}

function end(res: http.ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(text + '\n');
}
