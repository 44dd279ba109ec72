// Debian's real Prometheus for the metrics e2e: the region's server role of
// scripts/fleet/prometheus.ts with one scrape job against the kiosk's metrics port, the shipped
// alert rules, and 1 s scrape and evaluation (so an alert's `for` is the only wait).
import { startPrometheusProcess, type PromProcess } from '../../scripts/fleet/prometheus';

export { hasPrometheus } from '../../scripts/fleet/prometheus';

export type RunningPrometheus = Pick<PromProcess, 'url' | 'query' | 'alerts' | 'log' | 'stop'>;

export interface PrometheusOptions {
  /** host:port of the kiosk's metrics server. */
  target: string;
  bearerToken?: string;
  ruleFiles: string[];
}

export function startPrometheus(opts: PrometheusOptions): Promise<RunningPrometheus> {
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
  return startPrometheusProcess({ role: 'server', config: config + '\n', prefix: 'infomat-prometheus-' });
}
