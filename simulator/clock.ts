// The simulator's notion of "now" and the clinic's wall clock. The clinic runs on Moscow time
// (+03:00, no DST since 2014), so a fixed offset is exact and every string we emit is
// independent of the OS time zone the simulator happens to run under.

export const CLINIC_OFFSET_MINUTES = 180;
const OFFSET_MS = CLINIC_OFFSET_MINUTES * 60_000;
const OFFSET_SUFFIX = '+03:00';

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

/**
 * A clock that starts at a chosen instant and then keeps ticking with real time, so that token
 * lifetimes and "past cell" checks behave naturally in a demo while tests still get a known
 * starting point.
 */
export class Clock {
  private offsetMs = 0;
  private readonly startIso: string | undefined;

  constructor(startIso?: string) {
    this.startIso = startIso;
    if (startIso !== undefined) this.set(startIso);
  }

  now(): number {
    return Date.now() + this.offsetMs;
  }

  set(iso: string): void {
    const t = Date.parse(iso);
    if (Number.isNaN(t)) throw new RangeError(`not a date: ${iso}`);
    this.offsetMs = t - Date.now();
  }

  /** Back to the configured start (or to real time when none was configured). */
  restart(): void {
    if (this.startIso !== undefined) this.set(this.startIso);
    else this.offsetMs = 0;
  }
}

function shifted(ms: number): Date {
  return new Date(ms + OFFSET_MS);
}

/** Clinic calendar date of an instant, «2026-11-26». */
export function clinicYmd(ms: number): string {
  const d = shifted(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** Clinic wall-clock time of an instant, «09:15». */
export function clinicHm(ms: number): string {
  const d = shifted(ms);
  return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/** «2026-11-26T09:15:00+03:00» — the only DateTime format the simulator emits. */
export function toClinicIso(ms: number): string {
  const d = shifted(ms);
  return `${clinicYmd(ms)}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}${OFFSET_SUFFIX}`;
}

/** Midnight of a clinic date as a DateTime string. */
export function ymdToClinicIso(ymd: string): string {
  return `${ymd}T00:00:00${OFFSET_SUFFIX}`;
}

/** The instant a clinic wall-clock date + time denotes. */
export function clinicInstant(ymd: string, hm: string): number {
  return Date.parse(`${ymd}T${hm}:00${OFFSET_SUFFIX}`);
}

/** «27.11.2026 09:15» — the form used inside Russian messages. */
export function clinicDdMmYyyyHm(ms: number): string {
  const [y, m, d] = clinicYmd(ms).split('-');
  return `${d}.${m}.${y} ${clinicHm(ms)}`;
}

export function addDays(ymd: string, days: number): string {
  const t = Date.parse(`${ymd}T12:00:00Z`) + days * 86_400_000;
  const d = new Date(t);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** 0 = Sunday … 6 = Saturday; a calendar date has no zone, so read it at UTC noon. */
export function weekday(ymd: string): number {
  return new Date(`${ymd}T12:00:00Z`).getUTCDay();
}

export function isYmd(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const t = Date.parse(`${s}T12:00:00Z`);
  return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === s;
}

export function isHm(s: string): boolean {
  return /^([01]\d|2[0-3]):[0-5]\d$/.test(s);
}

export function addMinutesHm(hm: string, minutes: number): string {
  const [h, m] = hm.split(':').map(Number) as [number, number];
  const total = h * 60 + m + minutes;
  return `${pad(Math.floor(total / 60))}:${pad(total % 60)}`;
}

/** Full years between a birth date and a clinic date. */
export function ageOn(birthYmd: string, onYmd: string): number {
  const [by, bm, bd] = birthYmd.split('-').map(Number) as [number, number, number];
  const [y, m, d] = onYmd.split('-').map(Number) as [number, number, number];
  let age = y - by;
  if (m < bm || (m === bm && d < bd)) age -= 1;
  return age;
}
