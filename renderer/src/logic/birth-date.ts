// Birth date entered as three separate numbers. `today` is the clinic's calendar date
// (YYYY-MM-DD), passed in so that the check does not depend on the kiosk's OS time zone.
// Each part is checked on its own first, so the message names the one box to fix, and only
// one message is ever shown.
import { plural } from './words';

export const MAX_AGE_YEARS = 120;

export type BirthDateParts = { day: string; month: string; year: string };

export type BirthDateCheck =
  | { ok: true; ymd: string }
  | { ok: false; field: 'day' | 'month' | 'year'; message: string };

/** Month names: the picker's labels (nominative) and the «в ноябре» of a message (prepositional). */
export const MONTHS: readonly { name: string; inMonth: string; ofMonth: string }[] = [
  { name: 'Январь', inMonth: 'январе', ofMonth: 'января' },
  { name: 'Февраль', inMonth: 'феврале', ofMonth: 'февраля' },
  { name: 'Март', inMonth: 'марте', ofMonth: 'марта' },
  { name: 'Апрель', inMonth: 'апреле', ofMonth: 'апреля' },
  { name: 'Май', inMonth: 'мае', ofMonth: 'мая' },
  { name: 'Июнь', inMonth: 'июне', ofMonth: 'июня' },
  { name: 'Июль', inMonth: 'июле', ofMonth: 'июля' },
  { name: 'Август', inMonth: 'августе', ofMonth: 'августа' },
  { name: 'Сентябрь', inMonth: 'сентябре', ofMonth: 'сентября' },
  { name: 'Октябрь', inMonth: 'октябре', ofMonth: 'октября' },
  { name: 'Ноябрь', inMonth: 'ноябре', ofMonth: 'ноября' },
  { name: 'Декабрь', inMonth: 'декабре', ofMonth: 'декабря' },
];

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

/** «15 января 1980 г.» for the line under the boxes; null when the boxes spell no date. */
export function birthDateText(parts: BirthDateParts): string | null {
  const ymd = calendarDate(parts);
  if (!ymd) return null;
  const [y, m, d] = ymd.split('-').map(Number) as [number, number, number];
  return `${d}\u00a0${MONTHS[m - 1]!.ofMonth} ${y}\u00a0г.`;
}

/** «В ноябре 30 дней», «В феврале 2023 года 28 дней»: why the day does not exist. */
export function monthLengthText(month: number, year: number): string {
  const n = daysInMonth(year, month);
  const where = month === 2 ? `В феврале ${year}\u00a0года` : `В ${MONTHS[month - 1]!.inMonth}`;
  return `${where} ${n}\u00a0${plural(n, 'день', 'дня', 'дней')}.`;
}

export function checkBirthDate(parts: BirthDateParts, today: string): BirthDateCheck {
  const { day, month, year } = parts;
  if (!day) return { ok: false, field: 'day', message: 'Введите день рождения.' };
  const d = Number(day);
  if (d < 1 || d > 31) return { ok: false, field: 'day', message: 'День — число от 1 до 31. Проверьте день.' };
  if (!month) return { ok: false, field: 'month', message: 'Выберите месяц рождения.' };
  const m = Number(month);
  if (m < 1 || m > 12) return { ok: false, field: 'month', message: 'Месяц — число от 1 до 12. Выберите месяц.' };
  if (!year) return { ok: false, field: 'year', message: 'Введите год рождения — четыре цифры.' };
  if (year.length !== 4) {
    return { ok: false, field: 'year', message: 'Год рождения — четыре цифры, например 1956.' };
  }
  const y = Number(year);
  if (d > daysInMonth(y, m)) {
    return { ok: false, field: 'day', message: `Такой даты нет. ${monthLengthText(m, y)} Проверьте день.` };
  }
  const ymd = `${year}-${pad2(m)}-${pad2(d)}`;
  if (ymd > today) {
    return { ok: false, field: 'year', message: 'Дата рождения не может быть позже сегодняшнего дня. Проверьте год.' };
  }
  if (ageOn(ymd, today) > MAX_AGE_YEARS) {
    return {
      ok: false,
      field: 'year',
      message: `Проверьте год рождения: получается возраст больше ${MAX_AGE_YEARS}\u00a0лет.`,
    };
  }
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
