// A recording proxy between the kiosk core and the simulator: it sees every COD token the MIS
// issues, on the wire, so the tests can prove none of them ever reaches the page.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface TokenSpy {
  url: string;
  tokens: string[];
  close(): Promise<void>;
}

export async function startTokenSpy(upstream: string): Promise<TokenSpy> {
  const target = new URL(upstream);
  const tokens: string[] = [];
  const server = http.createServer((req, res) => {
    const up = http.request(
      { host: target.hostname, port: target.port, path: req.url, method: req.method, headers: req.headers },
      (upRes) => {
        const chunks: Buffer[] = [];
        upRes.on('data', (c: Buffer) => chunks.push(c));
        upRes.on('end', () => {
          const body = Buffer.concat(chunks);
          if ((req.url ?? '').startsWith('/auth/cod/token') && upRes.statusCode === 200) {
            try {
              const t = (JSON.parse(body.toString('utf8')) as { token?: string }).token;
              if (t) tokens.push(t);
            } catch {
              /* not a token answer */
            }
          }
          res.writeHead(upRes.statusCode ?? 502, upRes.headers);
          res.end(body);
        });
      },
    );
    up.on('error', () => {
      res.writeHead(502);
      res.end();
    });
    req.pipe(up);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    tokens,
    close: () => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()); }),
  };
}
