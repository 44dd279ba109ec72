// The one place where dates and times from the MIS are read. The documents promise ISO strings
// with the clinic's offset (`2018-12-27T17:00:00+03:00`), but real MIS builds also send them
// without an offset, in the Russian `dd.MM.yyyy HH:mm` form, or a DateTime where a bare date is
// meant. Everything is turned into ONE form before it reaches a view model and the bridge:
// ISO with the clinic's explicit offset, whole seconds (`2026-11-27T09:15:00+03:00`).
//
// - ISO with an offset (or Z): the same instant, re-emitted in the clinic's zone.
// - ISO without an offset, `dd.MM.yyyy HH:mm[:ss]`: the clinic's wall clock in its IANA zone
//   (never the kiosk OS's zone); the zone's offset AT THAT wall time is found with Intl, so
//   daylight-saving zones are right on both sides of a change (a time that does not exist is
//   moved forward by the gap, an ambiguous one takes the earlier instant, like Temporal's
//   'compatible').
// - A bare date where a DateTime is expected only where the caller allows it (midnight).
// - .NET's «no date» values (0001-01-01, 9999-12-31) are «none», not an error.
// - Anything else is «bad»: the caller decides what that costs (drop a cell, null a date, or an
//   ApiError('protocol') for a ticket). Nothing here throws except misDateTime, on purpose.
import { isCalendarDay, isOffsetDateTime } from '../../common/calendar';
import { ApiError } from './api-error';

export type MisDateTime = { kind: 'ok'; iso: string } | { kind: 'none' } | { kind: 'bad'; detail: string };
export type MisDate = { kind: 'ok'; ymd: string } | { kind: 'none' } | { kind: 'bad'; detail: string };

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d{1,9})?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;
const RU = /^(\d{1,2})\.(\d{1,2})\.(\d{4})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const NONE_DATES = new Set(['0001-01-01', '9999-12-31']);

interface Wall {
  y: number;
  mo: number;
  d: number;
  h: number;
  mi: number;
  s: number;
  hasTime: boolean;
  /** Minutes east of UTC when the string carried an offset. */
  offset: number | null;
}

function split(raw: string): Wall | 'none' | null {
  const iso = ISO.exec(raw);
  if (iso) {
    const [, y, mo, d, h, mi, s, off] = iso;
    if (NONE_DATES.has(`${y}-${mo}-${d}`)) return 'none';
    return {
      y: Number(y), mo: Number(mo), d: Number(d),
      h: Number(h ?? 0), mi: Number(mi ?? 0), s: Number(s ?? 0),
      hasTime: h !== undefined,
      offset: off === undefined ? null : parseOffset(off),
    };
  }
  const ru = RU.exec(raw);
  if (ru) {
    const [, d, mo, y, h, mi, s] = ru;
    const ymd = `${y}-${mo!.padStart(2, '0')}-${d!.padStart(2, '0')}`;
    if (NONE_DATES.has(ymd)) return 'none';
    return {
      y: Number(y), mo: Number(mo), d: Number(d),
      h: Number(h ?? 0), mi: Number(mi ?? 0), s: Number(s ?? 0),
      hasTime: h !== undefined,
      offset: null,
    };
  }
  return null;
}

function parseOffset(off: string): number {
  if (off.toUpperCase() === 'Z') return 0;
  const sign = off[0] === '-' ? -1 : 1;
  const digits = off.slice(1).replace(':', '');
  const h = Number(digits.slice(0, 2));
  const m = Number(digits.slice(2) || '0');
  if (h > 14 || m > 59) return Number.NaN;
  return sign * (h * 60 + m);
}

const formats = new Map<string, Intl.DateTimeFormat>();
function zoneFormat(timeZone: string): Intl.DateTimeFormat {
  let f = formats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone, hourCycle: 'h23',
      year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
    });
    formats.set(timeZone, f);
  }
  return f;
}

/** The zone's offset from UTC at an instant, in whole minutes. */
export function zoneOffsetMinutes(ms: number, timeZone: string): number {
  const p: Record<string, number> = {};
  for (const part of zoneFormat(timeZone).formatToParts(new Date(ms))) p[part.type] = Number(part.value);
  const asUtc = Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!);
  return Math.round((asUtc - Math.floor(ms / 1000) * 1000) / 60000);
}

/** The instant at which the clinic's wall clock shows this time (DST-correct, see the top). */
export function wallTimeToInstant(wallUtcMs: number, timeZone: string): number {
  const DAY = 86_400_000;
  const before = zoneOffsetMinutes(wallUtcMs - DAY, timeZone);
  const after = zoneOffsetMinutes(wallUtcMs + DAY, timeZone);
  const fits = (off: number) => {
    const t = wallUtcMs - off * 60000;
    return zoneOffsetMinutes(t, timeZone) === off ? t : null;
  };
  const candidates = [fits(before), fits(after)].filter((t): t is number => t !== null);
  if (candidates.length > 0) return Math.min(...candidates);
  // In a spring-forward gap: read with the offset before the change, which lands after it.
  return wallUtcMs - before * 60000;
}

/** `2026-11-27T09:15:00+03:00`: the instant as the clinic's wall clock with its offset. */
export function formatInZone(ms: number, timeZone: string): string {
  const off = zoneOffsetMinutes(ms, timeZone);
  const local = new Date(Math.floor(ms / 1000) * 1000 + off * 60000).toISOString().slice(0, 19);
  const sign = off < 0 ? '-' : '+';
  const abs = Math.abs(off);
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

const short = (v: unknown) => JSON.stringify(typeof v === 'string' && v.length > 40 ? `${v.slice(0, 40)}…` : v);

/**
 * Reads any DateTime form the MIS sends and returns it normalised in the clinic's zone.
 * `dateOnly: true` lets a bare date stand for the clinic's midnight (validity dates).
 */
export function parseMisDateTime(raw: unknown, timeZone: string, opts: { dateOnly?: boolean } = {}): MisDateTime {
  if (raw === null || raw === undefined || raw === '') return { kind: 'none' };
  if (typeof raw !== 'string') return { kind: 'bad', detail: `not a string: ${short(raw)}` };
  const w = split(raw.trim());
  if (w === 'none') return { kind: 'none' };
  if (!w) return { kind: 'bad', detail: `unknown date-time form ${short(raw)}` };
  if (!w.hasTime && !opts.dateOnly) return { kind: 'bad', detail: `a date without a time: ${short(raw)}` };
  if (!isCalendarDay(w.y, w.mo, w.d) || w.h > 23 || w.mi > 59 || w.s > 59 || Number.isNaN(w.offset)) {
    return { kind: 'bad', detail: `impossible date-time ${short(raw)}` };
  }
  let iso: string;
  try {
    const wallUtc = Date.UTC(w.y, w.mo - 1, w.d, w.h, w.mi, w.s);
    const instant = w.offset === null ? wallTimeToInstant(wallUtc, timeZone) : wallUtc - w.offset * 60000;
    iso = formatInZone(instant, timeZone);
  } catch (err) {
    return { kind: 'bad', detail: `cannot place ${short(raw)} in ${timeZone}: ${String(err)}` };
  }
  return isOffsetDateTime(iso) ? { kind: 'ok', iso } : { kind: 'bad', detail: `out of range ${short(raw)}` };
}

/**
 * A calendar date (a schedule day): `YYYY-MM-DD`, `dd.MM.yyyy`, or a DateTime, which stands for
 * the clinic's calendar date of that moment (an offset-less one is already clinic wall time).
 */
export function parseMisDate(raw: unknown, timeZone: string): MisDate {
  const p = parseMisDateTime(raw, timeZone, { dateOnly: true });
  return p.kind === 'ok' ? { kind: 'ok', ymd: p.iso.slice(0, 10) } : p;
}

/** A DateTime the answer cannot do without (a ticket's beginTime): anything unreadable is a protocol error. */
export function misDateTime(raw: unknown, timeZone: string, field: string): string {
  const p = parseMisDateTime(raw, timeZone);
  if (p.kind === 'ok') return p.iso;
  throw new ApiError('protocol', null, null, null, `${field}: ${p.kind === 'none' ? 'no date-time' : p.detail}`);
}
