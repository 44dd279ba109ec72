// Birth date entered as three separate numbers. `today` is the clinic's calendar date
// (YYYY-MM-DD), passed in so that the check does not depend on the kiosk's OS time zone.
export const MAX_AGE_YEARS = 120;

export type BirthDateParts = { day: string; month: string; year: string };

export type BirthDateCheck =
  | { ok: true; ymd: string }
  | { ok: false; field: 'day' | 'month' | 'year'; message: string };

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
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

export function checkBirthDate(parts: BirthDateParts, today: string): BirthDateCheck {
  const { day, month, year } = parts;
  if (!day) return { ok: false, field: 'day', message: 'Введите день рождения.' };
  if (!month) return { ok: false, field: 'month', message: 'Введите месяц рождения (число от 1 до 12).' };
  if (!year) return { ok: false, field: 'year', message: 'Введите год рождения — четыре цифры.' };
  if (year.length !== 4) {
    return { ok: false, field: 'year', message: 'Год рождения — четыре цифры, например 1956.' };
  }
  const d = Number(day);
  const m = Number(month);
  const y = Number(year);
  if (m < 1 || m > 12) {
    return { ok: false, field: 'month', message: 'Такого месяца нет: месяц — число от 1 до 12.' };
  }
  if (d < 1 || d > daysInMonth(y, m)) {
    return {
      ok: false,
      field: 'day',
      message: `Такой даты нет: в этом месяце ${daysInMonth(y, m)} дней. Проверьте день.`,
    };
  }
  const ymd = `${String(y).padStart(4, '0')}-${pad2(m)}-${pad2(d)}`;
  if (ymd > today) {
    return { ok: false, field: 'year', message: 'Дата рождения не может быть позже сегодняшнего дня.' };
  }
  if (ageOn(ymd, today) > MAX_AGE_YEARS) {
    return {
      ok: false,
      field: 'year',
      message: `Проверьте год рождения: получается возраст больше ${MAX_AGE_YEARS} лет.`,
    };
  }
  return { ok: true, ymd };
}

/** Full years between two calendar dates. */
export function ageOn(birthYmd: string, todayYmd: string): number {
  const [by, bm, bd] = birthYmd.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = todayYmd.split('-').map(Number) as [number, number, number];
  let age = ty - by;
  if (tm < bm || (tm === bm && td < bd)) age -= 1;
  return age;
}
