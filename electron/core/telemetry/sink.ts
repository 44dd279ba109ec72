// What the rest of the core may tell the metrics about. The core modules see only this small
// interface (and the no-op default), so they never depend on prom-client and their tests need
// no registry. Every argument is from a fixed vocabulary: nothing a patient typed, no GUIDs.
import type { PrinterReadiness } from '../ports';
import type { UpdateRefusalReason } from '../updates/refusals';
import type { ConfigRefusalReason } from '../fleet-config/refusals';

export type SessionEndReason = 'patient' | 'idle' | 'new-patient' | 'shutdown';

/** One attempt of one MIS call, as the MIS client measured it (the path is already GUID-free
 * only after endpointLabel; the raw path never becomes a label). */
export interface MisRequestInfo {
  method: string;
  path: string;
  /** HTTP status, or null when no answer came. */
  status: number | null;
  seconds: number;
}

export interface MetricsSink {
  bridgeError(kind: string): void;
  sessionEnded(reason: SessionEndReason): void;
  misRequest(info: MisRequestInfo): void;
  /**
   * An audit event of the kiosk service or service mode (booking.created, print.failed,
   * service.locked …) with its audit data: only fields of a fixed vocabulary are read from it
   * (a booking's `kind`, a waiting-list request's `reason` and `for`), never a GUID or a name.
   */
  audit(event: string, data?: Record<string, unknown>): void;
  printerReadiness(state: PrinterReadiness | 'disabled'): void;
  misUp(up: boolean): void;
  /** A release the kiosk would not download or install (core/updates/refusals.ts). */
  updateRefused(reason: UpdateRefusalReason): void;
  /** The configuration the kiosk runs: its version (f12.c7.k3, local.<hash>) and where it came from. */
  configInfo(version: string, source: 'local' | 'central'): void;
  /** A configuration from the server the kiosk would not run (core/fleet-config/refusals.ts). */
  configRefused(reason: ConfigRefusalReason): void;
}

export const noopMetrics: MetricsSink = {
  bridgeError() {},
  sessionEnded() {},
  misRequest() {},
  audit() {},
  printerReadiness() {},
  misUp() {},
  updateRefused() {},
  configInfo() {},
  configRefused() {},
};
