// The faults of a soak, planned from the seed at configurable rates: what the MIS, the network,
// the printer, the screen, the kiosk process and the clock do to the lobby's sessions.
// - per session (a draw each): an MIS 5xx, a timeout, a cut connection, a lost booking answer
//   (each on one MIS call of the session), a renderer reload or crash, a host crash, an NTP
//   step of ±5 minutes — at a point of the session's flow;
// - windows over several sessions: paper near its end, paper out (and back), cover open,
//   printer offline, the MIS down for an "hour" (a twelfth of a day's sessions).
// Daylight saving time is not drawn: the virtual calendar crosses a switch of the kiosk's zone.
import type { Rng } from './prng';
import type { PlannedSession } from './traffic';

export const SESSION_FAULTS = ['mis-5xx', 'mis-timeout', 'mis-cut', 'lost-answer', 'renderer-reload', 'renderer-crash', 'host-restart', 'clock-ntp'] as const;
export type SessionFault = (typeof SESSION_FAULTS)[number];
export const WINDOW_FAULTS = ['paper-near-end', 'paper-end', 'cover-open', 'printer-offline', 'mis-down'] as const;
export type WindowFault = (typeof WINDOW_FAULTS)[number];
export type FaultKind = SessionFault | WindowFault;
export const FAULT_KINDS: readonly FaultKind[] = [...SESSION_FAULTS, ...WINDOW_FAULTS];

/** Which MIS call a network fault hits: a read of the session, or the booking itself. */
export type MisTarget = 'read' | 'book';
/** Where in the session's flow a screen, process or clock fault strikes. */
export const FAULT_POINTS = ['identify', 'choosing', 'booking', 'ticket'] as const;
export type FaultPoint = (typeof FAULT_POINTS)[number];

export interface PlannedFault {
  kind: SessionFault;
  /** MIS faults: which call. */
  target?: MisTarget;
  /** mis-5xx on the booking: `before` the MIS saw it (nothing booked), or `after` (booked, answer lost in a 5xx). */
  when?: 'before' | 'after';
  /** Screen, process and clock faults: where in the flow. */
  at?: FaultPoint;
  /** clock-ntp: the step's sign (+5 or −5 minutes). */
  sign?: 1 | -1;
}

export interface FaultWindow {
  kind: WindowFault;
  /** First session index inside the window. */
  from: number;
  /** First session index after it. */
  to: number;
}

/**
 * Per-session probability for SESSION_FAULTS; for printer windows the probability that one
 * starts at a session (when none is open); for `mis-down` the probability per virtual day.
 */
export type FaultRates = Record<FaultKind, number>;

export const DEFAULT_RATES: FaultRates = {
  'mis-5xx': 0.04,
  'mis-timeout': 0.015,
  'mis-cut': 0.03,
  'lost-answer': 0.025,
  'renderer-reload': 0.03,
  'renderer-crash': 0.004,
  'host-restart': 0.0015,
  'clock-ntp': 0.004,
  'paper-near-end': 0.006,
  'paper-end': 0.004,
  'cover-open': 0.002,
  'printer-offline': 0.002,
  'mis-down': 0.35,
};

export const NO_FAULTS: FaultRates = Object.fromEntries(FAULT_KINDS.map((k) => [k, 0])) as FaultRates;

/** Window lengths in sessions: [shortest, longest]. */
const PRINTER_WINDOW: Record<Exclude<WindowFault, 'mis-down'>, [number, number]> = {
  'paper-near-end': [10, 40],
  'paper-end': [3, 10],
  'cover-open': [2, 6],
  'printer-offline': [2, 6],
};

/** `kind=rate,kind=rate` over the defaults; `off` alone is no faults, `off,kind=rate` only those. */
export function parseRates(spec: string | undefined): FaultRates {
  if (!spec) return { ...DEFAULT_RATES };
  const parts = spec.split(',').map((p) => p.trim()).filter(Boolean);
  const rates = parts[0] === 'off' ? { ...NO_FAULTS } : { ...DEFAULT_RATES };
  for (const part of parts[0] === 'off' ? parts.slice(1) : parts) {
    const [k, v] = part.split('=');
    if (!(FAULT_KINDS as readonly string[]).includes(k ?? '')) throw new Error(`unknown fault "${k}" (known: ${FAULT_KINDS.join(', ')})`);
    const x = Number(v);
    if (!(x >= 0 && x <= 1)) throw new Error(`fault rate ${part}: a number from 0 to 1`);
    rates[k as FaultKind] = x;
  }
  return rates;
}

/**
 * Fills each session's `faults` and returns the windows. Faults that cannot happen in a
 * session are not drawn for it: a screen fault for a bridge session, a booking fault for a
 * patient refused at identification.
 */
export function planFaults(sessions: PlannedSession[], rates: FaultRates, perDay: number, rng: Rng): FaultWindow[] {
  const windows: FaultWindow[] = [];
  const n = sessions.length;
  // The MIS down for an hour: a twelfth of a day's sessions, at most once a day.
  const days = Math.ceil(n / perDay);
  for (let d = 0; d < days; d++) {
    if (!rng.chance(rates['mis-down'])) continue;
    const len = Math.max(1, Math.round(perDay / 12));
    const start = d * perDay + rng.int(Math.max(1, perDay - len));
    if (start < n) windows.push({ kind: 'mis-down', from: start, to: Math.min(n, start + len) });
  }
  // Printer windows never overlap one another: one state at a time.
  let printerFreeFrom = 0;
  for (let i = 0; i < n; i++) {
    if (i < printerFreeFrom) continue;
    for (const kind of ['paper-end', 'cover-open', 'printer-offline', 'paper-near-end'] as const) {
      if (!rng.chance(rates[kind])) continue;
      const [lo, hi] = PRINTER_WINDOW[kind];
      const to = Math.min(n, i + rng.between(lo, hi));
      windows.push({ kind, from: i, to });
      printerFreeFrom = to;
      break;
    }
  }
  for (const s of sessions) {
    const reachesBooking = s.kind !== 'appointments' && !(s.kind === 'error' && (s.patient === 'P2' || s.patient === 'P3'));
    for (const kind of SESSION_FAULTS) {
      if (!rng.chance(rates[kind])) continue;
      const screenOnly = kind === 'renderer-reload' || kind === 'renderer-crash';
      if (screenOnly && s.via !== 'screens') continue;
      const f: PlannedFault = { kind };
      if (kind === 'mis-5xx' || kind === 'mis-timeout' || kind === 'mis-cut') {
        f.target = reachesBooking && rng.chance(0.5) ? 'book' : 'read';
        if (kind === 'mis-5xx' && f.target === 'book') f.when = rng.chance(0.5) ? 'before' : 'after';
      } else if (kind === 'lost-answer') {
        if (!reachesBooking) continue;
        f.target = 'book';
      } else {
        f.at = reachesBooking ? rng.pick(kind === 'clock-ntp' ? (['identify', 'choosing'] as const) : FAULT_POINTS) : 'identify';
        if (kind === 'clock-ntp') {
          f.sign = rng.chance(0.5) ? 1 : -1;
          // At the screen, a step back is followed by the patient walking away (the idle
          // countdown must still end the session on time); after a step forward they go on
          // (the countdown must not end it under them).
          if (s.via === 'screens' && f.sign === -1) s.walkAwayAt = f.at === 'identify' ? 'identify' : 'resources';
        }
      }
      s.faults.push(f);
    }
  }
  return windows.sort((a, b) => a.from - b.from);
}

/** The windows open at session `i`. */
export function windowsAt(windows: readonly FaultWindow[], i: number): FaultWindow[] {
  return windows.filter((w) => w.from <= i && i < w.to);
}
