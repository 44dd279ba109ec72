// A clinic's opening hours from the MIS's `worktimes` ({ monday: "8:00 - 20:00", … }): the
// hours of one weekday for the visit, and a week summary for the clinic list. The MIS gives
// the days by English name in any order; we keep them Monday first, as a Russian reader expects.
// The day names are the catalogue's (`hours.weekday`, `hours.onDay`).
import type { Translate } from './i18n/catalog';
import { typograph } from './typograph';

export const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;

/** Seven entries, Monday first: the day's hours set in Russian typography, or null when closed or unknown. */
export type WeekHours = (string | null)[];

export function weekHours(worktimes: Record<string, string | null | undefined> | null | undefined): WeekHours | null {
  if (!worktimes) return null;
  const lower = Object.fromEntries(Object.entries(worktimes).map(([k, v]) => [k.toLowerCase(), v]));
  const week = WEEKDAYS.map((d) => {
    const v = lower[d];
    return typeof v === 'string' && v.trim() ? typograph(v.trim()) : null;
  });
  return week.some(Boolean) ? week : null;
}

/** Monday = 0 for a calendar date YYYY-MM-DD (its weekday does not depend on any time zone). */
export function weekdayIndex(ymd: string): number {
  const [y, m, d] = ymd.split('-').map(Number) as [number, number, number];
  return (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7;
}

/** «Часы работы в пятницу: 08:00–20:00» for the day of the visit; null when the MIS did not say. */
export function hoursOnDayText(week: WeekHours | null | undefined, ymd: string, t: Translate): string | null {
  if (!week) return null;
  const i = weekdayIndex(ymd);
  const h = week[i];
  return h ? `${t('hours.onDay', { day: i })} ${h}` : null;
}

/** «Пн–Пт 08:00–20:00, Сб 09:00–15:00»: days with the same hours grouped, closed days left out. */
export function weekSummary(week: WeekHours | null | undefined, t: Translate): string | null {
  const day = (i: number) => t('hours.weekday', { day: i });
  if (!week) return null;
  const parts: string[] = [];
  let i = 0;
  while (i < 7) {
    const h = week[i];
    let j = i;
    while (j + 1 < 7 && week[j + 1] === h) j += 1;
    if (h) parts.push(`${j > i ? `${day(i)}\u2013${day(j)}` : day(i)}\u00a0${h}`);
    i = j + 1;
  }
  return parts.length ? parts.join(', ') : null;
}
