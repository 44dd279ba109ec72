// Joins the metrics to the kiosk core: the registry (only when telemetry.metricsPort is set),
// the scrape server and the periodic printer/MIS probe. Metrics are an aid for the technician,
// never a reason for the kiosk not to serve patients: a port that cannot be bound is logged
// and the kiosk runs on without them.
import { contentType } from 'prom-client';
import type { KioskConfig } from '../core/config/schema';
import type { Logger, SlipPrinter } from '../core/ports';
import { createKioskMetrics, type KioskMetrics } from '../core/telemetry/kiosk-metrics';
import { startMetricsServer, type RunningMetricsServer } from '../core/telemetry/metrics-server';
import { startProbe } from '../core/telemetry/probe';
import { noopMetrics, type MetricsSink } from '../core/telemetry/sink';

export interface Telemetry {
  sink: MetricsSink;
  /** Starts the scrape server and the probe once the printer and MIS client exist. */
  start(deps: { printer: Pick<SlipPrinter, 'readiness'> | null; misCheck: () => Promise<unknown> }): Promise<void>;
  /** http://host:port of the scrape server, or null when metrics are off or could not start. */
  url(): string | null;
  /** Probes the printer and the MIS now (the service screen's «Проверить»; tests). */
  probeNow(): Promise<void>;
  close(): Promise<void>;
}

export function createTelemetry(config: KioskConfig, opts: { version: string; log: Logger; patientIdleSeconds?: () => number }): Telemetry {
  const t = config.telemetry;
  if (t.metricsPort === undefined) {
    return { sink: noopMetrics, start: async () => {}, url: () => null, probeNow: async () => {}, close: async () => {} };
  }
  const metrics: KioskMetrics = createKioskMetrics({ version: opts.version, kioskId: config.kioskId, patientIdleSeconds: opts.patientIdleSeconds });
  let server: RunningMetricsServer | null = null;
  let probe: ReturnType<typeof startProbe> | null = null;
  return {
    sink: metrics,
    async start(deps) {
      try {
        server = await startMetricsServer({
          host: t.metricsHost,
          port: t.metricsPort!,
          bearerToken: t.bearerToken,
          render: () => metrics.render(),
          contentType,
          log: opts.log,
        });
      } catch (err) {
        opts.log.error('telemetry.listen_failed', { host: t.metricsHost, port: t.metricsPort, error: String(err) });
        return;
      }
      probe = startProbe({ printer: deps.printer, misCheck: deps.misCheck, metrics, intervalMs: t.probeSeconds * 1000 });
    },
    url: () => server?.url ?? null,
    async probeNow() {
      await probe?.now();
    },
    async close() {
      await probe?.stop();
      await server?.close();
    },
  };
}
