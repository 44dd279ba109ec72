// Calendar facts the bridge contract checks (no zod here, no time zone): GUIDs, real calendar
// dates, wall-clock times and the one date-time form that crosses the bridge. Pure functions,
// shared by the contract and by the core's MIS time normaliser.

/**
 * A GUID in the canonical 8-4-4-4-12 hex form, any case. Every id the simulator and the shared
 * API documents use (lpu, resource, referral, ticket, timetable cell, person, client app) has
 * this form; the version nibble is not checked because the seed ids use 0 (`…-0000-0000-…`).
 * Nothing else can reach a URL path segment: no `.`, `/`, `\`, `%`, NUL, no spaces.
 */
export const GUID_PATTERN = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

/** The range of years any date on the bridge may fall in. */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2100;
/** The earliest birth date the kiosk accepts. */
export const MIN_BIRTH_DATE = '1900-01-01';

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(y: number, m: number): number {
  return [31, isLeapYear(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1] ?? 0;
}

/** A real day of the calendar within MIN_YEAR..MAX_YEAR (2024-02-29 yes, 2026-02-29 and 02-30 no). */
export function isCalendarDay(y: number, m: number, d: number): boolean {
  return (
    Number.isInteger(y) && Number.isInteger(m) && Number.isInteger(d) &&
    y >= MIN_YEAR && y <= MAX_YEAR && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m)
  );
}

const YMD = /^(\d{4})-(\d{2})-(\d{2})$/;
/** «2026-11-27»: exactly YYYY-MM-DD and a real calendar date in range. */
export function isYmd(s: unknown): s is string {
  if (typeof s !== 'string') return false;
  const m = YMD.exec(s);
  return !!m && isCalendarDay(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** «09:15»: exactly HH:MM, 00:00 to 23:59. */
export function isHhmm(s: unknown): s is string {
  return typeof s === 'string' && /^(?:[01]\d|2[0-3]):[0-5]\d$/.test(s);
}

const OFFSET_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d[+-](?:0\d|1[0-4]):[0-5]\d$/;
/**
 * The normalised date-time every bridge output carries: `2026-11-27T09:15:00+03:00`, with an
 * explicit offset (never `Z`, never without one), whole seconds, a real calendar date.
 */
export function isOffsetDateTime(s: unknown): s is string {
  if (typeof s !== 'string') return false;
  const m = OFFSET_DATE_TIME.exec(s);
  return !!m && isCalendarDay(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** Today's UTC calendar date (YYYY-MM-DD) shifted by `days`. */
export function utcYmd(now: Date, days = 0): string {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + days)).toISOString().slice(0, 10);
}

/**
 * Why a birth date cannot be right, or null. «Not in the future» is checked against the UTC
 * date plus one day: the contract is shared with the renderer and does not know the clinic's
 * zone, and every zone on Earth is at most UTC+14, so the clinic's «today» is never later than
 * UTC today + 1. A baby born today is therefore never refused; a date one day ahead in some
 * zone may pass, and the MIS then finds no card for it.
 */
export function birthDateProblem(ymd: string, now: Date = new Date()): 'future' | 'ancient' | null {
  if (ymd < MIN_BIRTH_DATE) return 'ancient';
  if (ymd > utcYmd(now, 1)) return 'future';
  return null;
}
