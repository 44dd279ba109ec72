// The lobby's traffic for a soak, planned up front from the seed: who comes, through the
// screens or through the bridge alone, and what they do. The plan is the same for the same
// seed and options; what happens to it under faults (a timeout's timing, a late answer) is not.
//
// The seed patients (e2e/support/fixtures.ts, simulator/seed-data.ts): P1 books (by a referral
// with or without a clinic step, or a doctor without a referral), opens «Мои записи»; P2 and P3
// are refused at identification (card closed, no card), P4–P7 at booking (self-booking ban,
// age, already booked to the speciality, no card at that clinic).
import type { Rng } from './prng';

export type Via = 'screens' | 'bridge';
export type PatientKey = 'P1' | 'P2' | 'P3' | 'P4' | 'P5' | 'P6' | 'P7';

export const SCREEN_KINDS = ['book', 'book-clinic', 'self', 'appointments', 'error', 'walk-away', 'double-tap'] as const;
export type ScreenKind = (typeof SCREEN_KINDS)[number];
export const BRIDGE_KINDS = ['book', 'book-clinic', 'self', 'appointments', 'error', 'double-book'] as const;
export type BridgeKind = (typeof BRIDGE_KINDS)[number];
export type SessionKind = ScreenKind | BridgeKind;

/** Where a patient walks away from the screen, leaving the idle timeout to end the session. */
export const WALK_AWAY_AT = ['identify', 'referrals', 'resources', 'days', 'times', 'confirm', 'ticket'] as const;
export type WalkAwayAt = (typeof WALK_AWAY_AT)[number];
/** What a hurried patient taps twice. */
export const DOUBLE_TAP_ON = ['start', 'referral', 'time', 'confirm', 'reprint', 'done'] as const;
export type DoubleTapOn = (typeof DOUBLE_TAP_ON)[number];
/** What a patient does in «Мои записи». */
export const APPOINTMENT_ACTIONS = ['view', 'print', 'cancel', 'print-all'] as const;
export type AppointmentAction = (typeof APPOINTMENT_ACTIONS)[number];

export interface PlannedSession {
  index: number;
  /** Virtual day (0-based) the session falls on. */
  day: number;
  via: Via;
  kind: SessionKind;
  patient: PatientKey;
  walkAwayAt?: WalkAwayAt;
  doubleTapOn?: DoubleTapOn;
  action?: AppointmentAction;
  /** Tap «Печать ещё раз» once on the ticket screen. */
  reprint: boolean;
  /** Faults of this session; filled by the fault plan (faults.ts). */
  faults: import('./faults').PlannedFault[];
}

export interface TrafficOptions {
  sessions: number;
  /** Share of sessions through the screens (the rest through the bridge alone), ≥ 0.25. */
  screensShare: number;
  /** Sessions per virtual day. */
  perDay: number;
  screenWeights?: Partial<Record<ScreenKind, number>>;
  bridgeWeights?: Partial<Record<BridgeKind, number>>;
}

/**
 * Screen sessions: mostly bookings, «Мои записи», every error patient, walk-aways (few: each
 * waits out the idle countdown) and double taps.
 */
export const DEFAULT_SCREEN_WEIGHTS: Record<ScreenKind, number> = {
  book: 30,
  'book-clinic': 10,
  self: 10,
  appointments: 14,
  error: 18,
  'walk-away': 6,
  'double-tap': 12,
};

export const DEFAULT_BRIDGE_WEIGHTS: Record<BridgeKind, number> = {
  book: 34,
  'book-clinic': 10,
  self: 12,
  appointments: 18,
  error: 18,
  'double-book': 8,
};

const ERROR_PATIENTS: readonly PatientKey[] = ['P2', 'P3', 'P4', 'P5', 'P6', 'P7'];

export function planTraffic(opts: TrafficOptions, rng: Rng): PlannedSession[] {
  if (!(opts.screensShare >= 0.25 && opts.screensShare <= 1)) throw new Error('the screens share must be between 0.25 and 1');
  if (!(opts.sessions >= 1)) throw new Error('at least one session');
  const sw = { ...DEFAULT_SCREEN_WEIGHTS, ...opts.screenWeights };
  const bw = { ...DEFAULT_BRIDGE_WEIGHTS, ...opts.bridgeWeights };
  // Exactly round(share × N) screen sessions, spread evenly (Bresenham), so a short run has its share too.
  const screens = Math.round(opts.sessions * opts.screensShare);
  const out: PlannedSession[] = [];
  for (let i = 0; i < opts.sessions; i++) {
    const via: Via = Math.floor(((i + 1) * screens) / opts.sessions) > Math.floor((i * screens) / opts.sessions) ? 'screens' : 'bridge';
    const kind: SessionKind = via === 'screens' ? rng.weighted(sw) : rng.weighted(bw);
    const s: PlannedSession = {
      index: i,
      day: Math.floor(i / opts.perDay),
      via,
      kind,
      patient: kind === 'error' ? rng.pick(ERROR_PATIENTS) : 'P1',
      reprint: false,
      faults: [],
    };
    if (kind === 'walk-away') s.walkAwayAt = rng.pick(WALK_AWAY_AT);
    if (kind === 'double-tap') s.doubleTapOn = rng.pick(DOUBLE_TAP_ON);
    if (kind === 'appointments') s.action = rng.pick(APPOINTMENT_ACTIONS);
    if (kind === 'book' || kind === 'book-clinic' || kind === 'self') s.reprint = rng.chance(0.15);
    out.push(s);
  }
  return out;
}

/** Whether the session books (and so wants the patient's referrals free at the MIS). */
export function books(s: Pick<PlannedSession, 'kind' | 'walkAwayAt'>): boolean {
  return s.kind === 'book' || s.kind === 'book-clinic' || s.kind === 'self' || s.kind === 'double-tap' || s.kind === 'double-book' || s.kind === 'walk-away';
}
