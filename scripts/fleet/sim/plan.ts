// What the fleet simulation does to its kiosks: their clinics, how busy each is through a
// clinic's day, and the faults it puts on a few, each with the alert a region should get.
export interface Rng {
  (): number;
}

/** A small seeded generator (mulberry32), so a run can be repeated with --seed. */
export function seeded(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Patients per hour at an average kiosk, from 08:00 to 20:00 clinic time (a lobby's morning peak). */
export const SESSIONS_PER_HOUR = [12, 15, 12, 9, 6, 6, 7, 8, 8, 6, 4, 2];
export const DAY_STARTS_AT_HOUR = 8;

export function sessionsPerHourAt(simHoursSinceOpening: number): number {
  const i = Math.floor(simHoursSinceOpening);
  return SESSIONS_PER_HOUR[Math.min(Math.max(i, 0), SESSIONS_PER_HOUR.length - 1)]!;
}

export interface KioskPlan {
  id: string;
  clinic: string;
  busyness: number;
  medianMisMs: number;
}

/** Clinics of 2 to 6 kiosks; each clinic's MIS link has its own latency; each kiosk its own traffic. */
export function planKiosks(n: number, rng: Rng): KioskPlan[] {
  const out: KioskPlan[] = [];
  let c = 0;
  while (out.length < n) {
    c += 1;
    const clinic = `C${String(c).padStart(3, '0')}`;
    const size = 2 + Math.floor(rng() * 5);
    const medianMisMs = Math.round(60 + rng() * rng() * 600);
    for (let i = 1; i <= size && out.length < n; i++) {
      const normal = (rng() + rng() + rng() + rng() - 2) * 1.2;
      out.push({ id: `K-${clinic.slice(1)}-${String(i).padStart(2, '0')}`, clinic, busyness: Math.min(Math.max(Math.exp(normal * 0.5), 0.2), 3), medianMisMs });
    }
  }
  return out;
}

export type FaultKind =
  | 'paper-end'
  | 'paper-near-end'
  | 'printer-offline'
  | 'mis-down'
  | 'lost-bookings'
  | 'cutter-jam'
  | 'pin-guessing'
  | 'update-refused'
  | 'config-refused'
  | 'program-down'
  | 'machine-silent';

/** Each fault, the alert it should raise, and the rule's own wait (its `for`), for the report. */
export const FAULTS: Array<{ kind: FaultKind; alert: string; forSeconds: number; what: string }> = [
  { kind: 'paper-end', alert: 'InfomatPaperEnd', forSeconds: 0, what: 'printer reports no paper' },
  { kind: 'paper-near-end', alert: 'InfomatPaperNearEnd', forSeconds: 300, what: 'near-end sensor' },
  { kind: 'printer-offline', alert: 'InfomatPrinterNotReady', forSeconds: 300, what: 'printer offline' },
  { kind: 'mis-down', alert: 'InfomatMisUnreachable', forSeconds: 300, what: "a clinic's MIS unreachable (every kiosk of it)" },
  { kind: 'lost-bookings', alert: 'InfomatBookingErrors', forSeconds: 0, what: '3 booking answers lost in a row' },
  { kind: 'cutter-jam', alert: 'InfomatPrintFailures', forSeconds: 0, what: '2 slips failed (cutter jam)' },
  { kind: 'pin-guessing', alert: 'InfomatServiceLockout', forSeconds: 0, what: '5 wrong service PINs' },
  { kind: 'update-refused', alert: 'InfomatUpdateRefused', forSeconds: 0, what: 'update metadata with a bad signature' },
  { kind: 'config-refused', alert: 'InfomatConfigRefused', forSeconds: 0, what: 'a configuration with a bad signature' },
  { kind: 'program-down', alert: 'InfomatKioskDown', forSeconds: 180, what: 'kiosk program stopped, agent alive' },
  { kind: 'machine-silent', alert: 'InfomatKioskSilent', forSeconds: 60, what: 'nothing pushed (machine off / no network)' },
];
