import { describe, expect, it } from 'vitest';
import { hoursOnDayText, weekdayIndex, weekHours, weekSummary } from './clinic-hours';
import { t } from './i18n/locales';

const ru = t('ru');
const en = t('en');

const seed = {
  monday: '8:00 - 20:00', tuesday: '8:00 - 20:00', wednesday: '8:00 - 20:00', thursday: '8:00 - 20:00',
  friday: '8:00 - 20:00', saturday: '9:00 - 15:00', sunday: '',
};

describe('clinic hours', () => {
  it('gives the hours of the visit’s weekday, not Monday’s', () => {
    const week = weekHours(seed);
    expect(hoursOnDayText(week, '2026-11-28', ru)).toBe('Часы работы в\u00a0субботу: 09:00–15:00'); // a Saturday
    expect(hoursOnDayText(week, '2026-11-27', ru)).toBe('Часы работы в\u00a0пятницу: 08:00–20:00');
    expect(hoursOnDayText(week, '2026-11-29', ru)).toBeNull(); // Sunday: closed, nothing invented
  });

  it('summarises the week with grouped days and en dashes', () => {
    expect(weekSummary(weekHours(seed), ru)).toBe('Пн–Пт\u00a008:00–20:00, Сб\u00a009:00–15:00');
    expect(weekSummary(weekHours(seed), en)).toBe('Mon–Fri\u00a008:00–20:00, Sat\u00a009:00–15:00');
    expect(hoursOnDayText(weekHours(seed), '2026-11-28', en)).toBe('Opening hours on Saturday: 09:00–15:00');
    expect(weekSummary(weekHours({ Monday: '8:00-14:00' }), ru)).toBe('Пн\u00a008:00–14:00');
  });

  it('knows nothing when the MIS says nothing', () => {
    expect(weekHours(null)).toBeNull();
    expect(weekHours({ monday: '', sunday: null })).toBeNull();
    expect(hoursOnDayText(null, '2026-11-27', ru)).toBeNull();
  });

  it('counts weekdays from Monday whatever the machine’s zone', () => {
    expect(weekdayIndex('2026-11-23')).toBe(0);
    expect(weekdayIndex('2026-11-29')).toBe(6);
  });
});
