import { describe, expect, it } from 'vitest';
import { DirectionResourceSchema, DirectionSchema, type Direction } from '../api/schemas';
import { addDays } from '../../common/rules';
import { realDate, toClinic, toReferral, toResource } from './view-models';

const TZ = 'Europe/Moscow';
const direction = (over: Partial<Direction> = {}): Direction =>
  DirectionSchema.parse({
    guid: 'd1', number: '2026/000123', type: 'Consultation', status: 'Active',
    date: '2026-11-20T00:00:00+03:00', dateEnd: '2026-12-20T00:00:00+03:00',
    lpuFrom: { lpuGuid: 'l1', name: 'ГБУЗ «Городская поликлиника №1»', mcod: '500101' },
    speciality: { code: '109', name: 'Кардиология' }, ...over,
  });

describe('referral view', () => {
  it('an active referral within its dates is bookable and titled by its speciality', () => {
    const r = toReferral(direction(), '2026-11-26', TZ);
    expect(r).toMatchObject({ bookable: true, reason: null, title: 'Кардиология', typeLabel: 'Консультация', issuedBy: 'ГБУЗ «Городская поликлиника №1»' });
  });

  it('an «Active» referral past its end date is shown expired with the reason', () => {
    const r = toReferral(direction({ dateEnd: '2026-11-25T00:00:00+03:00' }), '2026-11-26', TZ);
    expect(r).toMatchObject({ bookable: false, status: 'Expired', reason: 'Срок действия направления истёк' });
  });

  it('the end date is compared in the clinic zone, not the kiosk OS zone', () => {
    // 00:30 Moscow on the 26th is still the 25th in New York, where the tests run.
    const r = toReferral(direction({ dateEnd: '2026-11-26T00:30:00+03:00' }), '2026-11-26', TZ);
    expect(r.bookable).toBe(true);
  });

  it.each([
    ['Used', 'Направление уже использовано'],
    ['Booked', 'По этому направлению вы уже записаны'],
    ['Cancelled', 'Направление аннулировано'],
  ])('%s is disabled with a reason', (status, reason) => {
    expect(toReferral(direction({ status }), '2026-11-26', TZ)).toMatchObject({ bookable: false, reason });
  });

  it('a laboratory referral is titled by its service', () => {
    const r = toReferral(direction({ type: 'Laboratory', speciality: null, service: { code: 'A09', name: 'Общий анализ крови' } }), '2026-11-26', TZ);
    expect(r).toMatchObject({ title: 'Общий анализ крови', typeLabel: 'Лабораторное исследование' });
  });

  it('.NET sentinels are not dates', () => {
    expect(realDate('0001-01-01T00:00:00.0000000+03:00')).toBeNull();
    expect(realDate('9999-12-31T23:59:59.9999999+03:00')).toBeNull();
    expect(realDate('2026-11-26T10:00:00+03:00')).toBe('2026-11-26T10:00:00+03:00');
  });
});

describe('schedule view', () => {
  const slot = (time: string, status = 'Available') => ({
    time, status, timeTableGuid: `c-${time}`,
    beginTime: `2026-11-27T${time}:00+03:00`, endTime: `2026-11-27T${time}:00+03:00`,
  });
  const res = DirectionResourceSchema.parse({
    resourceGuid: 'r1', resType: 'Doctor', docFio: 'Петров Петр Петрович', doctorRole: 'Врач-кардиолог',
    speciality: 'Кардиология', room: '214', flat: 2,
    days: [
      { date: '2026-11-28', slots: [slot('09:00', 'Booked'), slot('09:15', 'Unauthorized')] },
      { date: '2026-11-27', slots: [slot('09:30'), slot('09:00'), slot('09:15', 'Booked')] },
    ],
  });

  it('keeps only free cells in the future and only days that have one', () => {
    const r = toResource(res, new Date('2026-11-27T09:10:00+03:00').getTime());
    expect(r.days).toEqual([{ date: '2026-11-27', slots: [expect.objectContaining({ time: '09:30' })] }]);
  });

  it('sorts days and times', () => {
    const r = toResource(res, 0);
    expect(r.days[0]!.slots.map((s) => s.time)).toEqual(['09:00', '09:30']);
  });
});

describe('clinic view', () => {
  it('an offline clinic is disabled with a reason', () => {
    const c = toClinic({ guid: 'l3', name: 'ГБУЗ «Районная больница»', fullName: '', address: '', phone: '', status: { name: 'Offline' } });
    expect(c).toMatchObject({ online: false, statusText: 'Запись в эту поликлинику временно недоступна', fullName: 'ГБУЗ «Районная больница»' });
  });
});

describe('addDays', () => {
  it('crosses months and years', () => {
    expect(addDays('2026-12-25', 13)).toBe('2027-01-07');
  });
});
