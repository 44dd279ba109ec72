// Debian's real Prometheus as a child process, in either role of the push path: the agent on
// the kiosk machine (--enable-feature=agent) and the region's server with the remote-write
// receiver behind TLS and per-kiosk basic auth (--web.config.file). For the e2e and the fleet
// simulation; each process has a private temp folder, removed on stop, and listens on
// 127.0.0.1 only.
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import https from 'node:https';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export const PROMETHEUS_BIN = '/usr/bin/prometheus';
export const hasPrometheus = existsSync(PROMETHEUS_BIN);

/** A free loopback port (Prometheus cannot report the one it picked for :0). */
export async function freePort(): Promise<number> {
  const srv = net.createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const { port } = srv.address() as net.AddressInfo;
  await new Promise<void>((r) => srv.close(() => r()));
  return port;
}

export interface WebAccess {
  /** The CA that signed the server's certificate (PEM); plain http when absent. */
  ca?: string;
  user?: string;
  password?: string;
}

export interface PromProcess {
  url: string;
  pid: number;
  /** The process's private folder (its config, data and log). */
  dir: string;
  /** GET a path of its web API; the body as text. */
  get(p: string): Promise<{ status: number; body: string }>;
  /** Instant query (server only): each result series with its value. */
  query(expr: string): Promise<Array<{ metric: Record<string, string>; value: number }>>;
  alerts(): Promise<Array<{ labels: Record<string, string>; state: string; activeAt?: string }>>;
  /** Its own /metrics, as name{labels} → value. */
  selfMetrics(): Promise<Map<string, number>>;
  /** Resident memory of the process (from /proc), bytes. */
  rssBytes(): number;
  log(): string;
  stop(): Promise<void>;
}

export interface PromOptions {
  role: 'agent' | 'server';
  /** prometheus.yml text. */
  config: string;
  /** --web.config.file text (TLS, basic_auth_users). */
  webConfig?: string;
  /** How the test reaches its web API (must match webConfig). */
  access?: WebAccess;
  args?: string[];
  /** Files to put next to the config (name → content). */
  files?: Record<string, string>;
  prefix?: string;
}

export async function startPrometheusProcess(opts: PromOptions): Promise<PromProcess> {
  const dir = mkdtempSync(path.join(os.tmpdir(), opts.prefix ?? `infomat-prom-${opts.role}-`));
  for (const [name, content] of Object.entries(opts.files ?? {})) writeFileSync(path.join(dir, name), content, { mode: 0o600 });
  const configFile = path.join(dir, 'prometheus.yml');
  writeFileSync(configFile, opts.config);
  const logFile = path.join(dir, 'prometheus.log');
  const port = await freePort();
  const access = opts.access ?? {};
  const url = `${access.ca ? 'https' : 'http'}://127.0.0.1:${port}`;
  const args = [
    `--config.file=${configFile}`,
    `--web.listen-address=127.0.0.1:${port}`,
    '--log.level=warn',
    ...(opts.role === 'agent'
      ? ['--enable-feature=agent', `--storage.agent.path=${path.join(dir, 'data-agent')}`]
      : [`--storage.tsdb.path=${path.join(dir, 'data')}`, '--storage.tsdb.retention.time=1d']),
    ...(opts.args ?? []),
  ];
  if (opts.webConfig) {
    writeFileSync(path.join(dir, 'web.yml'), opts.webConfig, { mode: 0o600 });
    args.push(`--web.config.file=${path.join(dir, 'web.yml')}`);
  }
  const out = openSync(logFile, 'a');
  let child: ChildProcess;
  try {
    child = spawn(PROMETHEUS_BIN, args, { stdio: ['ignore', out, out] });
  } finally {
    closeSync(out);
  }
  let exited = false;
  const gone = new Promise<void>((resolve) => child.once('exit', () => ((exited = true), resolve())));
  const readLog = () => (existsSync(logFile) ? readFileSync(logFile, 'utf8') : '');
  const stop = async () => {
    if (!exited) {
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await gone;
      clearTimeout(killer);
    }
    rmSync(dir, { recursive: true, force: true });
  };

  const agent = access.ca ? new https.Agent({ ca: access.ca, keepAlive: true }) : null;
  const get = (p: string): Promise<{ status: number; body: string }> => {
    if (!agent) return fetch(url + p).then(async (r) => ({ status: r.status, body: await r.text() }));
    return new Promise((resolve, reject) => {
      const req = https.request(
        url + p,
        { agent, auth: access.user ? `${access.user}:${access.password ?? ''}` : undefined, timeout: 30_000 },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
          res.on('error', reject);
        },
      );
      req.on('timeout', () => req.destroy(new Error(`timeout: ${p}`)));
      req.on('error', reject);
      req.end();
    });
  };
  const api = async <T>(p: string): Promise<T> => {
    const res = await get(p);
    const body = JSON.parse(res.body) as { status: string; data: T; error?: string };
    if (body.status !== 'success') throw new Error(`Prometheus ${p}: ${body.error ?? res.status}`);
    return body.data;
  };

  try {
    for (let i = 0; ; i++) {
      if (exited) throw new Error(`prometheus (${opts.role}) exited at start:\n${readLog()}`);
      const ok = await get('/-/ready').then((r) => r.status === 200, () => false);
      if (ok) break;
      if (i > 300) throw new Error(`prometheus (${opts.role}) not ready after 60 s:\n${readLog()}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  } catch (err) {
    await stop();
    throw err;
  }

  return {
    url,
    pid: child.pid!,
    dir,
    get,
    async query(expr) {
      const data = await api<{ result: Array<{ metric: Record<string, string>; value: [number, string] }> }>(`/api/v1/query?query=${encodeURIComponent(expr)}`);
      return data.result.map((r) => ({ metric: r.metric, value: Number(r.value[1]) }));
    },
    async alerts() {
      return (await api<{ alerts: Array<{ labels: Record<string, string>; state: string; activeAt?: string }> }>('/api/v1/alerts')).alerts;
    },
    async selfMetrics() {
      const out = new Map<string, number>();
      for (const line of (await get('/metrics')).body.split('\n')) {
        if (!line || line.startsWith('#')) continue;
        const at = line.lastIndexOf(' ');
        out.set(line.slice(0, at), Number(line.slice(at + 1)));
      }
      return out;
    },
    rssBytes() {
      try {
        const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
        return m ? Number(m[1]) * 1024 : 0;
      } catch {
        return 0;
      }
    },
    log: readLog,
    stop,
  };
}
