import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/api-error';
import { DirectionResourceSchema, DirectionSchema, TicketVisitWithLpuSchema, type Direction } from '../api/schemas';
import { clinicTime } from '../../common/clinic-time';
import { addDays } from '../../common/rules';
import { createViewModels, realDate, toClinic } from './view-models';

const TZ = 'Europe/Moscow';
const moscow = createViewModels({ timeZone: TZ });
const toReferral = (d: Direction, today: string, _tz: string) => moscow.toReferral(d, today);
const toResource = (r: Parameters<typeof moscow.toResource>[0], nowMs: number) => moscow.toResource(r, nowMs);
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
    expect(r).toMatchObject({ bookable: true, title: 'Кардиология', type: 'Consultation', issuedBy: 'ГБУЗ «Городская поликлиника №1»' });
    expect(r).not.toHaveProperty('reason');
  });

  it('an «Active» referral past its end date is shown expired with the reason', () => {
    const r = toReferral(direction({ dateEnd: '2026-11-25T00:00:00+03:00' }), '2026-11-26', TZ);
    expect(r).toMatchObject({ bookable: false, status: 'Expired' });
  });

  it('the end date is compared in the clinic zone, not the kiosk OS zone', () => {
    // 00:30 Moscow on the 26th is still the 25th in New York, where the tests run.
    const r = toReferral(direction({ dateEnd: '2026-11-26T00:30:00+03:00' }), '2026-11-26', TZ);
    expect(r.bookable).toBe(true);
  });

  it.each(['Used', 'Booked', 'Cancelled'])('%s is disabled (its status is the reason)', (status) => {
    expect(toReferral(direction({ status }), '2026-11-26', TZ)).toMatchObject({ bookable: false, status });
  });

  it('a laboratory referral is titled by its service', () => {
    const r = toReferral(direction({ type: 'Laboratory', speciality: null, service: { code: 'A09', name: 'Общий анализ крови' } }), '2026-11-26', TZ);
    expect(r).toMatchObject({ title: 'Общий анализ крови', type: 'Laboratory' });
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
    expect(c).toMatchObject({ online: false, statusText: null, fullName: 'ГБУЗ «Районная больница»' });
  });

  it('sets MIS text in Russian typography and gives the whole week, not only Monday', () => {
    const c = toClinic({
      guid: 'l1', name: 'ГБУЗ МО "КДЦ"', fullName: '', address: 'г. Коломна, ул. Ленина, д. 5', phone: '8-496-123-45-67',
      status: { name: 'Online' },
      worktimes: { monday: '8:00 - 20:00', tuesday: '8:00 - 20:00', wednesday: '8:00 - 20:00', thursday: '8:00 - 20:00', friday: '8:00 - 20:00', saturday: '9:00 - 15:00', sunday: '' },
    });
    expect(c.name).toBe('ГБУЗ МО «КДЦ»');
    expect(c.address).toBe('г.\u00a0Коломна, ул.\u00a0Ленина, д.\u00a05');
    expect(c.phone).toBe('8-496-123-45-67');
    expect(c.hours?.[5]).toBe('09:00–15:00');
    expect(c.hours?.[6]).toBeNull();
  });
});

describe('addDays', () => {
  it('crosses months and years', () => {
    expect(addDays('2026-12-25', 13)).toBe('2027-01-07');
  });
});

describe('MIS times are normalised once, per item', () => {
  const warnings: string[] = [];
  const log = { info() {}, error() {}, audit() {}, warn: (e: string) => void warnings.push(e) };
  const vm = createViewModels({ timeZone: TZ, log });
  const lpu = { guid: '3c1e7b2a-0000-4000-8000-000000000002', name: 'ОКДЦ' };
  const visit = (over: Record<string, unknown>) =>
    TicketVisitWithLpuSchema.parse({
      lpu, num: '037.91', ticketGuid: 'c2d4e6f8-1a3b-4c5d-8e9f-a0b1c2d3e4f5',
      beginTime: '2026-11-27T09:00:00+03:00', endTime: '2026-11-27T09:15:00+03:00', ...over,
    });

  it('a ticket without an offset or in dd.MM.yyyy keeps the clinic wall time (09:00, not 17:00)', () => {
    const a = vm.toTicket(visit({ beginTime: '2026-11-27T09:00:00', endTime: '27.11.2026 09:15' }));
    expect(a).toMatchObject({ beginTime: '2026-11-27T09:00:00+03:00', endTime: '2026-11-27T09:15:00+03:00' });
    expect(clinicTime(a.beginTime, TZ)).toBe('09:00');
  });

  it('a ticket with an unreadable beginTime is a protocol error for that call; in a list only it is left out', () => {
    const bad = visit({ beginTime: 'завтра утром' });
    expect(() => vm.toTicket(bad)).toThrow(ApiError);
    expect(() => vm.toTicket(bad)).toThrow(expect.objectContaining({ kind: 'protocol' }));
    expect(vm.toTickets([bad, visit({})])).toHaveLength(1);
    expect(warnings).toContain('mis.ticket_dropped');
  });

  it('a referral with a bad validity date gets null; .NET «no date» is null; a bad embedded ticket is null', () => {
    const r = vm.toReferral(direction({ dateEnd: '31.02.2026', date: '0001-01-01T00:00:00', ticket: visit({ beginTime: '??' }) }), '2026-11-26');
    expect(r).toMatchObject({ validUntil: null, issuedAt: null, ticket: null, bookable: true });
    expect(vm.toReferral(direction({ dateEnd: '2026-12-20' }), '2026-11-26').validUntil).toBe('2026-12-20T00:00:00+03:00');
  });

  it('a schedule day sent as a DateTime, cells without an offset, and one garbage cell dropped (not the schedule)', () => {
    const r = vm.toResource(
      DirectionResourceSchema.parse({
        resourceGuid: 'a1f0c6d2-0000-4000-8000-0000000000d1', docFio: 'Петров П.П.',
        days: [
          { date: '2026-11-27T00:00:00+03:00', slots: [
            { time: '09:00', status: 'Available', beginTime: '2026-11-27T09:00:00', endTime: '2026-11-27T09:15:00' },
            { time: '09:15', status: 'Available', beginTime: 'never', endTime: '2026-11-27T09:30:00' },
            { time: '9:30:00', status: 'Available', beginTime: '27.11.2026 09:30', endTime: '27.11.2026 09:45' },
          ] },
          { date: 'не дата', slots: [{ time: '10:00', status: 'Available', beginTime: '2026-11-28T10:00:00+03:00', endTime: '2026-11-28T10:15:00+03:00' }] },
        ],
      }),
      new Date('2026-11-26T10:00:00+03:00').getTime(),
    );
    expect(r.days).toEqual([{ date: '2026-11-27', slots: [
      { time: '09:00', beginTime: '2026-11-27T09:00:00+03:00', endTime: '2026-11-27T09:15:00+03:00', timeTableGuid: '' },
      { time: '09:30', beginTime: '2026-11-27T09:30:00+03:00', endTime: '2026-11-27T09:45:00+03:00', timeTableGuid: '' },
    ] }]);
    expect(warnings).toEqual(expect.arrayContaining(['mis.schedule_cell_dropped', 'mis.schedule_day_dropped']));
  });

  it('a DST clinic zone (Berlin) reads offset-less times with the offset of that day', () => {
    const berlin = createViewModels({ timeZone: 'Europe/Berlin' });
    expect(berlin.toTicket(visit({ beginTime: '2026-07-15T09:00:00', endTime: '2026-01-15T09:00:00' }))).toMatchObject({
      beginTime: '2026-07-15T09:00:00+02:00', endTime: '2026-01-15T09:00:00+01:00',
    });
  });
});
