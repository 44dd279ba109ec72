// Birth date entered as three separate numbers. `today` is the clinic's calendar date
// (YYYY-MM-DD), passed in so that the check does not depend on the kiosk's OS time zone.
// Each part is checked on its own first, so the message names the one box to fix, and only
// one message is ever shown.
import { dateLong } from '../../../electron/common/clinic-time';
import { msg, type Msg } from '../../../electron/common/i18n/catalog';

export const MAX_AGE_YEARS = 120;

export type BirthDateParts = { day: string; month: string; year: string };

export type BirthDateCheck =
  | { ok: true; ymd: string }
  | { ok: false; field: 'day' | 'month' | 'year'; message: Msg };

/** The months, 1 to 12 (their names are the catalogue's, `birth.monthName`). */
export const MONTH_NUMBERS: readonly number[] = Array.from({ length: 12 }, (_, i) => i + 1);

export function daysInMonth(year: number, month: number): number {
  // Date.UTC maps years 0–99 to 1900–1999; setUTCFullYear keeps the year as given.
  const d = new Date(Date.UTC(2000, 0, 1));
  d.setUTCFullYear(year, month, 0);
  return d.getUTCDate();
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** The YYYY-MM-DD the three boxes spell, or null when it is not a real calendar date. */
export function calendarDate({ day, month, year }: BirthDateParts): string | null {
  if (!day || !month || year.length !== 4) return null;
  const d = Number(day);
  const m = Number(month);
  const y = Number(year);
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return null;
  return `${year}-${pad2(m)}-${pad2(d)}`;
}

/** «15 января 1980 г.» / «15 January 1980» for the line under the boxes; null when the boxes spell no date. */
export function birthDateText(parts: BirthDateParts, tag: string): string | null {
  const ymd = calendarDate(parts);
  // A short line that must not break: «15 января 1980 г.» stays whole.
  return ymd ? dateLong(ymd, tag).replace(/[\s\u202f]/g, '\u00a0') : null;
}

export function checkBirthDate(parts: BirthDateParts, today: string): BirthDateCheck {
  const { day, month, year } = parts;
  if (!day) return { ok: false, field: 'day', message: msg('birth.dayEmpty') };
  const d = Number(day);
  if (d < 1 || d > 31) return { ok: false, field: 'day', message: msg('birth.dayRange') };
  if (!month) return { ok: false, field: 'month', message: msg('birth.monthEmpty') };
  const m = Number(month);
  if (m < 1 || m > 12) return { ok: false, field: 'month', message: msg('birth.monthRange') };
  if (!year) return { ok: false, field: 'year', message: msg('birth.yearEmpty') };
  if (year.length !== 4) return { ok: false, field: 'year', message: msg('birth.yearDigits') };
  const y = Number(year);
  if (d > daysInMonth(y, m)) {
    return { ok: false, field: 'day', message: msg('birth.noSuchDay', { month: m, year: y, days: daysInMonth(y, m) }) };
  }
  const ymd = `${year}-${pad2(m)}-${pad2(d)}`;
  if (ymd > today) return { ok: false, field: 'year', message: msg('birth.future') };
  if (ageOn(ymd, today) > MAX_AGE_YEARS) return { ok: false, field: 'year', message: msg('birth.tooOld', { years: MAX_AGE_YEARS }) };
  return { ok: true, ymd };
}

/**
 * The one message to show while the patient types, before «Продолжить»: only once every box
 * is complete, so a half-typed year is not scolded.
 */
export function liveBirthDateProblem(parts: BirthDateParts, today: string): BirthDateCheck | null {
  if (!parts.day || !parts.month || parts.year.length !== 4) return null;
  const r = checkBirthDate(parts, today);
  return r.ok ? null : r;
}

/** Full years between two calendar dates. */
export function ageOn(birthYmd: string, todayYmd: string): number {
  const [by, bm, bd] = birthYmd.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = todayYmd.split('-').map(Number) as [number, number, number];
  let age = ty - by;
  if (tm < bm || (tm === bm && td < bd)) age -= 1;
  return age;
}
