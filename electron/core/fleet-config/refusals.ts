// Why a kiosk would not run a configuration from the server: one closed list for the audit log
// and the metric infomat_config_refused_total{reason}, and one function that writes both.
import type { Logger } from '../ports';
import type { MetricsSink } from '../telemetry/sink';

export const CONFIG_REFUSAL_REASONS = [
  /** A document carries no signature line. */
  'unsigned',
  /** A signature by a pinned key that does not match the bytes (an edit after signing), or a damaged block. */
  'bad-signature',
  /** Signed, but by no key this build pins for configuration. */
  'unknown-key',
  /** Signed, but not a configuration document: not JSON, no revision, no config object. */
  'malformed',
  /** The combined configuration fails the config schema, or a document sets a local-only setting. */
  'invalid',
  /** A layer's document comes back with a revision not above the one the kiosk runs (a replay of an old one). */
  'revision-lowered',
  /** Applied, but the kiosk did not come up healthy with it (MIS or printer): rolled back. */
  'unhealthy',
] as const;

export type ConfigRefusalReason = (typeof CONFIG_REFUSAL_REASONS)[number];

export interface ConfigRefusal {
  reason: ConfigRefusalReason;
  detail: string;
  /** The combined version refused (f12.c7.k3), when known. */
  version?: string;
  /** The problems a technician reads for an invalid configuration. */
  problems?: string[];
}

/** The audit log keeps the record; the same line in the main log is where a technician reads on. */
export function reportConfigRefusal(log: Logger, metrics: Pick<MetricsSink, 'configRefused'>, r: ConfigRefusal): void {
  const data = { reason: r.reason, version: r.version, detail: r.detail, ...(r.problems ? { problems: r.problems } : {}) };
  log.audit('config.refused', data);
  log.warn('config.refused', data);
  metrics.configRefused(r.reason);
}
