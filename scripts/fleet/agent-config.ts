// The push path's configuration as it ships: the kiosk agent's config is rendered by the Linux
// installer itself (build/lockdown/linux/install-metrics-agent.sh --render), so the e2e and the
// fleet simulation run exactly what a kiosk gets; and the region's server: remote-write
// receiver, the shipped alert rules, TLS and one bcrypt-hashed password per kiosk.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestTls } from './tls';

export const AGENT_TEMPLATE = path.resolve('build/lockdown/metrics-agent/prometheus-agent.yml');
export const AGENT_INSTALLER = path.resolve('build/lockdown/linux/install-metrics-agent.sh');
export const ALERT_RULES = path.resolve('build/monitoring/infomat-alerts.yml');

export interface AgentSettings {
  kioskId: string;
  clinic: string;
  metricsPort: number;
  remoteWriteUrl: string;
  passwordFile: string;
  caFile: string;
}

/** The agent's prometheus-agent.yml for these settings, as install-metrics-agent.sh writes it. */
export function renderAgentConfig(s: AgentSettings): string {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'infomat-agent-render-'));
  try {
    const env = path.join(tmp, 'metrics-agent.env');
    const q = (v: string) => `'${v.replace(/'/g, `'\\''`)}'`;
    writeFileSync(
      env,
      [
        `KIOSK_ID=${q(s.kioskId)}`,
        `CLINIC=${q(s.clinic)}`,
        `METRICS_PORT=${s.metricsPort}`,
        `REMOTE_WRITE_URL=${q(s.remoteWriteUrl)}`,
        `PASSWORD_FILE=${q(s.passwordFile)}`,
        `CA_FILE=${q(s.caFile)}`,
      ].join('\n') + '\n',
    );
    const out = path.join(tmp, 'prometheus-agent.yml');
    const r = spawnSync('sh', [AGENT_INSTALLER, '--render', env, out], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`install-metrics-agent.sh --render: ${r.stderr}`);
    return readFileSync(out, 'utf8');
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** The same config scraping every `interval` (the e2e's 1 s; the shipped 30 s otherwise). */
export function withScrapeInterval(yml: string, interval: string, timeout = interval): string {
  const out = yml.replace(/^ {2}scrape_interval: 30s$/m, `  scrape_interval: ${interval}`).replace(/^ {2}scrape_timeout: 10s$/m, `  scrape_timeout: ${timeout}`);
  if (out === yml) throw new Error('the agent template no longer sets scrape_interval: 30s / scrape_timeout: 10s');
  return out;
}

/** The agent's keep list: the series names it sends (write_relabel_configs, action keep). */
export function keptSeries(yml: string = readFileSync(AGENT_TEMPLATE, 'utf8')): string[] {
  const m = /regex: "([^"]+)"\n\s+action: keep/.exec(yml);
  if (!m) throw new Error('no keep rule in the agent config');
  return m[1]!.split('|');
}

/** The printer states the agent does not send (the drop rule). */
export function droppedPrinterStates(yml: string = readFileSync(AGENT_TEMPLATE, 'utf8')): string[] {
  const m = /regex: "infomat_printer_state;\(([^)]+)\)"\n\s+action: drop/.exec(yml);
  if (!m) throw new Error('no printer-state drop rule in the agent config');
  return m[1]!.split('|');
}

/** The region's server: the shipped alert rules, evaluated every `evaluationInterval`. */
export function centralConfig(opts: { evaluationInterval: string; ruleFiles?: string[] }): string {
  return [
    'global:',
    `  evaluation_interval: ${opts.evaluationInterval}`,
    'rule_files:',
    ...(opts.ruleFiles ?? [ALERT_RULES]).map((f) => `  - ${JSON.stringify(f)}`),
    // It scrapes nothing: every kiosk's samples arrive through /api/v1/write.
    'scrape_configs: []',
  ].join('\n') + '\n';
}

/** TLS and one bcrypt hash per user (each kiosk, and whoever reads: Grafana, the tests). */
export function centralWebConfig(tls: TestTls, users: Record<string, string>): string {
  return [
    'tls_server_config:',
    `  cert_file: ${JSON.stringify(tls.certFile)}`,
    `  key_file: ${JSON.stringify(tls.keyFile)}`,
    'basic_auth_users:',
    ...Object.entries(users).map(([u, h]) => `  ${JSON.stringify(u)}: ${JSON.stringify(h)}`),
  ].join('\n') + '\n';
}
