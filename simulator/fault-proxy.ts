// A proxy in front of the simulator that does to answers what a bad network does: the request
// reaches the MIS (so a booking really happens) and then the answer is lost, late, replaced by
// garbage or cut. Tests and the e2e stack use it to prove the kiosk reconciles instead of
// guessing. Test/demo code only: nothing in production imports simulator/.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type FaultMode =
  /** Forward, wait for the MIS's answer, then never answer the kiosk (hold the socket). */
  | { kind: 'drop-answer' }
  /** Forward, then answer only after `ms`. */
  | { kind: 'delay-answer'; ms: number }
  /** Forward, then cut the connection without an answer. */
  | { kind: 'reset-after-send' }
  /** Forward, then answer this instead of the MIS's answer. */
  | { kind: 'replace'; status: number; body: string; contentType?: string }
  /** Do not forward: answer this at once (a gateway's 503 while the MIS is down; the MIS never saw the request). */
  | { kind: 'refuse'; status: number; body: string; contentType?: string };

export interface FaultRule {
  method?: string;
  /** Matched against the request path (without the query). */
  path: RegExp;
  mode: FaultMode;
  times: number;
}

export interface FaultProxy {
  url: string;
  /** Every COD token the MIS issued through this proxy. */
  tokens: string[];
  /** How many requests matched `method` and `path` so far. */
  count(method: string, path: RegExp): number;
  /** Adds a rule; the rule returned counts down its `times` as requests take it. */
  fault(rule: Omit<FaultRule, 'times'> & { times?: number }): FaultRule;
  clear(): void;
  close(): Promise<void>;
}

export async function startFaultProxy(upstream: string): Promise<FaultProxy> {
  const target = new URL(upstream);
  const tokens: string[] = [];
  const seen: Array<{ method: string; path: string }> = [];
  let rules: FaultRule[] = [];
  const held = new Set<http.ServerResponse>();

  const take = (method: string, path: string): FaultMode | null => {
    const r = rules.find((x) => (!x.method || x.method === method) && x.path.test(path) && x.times > 0);
    if (!r) return null;
    r.times -= 1;
    return r.mode;
  };

  const server = http.createServer((req, res) => {
    const method = req.method ?? 'GET';
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    seen.push({ method, path });
    const mode = take(method, path);
    if (mode?.kind === 'refuse') {
      req.resume();
      res.writeHead(mode.status, { 'Content-Type': mode.contentType ?? 'text/html; charset=utf-8' });
      return void res.end(mode.body);
    }
    const up = http.request(
      { host: target.hostname, port: target.port, path: req.url, method, headers: req.headers },
      (upRes) => {
        const chunks: Buffer[] = [];
        upRes.on('data', (c: Buffer) => chunks.push(c));
        upRes.on('end', () => {
          const body = Buffer.concat(chunks);
          if (path.startsWith('/auth/cod/token') && upRes.statusCode === 200) {
            try {
              const t = (JSON.parse(body.toString('utf8')) as { token?: string }).token;
              if (t) tokens.push(t);
            } catch {
              /* not a token answer */
            }
          }
          const answer = () => {
            if (res.destroyed) return;
            res.writeHead(upRes.statusCode ?? 502, upRes.headers);
            res.end(body);
          };
          switch (mode?.kind) {
            case undefined:
              return answer();
            case 'drop-answer':
              held.add(res);
              res.on('close', () => held.delete(res));
              return;
            case 'delay-answer': {
              const t = setTimeout(answer, mode.ms);
              res.on('close', () => clearTimeout(t));
              return;
            }
            case 'reset-after-send':
              return void req.socket.destroy();
            case 'replace':
              res.writeHead(mode.status, { 'Content-Type': mode.contentType ?? 'application/json; charset=utf-8' });
              return void res.end(mode.body);
          }
        });
      },
    );
    up.on('error', () => {
      if (!res.headersSent) res.writeHead(502);
      res.end();
    });
    req.pipe(up);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    tokens,
    count: (method, path) => seen.filter((s) => s.method === method && path.test(s.path)).length,
    fault: (rule) => {
      const r: FaultRule = { ...rule, times: rule.times ?? 1 };
      rules.push(r);
      return r;
    },
    clear: () => void (rules = []),
    close: () =>
      new Promise<void>((r) => {
        for (const res of held) res.destroy();
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
