import { describe, expect, it } from 'vitest';
import { CLIENT_APPS, CLINICS, DIR, PERSONS, RESOURCES } from '../../simulator/seed-data';
import { BookInputSchema, IdentifyInputSchema, ScheduleInputSchema, TicketSchema } from './bridge-contract';
import { GUID_PATTERN, birthDateProblem, isHhmm, isOffsetDateTime, isYmd } from './calendar';

const LPU = '3c1e7b2a-0000-4000-8000-000000000002';
const book = {
  referralGuid: '5b0c8f0e-0000-4000-8000-000000000d01',
  lpuGuid: LPU,
  resourceGuid: 'a1f0c6d2-0000-4000-8000-0000000000d1',
  date: '2026-11-27',
  time: '09:15',
};

describe('GUIDs', () => {
  it('every id of the simulator seed and of the API documents fits the canonical form', () => {
    const ids = [
      ...CLIENT_APPS.map((a) => a.guid),
      ...CLINICS.map((c) => c.guid),
      ...RESOURCES.map((r) => r.guid),
      ...PERSONS.flatMap((p) => [p.guid, ...p.mkabs.map((m) => m.guid)]),
      ...Object.values(DIR),
      // from ../shared/api/*.md (one upper-case, as the booking example writes it)
      'F375509F-1924-4F38-8AA0-C33CED0A43F9',
      'c3c977af-c3b4-4517-9d57-50a6844ec660',
      '00000000-0000-0000-0000-000000000000',
    ];
    expect(ids.length).toBeGreaterThan(20);
    for (const id of ids) expect(id).toMatch(GUID_PATTERN);
  });

  it.each(['', '.', '..', 'lpu/../../x', '../' + LPU, LPU + '/..', LPU.replace('-', '%2F'), LPU + '\0',
    ` ${LPU}`, LPU.replace('a', 'g'), `{${LPU}}`, LPU.replace(/-/g, ''), 'x'.repeat(64)])('refuses %j', (id) => {
    expect(ScheduleInputSchema.safeParse({ referralGuid: book.referralGuid, lpuGuid: id }).success).toBe(false);
  });
});

describe('dates and times', () => {
  it.each(['2024-02-29', '2026-12-31', '1900-01-01', '2100-12-31'])('%s is a date', (d) => expect(isYmd(d)).toBe(true));
  it.each(['2026-02-29', '2026-02-30', '2026-04-31', '9999-99-99', '2026-13-01', '2026-00-10', '1899-12-31',
    '2101-01-01', '2026-1-1', '2026-11-27T00:00:00', ' 2026-11-27', '٢٠٢٦-١١-٢٧'])('%s is not', (d) => {
    expect(isYmd(d)).toBe(false);
    expect(BookInputSchema.safeParse({ ...book, date: d }).success).toBe(false);
  });
  it.each(['00:00', '09:15', '23:59'])('%s is a time', (t) => expect(isHhmm(t)).toBe(true));
  it.each(['24:00', '99:99', '9:15', '09:60', '09:15:00', '0915', ''])('%s is not', (t) => {
    expect(isHhmm(t)).toBe(false);
    expect(BookInputSchema.safeParse({ ...book, time: t }).success).toBe(false);
  });

  it('the bridge carries date-times only with an explicit offset', () => {
    expect(isOffsetDateTime('2026-11-27T09:15:00+03:00')).toBe(true);
    expect(isOffsetDateTime('2026-03-29T02:30:00-05:00')).toBe(true);
    for (const bad of ['2026-11-27T09:15:00', '2026-11-27T09:15:00Z', '2026-11-27T09:15:00.000+03:00',
      '27.11.2026 09:15', '2026-02-30T09:15:00+03:00', '2026-11-27T24:00:00+03:00', '2026-11-27'])
      expect(isOffsetDateTime(bad)).toBe(false);
  });
});

describe('birth date', () => {
  const now = new Date('2026-11-26T22:30:00Z'); // already the 27th in Moscow
  it('today in any zone is fine, later is the future, before 1900 is refused', () => {
    expect(birthDateProblem('2026-11-27', now)).toBeNull();
    expect(birthDateProblem('2026-11-28', now)).toBe('future');
    expect(birthDateProblem('1900-01-01', now)).toBeNull();
    expect(birthDateProblem('1899-12-31', now)).toBe('ancient');
  });

  it('the identify input says what is wrong (for the log)', () => {
    const msg = (birthDate: string) => {
      const r = IdentifyInputSchema.safeParse({ policy: '5000000000000001', birthDate });
      return r.success ? 'ok' : r.error.issues[0]!.message;
    };
    expect(msg('1980-01-15')).toBe('ok');
    expect(msg('2099-01-01')).toBe('a birth date cannot be in the future');
    expect(msg('1899-12-31')).toBe('a birth date cannot be before 1900-01-01');
    expect(msg('1980-02-30')).toMatch(/birth date/);
  });

  it.each(['500000000000000', '50000000000000011', '500000000000000a', '５000000000000001', ' 5000000000000001'])(
    'policy %j is refused', (policy) => {
      expect(IdentifyInputSchema.safeParse({ policy, birthDate: '1980-01-15' }).success).toBe(false);
    });
});

describe('strict inputs', () => {
  it('refuses unknown fields, prototype keys included', () => {
    expect(BookInputSchema.safeParse({ ...book, extra: 1 }).success).toBe(false);
    expect(BookInputSchema.safeParse(JSON.parse(`{"__proto__":{"x":1},${JSON.stringify(book).slice(1)}`)).success).toBe(false);
    expect(BookInputSchema.safeParse({ ...book, constructor: 'x' }).success).toBe(false);
    expect(BookInputSchema.safeParse(book).success).toBe(true);
  });

  it('a ticket crosses only with normalised times', () => {
    const t = {
      ticketGuid: 'c2d4e6f8-1a3b-4c5d-8e9f-a0b1c2d3e4f5', number: '1', room: '', floor: null,
      beginTime: '2026-11-27T09:15:00+03:00', endTime: '2026-11-27T09:30:00+03:00', doctorName: '', doctorRole: '',
      speciality: '', resType: 'Doctor', clinic: { guid: LPU, name: '', fullName: '', address: '', phone: '' }, bookedAt: null,
    };
    expect(TicketSchema.safeParse(t).success).toBe(true);
    expect(TicketSchema.safeParse({ ...t, beginTime: '27.11.2026 09:15' }).success).toBe(false);
    expect(TicketSchema.safeParse({ ...t, beginTime: '2026-11-27T09:15:00' }).success).toBe(false);
  });
});
