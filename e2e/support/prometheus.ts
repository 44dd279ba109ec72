// Debian's real Prometheus for the e2e: one scrape job against the kiosk's metrics port, the
// shipped alert rules, 1 s scrape and evaluation, a private temp data folder removed on stop,
// listening on 127.0.0.1 only.
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export const PROMETHEUS_BIN = '/usr/bin/prometheus';
export const hasPrometheus = existsSync(PROMETHEUS_BIN);

export interface RunningPrometheus {
  url: string;
  /** Runs an instant query; the numeric value of each result series. */
  query(expr: string): Promise<Array<{ metric: Record<string, string>; value: number }>>;
  alerts(): Promise<Array<{ labels: Record<string, string>; state: string }>>;
  /** What Prometheus logged, for a failing test's report. */
  log(): string;
  stop(): Promise<void>;
}

export interface PrometheusOptions {
  /** host:port of the kiosk's metrics server. */
  target: string;
  bearerToken?: string;
  ruleFiles: string[];
}

/** A free loopback port (Prometheus cannot report the one it picked for :0). */
async function freePort(): Promise<number> {
  const srv = net.createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const { port } = srv.address() as net.AddressInfo;
  await new Promise<void>((r) => srv.close(() => r()));
  return port;
}

export async function startPrometheus(opts: PrometheusOptions): Promise<RunningPrometheus> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'infomat-prometheus-'));
  const logFile = path.join(dir, 'prometheus.log');
  const config = [
    'global:',
    '  scrape_interval: 1s',
    '  scrape_timeout: 1s',
    '  evaluation_interval: 1s',
    'rule_files:',
    ...opts.ruleFiles.map((f) => `  - ${JSON.stringify(f)}`),
    'scrape_configs:',
    '  - job_name: infomat',
    ...(opts.bearerToken ? ['    authorization:', `      credentials: ${JSON.stringify(opts.bearerToken)}`] : []),
    '    static_configs:',
    `      - targets: [${JSON.stringify(opts.target)}]`,
    '        labels: { kiosk: "E2E" }',
  ].join('\n');
  writeFileSync(path.join(dir, 'prometheus.yml'), config + '\n');
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const out = openSync(logFile, 'a');
  let child: ChildProcess;
  try {
    child = spawn(
      PROMETHEUS_BIN,
      [
        `--config.file=${path.join(dir, 'prometheus.yml')}`,
        `--storage.tsdb.path=${path.join(dir, 'data')}`,
        `--web.listen-address=127.0.0.1:${port}`,
        '--storage.tsdb.retention.time=1h',
        '--log.level=warn',
      ],
      { stdio: ['ignore', out, out] },
    );
  } finally {
    closeSync(out);
  }
  let exited = false;
  const gone = new Promise<void>((resolve) => child.once('exit', () => ((exited = true), resolve())));
  const readLog = () => (existsSync(logFile) ? readFileSync(logFile, 'utf8') : '');
  const stop = async () => {
    if (!exited) {
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await gone;
      clearTimeout(killer);
    }
    rmSync(dir, { recursive: true, force: true });
  };

  const api = async <T>(p: string): Promise<T> => {
    const res = await fetch(url + p);
    const body = (await res.json()) as { status: string; data: T; error?: string };
    if (body.status !== 'success') throw new Error(`Prometheus ${p}: ${body.error ?? res.status}`);
    return body.data;
  };

  try {
    for (let i = 0; ; i++) {
      if (exited) throw new Error(`prometheus exited at start:\n${readLog()}`);
      const ok = await fetch(`${url}/-/ready`).then((r) => r.ok, () => false);
      if (ok) break;
      if (i > 150) throw new Error(`prometheus not ready after 30 s:\n${readLog()}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  } catch (err) {
    await stop();
    throw err;
  }

  return {
    url,
    async query(expr) {
      const data = await api<{ result: Array<{ metric: Record<string, string>; value: [number, string] }> }>(`/api/v1/query?query=${encodeURIComponent(expr)}`);
      return data.result.map((r) => ({ metric: r.metric, value: Number(r.value[1]) }));
    },
    async alerts() {
      return (await api<{ alerts: Array<{ labels: Record<string, string>; state: string }> }>('/api/v1/alerts')).alerts;
    },
    log: readLog,
    stop,
  };
}
