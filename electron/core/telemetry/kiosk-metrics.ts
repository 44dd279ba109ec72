// The kiosk's Prometheus series, in a registry of its own (never prom-client's global one, so
// two kiosk cores in one process, as in the tests, never share or clash). Every label value
// comes from a closed list below; anything else is folded into "other", so no patient data and
// no unbounded set of series can reach the fleet's Prometheus.
import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { PrinterReadiness } from '../ports';
import { UPDATE_REFUSAL_REASONS } from '../updates/refusals';
import { CONFIG_REFUSAL_REASONS } from '../fleet-config/refusals';
import { ENDPOINT_LABELS, endpointLabel } from './endpoints';
import type { MetricsSink, MisRequestInfo, SessionEndReason } from './sink';

/** `late`: the MIS booked after the session had ended (the visit stands; the patient finds it in «Мои записи»). */
export const BOOKING_OUTCOMES = ['created', 'reconciled', 'unknown', 'refused', 'late'] as const;
export const PRINT_OUTCOMES = ['printed', 'uncertain', 'failed'] as const;
/** What a confirmed booking was for (core/booking/reconcile.ts BookingKind). */
export const BOOKING_KINDS = ['referral', 'self', 'reschedule'] as const;
export const WAITING_LIST_REASONS = ['noSlots', 'noConvenientTime'] as const;
export const WAITING_LIST_FOR = ['speciality', 'referral'] as const;
export const SESSION_END_REASONS: readonly SessionEndReason[] = ['patient', 'idle', 'new-patient', 'shutdown'];
export const BRIDGE_ERROR_KINDS = ['auth', 'validation', 'server', 'network', 'protocol', 'input', 'session', 'printer', 'internal', 'other'] as const;
export const PAPER_STATES = ['ok', 'near_end', 'end'] as const;
export const CONFIG_SOURCES = ['local', 'central'] as const;
/** f12.c7.k3 (the server's layers by revision) or local.<8 hex> (core/fleet-config/effective.ts). */
const CONFIG_VERSION = /^(f\d{1,10}(\.c\d{1,10})?(\.k\d{1,10})?|local\.[0-9a-f]{8})$/;
export const PRINTER_STATES = ['ready', 'near-end', 'paper-end', 'cover-open', 'offline', 'error', 'unknown', 'disabled'] as const;

export interface KioskMetrics extends MetricsSink {
  readonly registry: Registry;
  /** The text exposition format, for GET /metrics. */
  render(): Promise<string>;
}

export function createKioskMetrics(opts: { version: string; kioskId: string; patientIdleSeconds?: () => number }): KioskMetrics {
  const registry = new Registry();
  const registers = [registry];

  new Gauge({ name: 'infomat_info', help: 'Always 1; the labels say which kiosk and version this is', labelNames: ['version', 'kiosk_id'], registers })
    .set({ version: opts.version, kiosk_id: opts.kioskId }, 1);
  const printerReady = new Gauge({ name: 'infomat_printer_ready', help: '1 when the slip printer can print now (ready or paper near end)', registers });
  const printerPaper = new Gauge({
    name: 'infomat_printer_paper',
    help: 'Paper as the printer last reported it: 1 on the current state (ok, near_end, end); all 0 when unknown',
    labelNames: ['state'],
    registers,
  });
  const printerState = new Gauge({ name: 'infomat_printer_state', help: 'The printer readiness last probed: 1 on the current state', labelNames: ['state'], registers });
  const misUp = new Gauge({ name: 'infomat_mis_up', help: '1 when the last MIS probe got an answer', registers });
  const idleSeconds = opts.patientIdleSeconds;
  new Gauge({
    name: 'infomat_patient_idle_seconds',
    help: 'Seconds since a patient last touched the kiosk (a tap, a key, a scan, their own request; never polling)',
    registers,
    collect() {
      if (idleSeconds) this.set(Math.round(idleSeconds()));
    },
  });
  const misDuration = new Histogram({
    name: 'infomat_mis_request_duration_seconds',
    help: 'Time of one MIS request attempt (connect to whole body), by endpoint',
    labelNames: ['endpoint'],
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30],
    registers,
  });
  const bookings = new Counter({ name: 'infomat_bookings_total', help: 'Booking attempts by outcome', labelNames: ['outcome'], registers });
  const bookingKinds = new Counter({
    name: 'infomat_bookings_by_kind_total',
    help: 'Bookings the MIS confirmed (created or found by reconciliation), by what they were for: referral, self (no referral), reschedule',
    labelNames: ['kind'],
    registers,
  });
  const waitingList = new Counter({
    name: 'infomat_waiting_list_requests_total',
    help: 'Waiting-list requests the MIS took, by reason (noSlots, noConvenientTime) and what for (speciality, referral)',
    labelNames: ['reason', 'for'],
    registers,
  });
  const prints = new Counter({ name: 'infomat_prints_total', help: 'Slip prints by outcome', labelNames: ['outcome'], registers });
  const sessions = new Counter({ name: 'infomat_sessions_total', help: 'Patient sessions ended, by reason', labelNames: ['end_reason'], registers });
  const bridgeErrors = new Counter({ name: 'infomat_bridge_errors_total', help: 'Errors answered to the screen, by kind', labelNames: ['kind'], registers });
  // No labels: whether it was the way in or «Выйти в систему» is in the audit log, not the fleet's business.
  const serviceLockouts = new Counter({
    name: 'infomat_service_lockouts_total',
    help: 'Service-mode keypad locks after 5 wrong PINs in a row (a lock resumed after a restart is not counted again)',
    registers,
  });
  const updatesRefused = new Counter({
    name: 'infomat_update_refused_total',
    help: 'Releases refused before download or before install (unsigned, bad or unknown signature, pulled from the feed …), by reason',
    labelNames: ['reason'],
    registers,
  });
  const configInfo = new Gauge({
    name: 'infomat_config_info',
    help: 'Always 1; the labels say which configuration runs: version (f12.c7.k3 from the server by layer revision, local.<hash> for the local file alone) and source (central, local)',
    labelNames: ['version', 'source'],
    registers,
  });
  const configRefused = new Counter({
    name: 'infomat_config_refused_total',
    help: 'Configurations from the server the kiosk would not run (unsigned, bad or unknown signature, malformed, invalid, revision-lowered) or rolled back (unhealthy), by reason',
    labelNames: ['reason'],
    registers,
  });

  // Every known series exists from the start at 0, so rate() and ratios work from the first
  // scrape and a dashboard shows 0 rather than "no data".
  for (const o of BOOKING_OUTCOMES) bookings.inc({ outcome: o }, 0);
  for (const o of PRINT_OUTCOMES) prints.inc({ outcome: o }, 0);
  for (const k of BOOKING_KINDS) bookingKinds.inc({ kind: k }, 0);
  for (const r of WAITING_LIST_REASONS) for (const f of WAITING_LIST_FOR) waitingList.inc({ reason: r, for: f }, 0);
  for (const r of SESSION_END_REASONS) sessions.inc({ end_reason: r }, 0);
  for (const k of BRIDGE_ERROR_KINDS) bridgeErrors.inc({ kind: k }, 0);
  for (const r of UPDATE_REFUSAL_REASONS) updatesRefused.inc({ reason: r }, 0);
  for (const r of CONFIG_REFUSAL_REASONS) configRefused.inc({ reason: r }, 0);
  for (const e of ENDPOINT_LABELS) misDuration.zero({ endpoint: e });
  for (const s of PAPER_STATES) printerPaper.set({ state: s }, 0);
  for (const s of PRINTER_STATES) printerState.set({ state: s }, 0);
  printerReady.set(0);
  misUp.set(0);

  const oneOf = <T extends string>(list: readonly T[], v: string, fallback: T): T => (list.includes(v as T) ? (v as T) : fallback);

  return {
    registry,
    render: () => registry.metrics(),
    bridgeError(kind) {
      bridgeErrors.inc({ kind: oneOf(BRIDGE_ERROR_KINDS, kind, 'other') });
    },
    sessionEnded(reason) {
      if (SESSION_END_REASONS.includes(reason)) sessions.inc({ end_reason: reason });
    },
    misRequest(info: MisRequestInfo) {
      if (Number.isFinite(info.seconds) && info.seconds >= 0) misDuration.observe({ endpoint: endpointLabel(info.method, info.path) }, info.seconds);
    },
    audit(event, data) {
      const [what, outcome = ''] = event.split('.', 2);
      const field = (k: string) => (typeof data?.[k] === 'string' ? (data[k] as string) : '');
      if (what === 'booking' && (BOOKING_OUTCOMES as readonly string[]).includes(outcome)) {
        bookings.inc({ outcome });
        const kind = field('kind');
        if ((outcome === 'created' || outcome === 'reconciled') && (BOOKING_KINDS as readonly string[]).includes(kind)) bookingKinds.inc({ kind });
      } else if (event === 'waitlist.joined') {
        const reason = field('reason');
        const forWhat = field('for');
        if ((WAITING_LIST_REASONS as readonly string[]).includes(reason) && (WAITING_LIST_FOR as readonly string[]).includes(forWhat)) waitingList.inc({ reason, for: forWhat });
      }
      else if (what === 'print' && (PRINT_OUTCOMES as readonly string[]).includes(outcome)) prints.inc({ outcome });
      else if (event === 'service.locked') serviceLockouts.inc();
    },
    printerReadiness(state: PrinterReadiness | 'disabled') {
      const s = oneOf(PRINTER_STATES, state, 'unknown');
      for (const x of PRINTER_STATES) printerState.set({ state: x }, x === s ? 1 : 0);
      printerReady.set(s === 'ready' || s === 'near-end' ? 1 : 0);
      const paper = paperOf(s);
      for (const p of PAPER_STATES) printerPaper.set({ state: p }, p === paper ? 1 : 0);
    },
    misUp(up) {
      misUp.set(up ? 1 : 0);
    },
    updateRefused(reason) {
      if ((UPDATE_REFUSAL_REASONS as readonly string[]).includes(reason)) updatesRefused.inc({ reason });
    },
    configInfo(version, source) {
      configInfo.reset();
      configInfo.set({ version: CONFIG_VERSION.test(version) ? version : 'other', source: oneOf(CONFIG_SOURCES, source, 'local') }, 1);
    },
    configRefused(reason) {
      if ((CONFIG_REFUSAL_REASONS as readonly string[]).includes(reason)) configRefused.inc({ reason });
    },
  };
}

/** Paper is known only when the printer answered about it; offline or a cover open says nothing. */
function paperOf(s: (typeof PRINTER_STATES)[number]): (typeof PAPER_STATES)[number] | null {
  if (s === 'ready') return 'ok';
  if (s === 'near-end') return 'near_end';
  if (s === 'paper-end') return 'end';
  return null;
}
