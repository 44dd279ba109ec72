// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { t } from '../../../electron/common/i18n/locales';
import { ageOn, birthDateText, calendarDate, checkBirthDate, liveBirthDateProblem } from './birth-date';

const ru = t('ru');
const en = t('en');
const said = (r: ReturnType<typeof checkBirthDate>) => (r.ok ? '' : ru.msg(r.message));
import { groupPolicy, policyProblem } from './policy';

describe('policy', () => {
  it('groups digits by four as on the card', () => {
    expect(groupPolicy('5000000000000001')).toBe('5000 0000 0000 0001');
    expect(groupPolicy('50000')).toBe('5000 0');
    expect(groupPolicy('')).toBe('');
  });

  it('asks for exactly 16 digits and says how many were typed', () => {
    expect(ru.msg(policyProblem('')!)).toMatch(/16\u00a0цифр/);
    expect(ru.msg(policyProblem('123456789')!)).toContain('введено 9');
    expect(en.msg(policyProblem('123456789')!)).toBe('The policy number has 16\u00a0digits, but 9 were entered. Check the number.');
    expect(policyProblem('5000000000000001')).toBeNull();
  });

  it('invents no checksum: any 16 digits pass', () => {
    expect(policyProblem('1234567890123456')).toBeNull();
    expect(policyProblem('0000000000000000')).toBeNull();
  });
});

describe('birth date', () => {
  const today = '2026-11-27';
  const check = (day: string, month: string, year: string) => checkBirthDate({ day, month, year }, today);

  it('accepts a real past date and normalises it', () => {
    expect(check('5', '3', '1956')).toEqual({ ok: true, ymd: '1956-03-05' });
    expect(check('29', '02', '2024')).toEqual({ ok: true, ymd: '2024-02-29' });
  });

  it('points at the missing part', () => {
    expect(check('', '03', '1956')).toMatchObject({ ok: false, field: 'day' });
    expect(check('05', '', '1956')).toMatchObject({ ok: false, field: 'month' });
    expect(check('05', '03', '')).toMatchObject({ ok: false, field: 'year' });
    expect(check('05', '03', '56')).toMatchObject({ ok: false, field: 'year' });
  });

  it('rejects impossible dates', () => {
    expect(check('31', '02', '1956')).toMatchObject({ ok: false, field: 'day' });
    expect(check('29', '02', '2023')).toMatchObject({ ok: false, field: 'day' });
    expect(check('31', '04', '1980')).toMatchObject({ ok: false, field: 'day' });
    expect(check('00', '01', '1980')).toMatchObject({ ok: false, field: 'day' });
    expect(check('10', '13', '1980')).toMatchObject({ ok: false, field: 'month' });
    expect(check('10', '00', '1980')).toMatchObject({ ok: false, field: 'month' });
  });

  it('rejects a date after today, accepts today', () => {
    const r = check('28', '11', '2026');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(ru.msg(r.message)).toMatch(/позже сегодняшнего/);
    expect(check('27', '11', '2026').ok).toBe(true);
  });

  it('rejects an age over 120 years, accepts exactly 120', () => {
    const r = check('27', '11', '1905');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(ru.msg(r.message)).toMatch(/120/);
    expect(check('28', '11', '1905').ok).toBe(true);
    expect(check('01', '01', '1800').ok).toBe(false);
  });

  it('counts full years', () => {
    expect(ageOn('1956-03-05', '2026-03-04')).toBe(69);
    expect(ageOn('1956-03-05', '2026-03-05')).toBe(70);
  });

  it('only spells real calendar dates', () => {
    expect(calendarDate({ day: '5', month: '3', year: '1956' })).toBe('1956-03-05');
    expect(calendarDate({ day: '31', month: '2', year: '1956' })).toBeNull();
    expect(calendarDate({ day: '5', month: '3', year: '195' })).toBeNull();
  });

  it('says how many days the month has, in grammatical Russian', () => {
    const msg = (d: string, m: string, y: string) => {
      const r = check(d, m, y);
      return r.ok ? '' : ru.msg(r.message);
    };
    expect(msg('31', '11', '1980')).toContain('В ноябре 30\u00a0дней');
    expect(msg('31', '04', '1980')).toContain('В апреле 30\u00a0дней');
    expect(msg('29', '02', '2023')).toContain('В феврале 2023\u00a0года 28\u00a0дней');
    expect(msg('30', '02', '2024')).toContain('В феврале 2024\u00a0года 29\u00a0дней');
    expect(msg('32', '01', '1980')).not.toContain('В январе');
    expect(ru('birth.noSuchDay', { month: 1, year: 1980, days: 31 })).toContain('В январе 31\u00a0день.');
    expect(en('birth.noSuchDay', { month: 2, year: 2023, days: 28 })).toBe('There is no such date. February 2023 has 28\u00a0days. Check the day.');
    for (const m of ['01', '02', '04', '11']) expect(msg('32', m, '1980')).not.toMatch(/31 дней|31\u00a0дней/);
  });

  it('leap years: 29 February exists in 2000 and 2024, not in 1900 (before the age limit anyway) or 2023', () => {
    expect(check('29', '02', '2000')).toEqual({ ok: true, ymd: '2000-02-29' });
    expect(check('29', '02', '2024').ok).toBe(true);
    expect(calendarDate({ day: '29', month: '02', year: '1900' })).toBeNull();
    expect(check('29', '02', '2023')).toMatchObject({ ok: false, field: 'day' });
  });

  it('a three-digit year such as 980 is the year box, not a date in the tenth century', () => {
    expect(check('15', '11', '980')).toMatchObject({ ok: false, field: 'year' });
    expect(said(check('15', '11', '980'))).toMatch(/четыре цифры/);
    expect(calendarDate({ day: '15', month: '11', year: '980' })).toBeNull();
    expect(check('15', '01', '0980')).toMatchObject({ ok: false, field: 'year' });
    expect(said(check('15', '01', '0980'))).toMatch(/120/);
  });

  it('a future date points at the year', () => {
    expect(check('01', '01', '2027')).toMatchObject({ ok: false, field: 'year' });
    expect(said(check('01', '01', '2027'))).toMatch(/позже сегодняшнего/);
  });

  it('checks each part on its own: day 32 and month 13 name their own box', () => {
    expect(check('32', '01', '1980')).toMatchObject({ ok: false, field: 'day' });
    expect(said(check('32', '01', '1980'))).toMatch(/от 1 до 31/);
    expect(check('15', '13', '1980')).toMatchObject({ ok: false, field: 'month' });
    expect(said(check('15', '13', '1980'))).toMatch(/от 1 до 12/);
  });

  it('says nothing while the date is still being typed, one message once it is complete', () => {
    expect(liveBirthDateProblem({ day: '31', month: '04', year: '19' }, today)).toBeNull();
    expect(liveBirthDateProblem({ day: '31', month: '04', year: '1980' }, today)).toMatchObject({ field: 'day' });
    expect(liveBirthDateProblem({ day: '15', month: '01', year: '1980' }, today)).toBeNull();
  });

  it('spells the date for the preview line', () => {
    expect(birthDateText({ day: '15', month: '1', year: '1980' }, 'ru-RU')).toBe('15\u00a0января\u00a01980\u00a0г.');
    expect(birthDateText({ day: '15', month: '1', year: '1980' }, 'en-GB')).toBe('15\u00a0January\u00a01980');
    expect(birthDateText({ day: '31', month: '4', year: '1980' }, 'ru-RU')).toBeNull();
  });
});
