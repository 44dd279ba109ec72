// Times are shown as the clinic's wall clock whatever the kiosk's OS time zone is. The API
// sends ISO strings with the clinic's offset (+03:00); we format them with Intl in the
// clinic's IANA zone (configured, DEFAULT_CLINIC_TIME_ZONE when not) so DST-free and DST zones
// both work.
// The core normalises every MIS time before it crosses the bridge (electron/core/api/mis-time.ts);
// still, nothing here throws: a string that is not a date (or an unknown zone) is shown as «—»
// and the rest of the screen or slip renders. Day and month names come from Intl in the
// language asked for (a BCP 47 tag, i18n/locales.ts `localeTag`); numbers are the same in all.
import { isYmd } from './calendar';

/** The config's timeZone when the file does not say; also what a screen assumes before it knows. */
export const DEFAULT_CLINIC_TIME_ZONE = 'Europe/Moscow';

/** What is shown instead of a date or time that cannot be read. */
export const NO_TIME = '—';
/** The kiosk's own language when a caller names none (numeric formats do not depend on it). */
const DEFAULT_TAG = 'ru-RU';

const cache = new Map<string, Intl.DateTimeFormat>();
function fmt(timeZone: string, options: Intl.DateTimeFormatOptions, tag = DEFAULT_TAG): Intl.DateTimeFormat {
  const key = tag + timeZone + JSON.stringify(options);
  let f = cache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(tag, { timeZone, ...options });
    cache.set(key, f);
  }
  return f;
}

/**
 * Only strings that carry their own offset (or Z) are instants; anything the JS engine would
 * read in the OS zone (no offset, `27.11.2026 09:15`) is refused rather than shown wrong.
 */
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/i;

function parts(iso: unknown, timeZone: string): Record<string, string> | null {
  if (typeof iso !== 'string' || !INSTANT.test(iso) || !isYmd(iso.slice(0, 10))) return null;
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return null;
  try {
    const out: Record<string, string> = {};
    for (const p of fmt(timeZone, {
      year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
    }).formatToParts(d)) out[p.type] = p.value;
    return out;
  } catch {
    return null; // an unknown zone
  }
}

/** «09:15», or «—». */
export function clinicTime(iso: string, timeZone: string): string {
  const p = parts(iso, timeZone);
  return p ? `${p.hour}:${p.minute}` : NO_TIME;
}

/** «2026-11-27» — the clinic's calendar date of an instant, or «—». */
export function clinicYmd(iso: string, timeZone: string): string {
  const p = parts(iso, timeZone);
  return p ? `${p.year}-${p.month}-${p.day}` : NO_TIME;
}

function calendarDay(ymd: unknown, options: Intl.DateTimeFormatOptions, tag: string): string {
  return isYmd(ymd) ? fmt('UTC', options, tag).format(new Date(`${ymd}T12:00:00Z`)) : NO_TIME;
}

/** A calendar date (YYYY-MM-DD) has no zone: format it as written. «пятница, 27 ноября» / «Friday 27 November», or «—». */
export function dayLong(ymd: string, tag: string): string {
  return calendarDay(ymd, { weekday: 'long', day: 'numeric', month: 'long' }, tag);
}

/** The weekday alone: «пятница» / «Friday», or «—». */
export function weekdayLong(ymd: string, tag: string): string {
  return calendarDay(ymd, { weekday: 'long' }, tag);
}

/** «пт, 27 нояб.» / «Fri 27 Nov», or «—». */
export function dayShort(ymd: string, tag: string): string {
  return calendarDay(ymd, { weekday: 'short', day: 'numeric', month: 'short' }, tag);
}

/** A birth date as people write it: «15 января 1980 г.» / «15 January 1980», or «—». */
export function dateLong(ymd: string, tag: string): string {
  return calendarDay(ymd, { day: 'numeric', month: 'long', year: 'numeric' }, tag);
}

/** «27.11.2026», or «—». */
export function dayNumeric(ymd: string): string {
  if (!isYmd(ymd)) return NO_TIME;
  const [y, m, d] = ymd.split('-');
  return `${d}.${m}.${y}`;
}

/** «пятница, 27 ноября, 09:15» in the clinic's zone, or «—». */
export function clinicDateTimeLong(iso: string, timeZone: string, tag: string): string {
  const p = parts(iso, timeZone);
  return p ? `${dayLong(`${p.year}-${p.month}-${p.day}`, tag)}, ${p.hour}:${p.minute}` : NO_TIME;
}

/** «27.11.2026 09:15» in the clinic's zone, or «—». */
export function clinicDateTimeNumeric(iso: string, timeZone: string): string {
  const p = parts(iso, timeZone);
  return p ? `${p.day}.${p.month}.${p.year} ${p.hour}:${p.minute}` : NO_TIME;
}
