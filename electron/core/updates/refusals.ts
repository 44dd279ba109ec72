// Why a kiosk refused a release: one closed list for the audit log and the metric
// infomat_update_refused_total{reason}, and one function that writes both, so the log and
// the count can never disagree.
import type { Logger } from '../ports';
import type { MetricsSink } from '../telemetry/sink';

export const UPDATE_REFUSAL_REASONS = [
  /** The metadata carries no signature line. */
  'unsigned',
  /** A signature by a pinned key that does not match the bytes, or a damaged signature block. */
  'bad-signature',
  /** Signed, but by no key this build pins. */
  'unknown-key',
  /** Validly signed, yet no version or installer hash can be read from it. */
  'malformed',
  /** At install time: the metadata is gone from the feed. */
  'pulled',
  /** At install time: the feed now offers a lower version than the one downloaded. */
  'version-lowered',
  /** At install time: the same version with other installers than the ones downloaded. */
  'changed',
] as const;

export type UpdateRefusalReason = (typeof UPDATE_REFUSAL_REASONS)[number];

export interface UpdateRefusal {
  /** download: before electron-updater acts on the metadata; install: the check before the restart. */
  stage: 'download' | 'install';
  reason: UpdateRefusalReason;
  detail: string;
  /** The metadata file, e.g. latest-linux.yml. */
  file: string;
  /** The version concerned, when known. */
  version?: string;
}

/** The audit log keeps the record; the same line in the main log is where a technician reads on. */
export function reportRefusal(log: Logger, metrics: Pick<MetricsSink, 'updateRefused'>, r: UpdateRefusal): void {
  const data = { stage: r.stage, reason: r.reason, file: r.file, version: r.version, detail: r.detail };
  log.audit('update.refused', data);
  log.warn('update.refused', data);
  metrics.updateRefused(r.reason);
}
