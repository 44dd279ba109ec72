import { describe, expect, it } from 'vitest';
import { clinicDateTimeNumeric, clinicTime, clinicYmd, dayLong, dayNumeric, dayShort, NO_TIME } from '../../common/clinic-time';
import { ApiError } from './api-error';
import { misDateTime, parseMisDate, parseMisDateTime } from './mis-time';

const MSK = 'Europe/Moscow';
const BER = 'Europe/Berlin';
const ok = (raw: unknown, tz: string, dateOnly = false) => {
  const p = parseMisDateTime(raw, tz, { dateOnly });
  return p.kind === 'ok' ? p.iso : p.kind;
};

describe('MIS date-times are normalised to the clinic offset', () => {
  it('the tests really run in another zone than the clinic', () => {
    expect(process.env.TZ).toBe('America/New_York');
  });

  it('ISO with an offset: the same instant, re-emitted with the clinic offset', () => {
    expect(ok('2026-11-27T09:15:00+03:00', MSK)).toBe('2026-11-27T09:15:00+03:00');
    expect(ok('2026-11-27T06:15:00Z', MSK)).toBe('2026-11-27T09:15:00+03:00');
    expect(ok('2026-11-27T01:15:00-05:00', MSK)).toBe('2026-11-27T09:15:00+03:00');
    expect(ok('2026-11-27T09:15:00.1234567+0300', MSK)).toBe('2026-11-27T09:15:00+03:00');
    expect(ok('2026-11-27T09:15:00+03', MSK)).toBe('2026-11-27T09:15:00+03:00');
  });

  it('ISO without an offset is the clinic wall clock, not the kiosk OS zone (09:00 stays 09:00)', () => {
    expect(ok('2026-11-27T09:00:00', MSK)).toBe('2026-11-27T09:00:00+03:00');
    expect(ok('2026-11-27 09:00', MSK)).toBe('2026-11-27T09:00:00+03:00');
    expect(clinicTime(ok('2026-11-27T09:00:00', MSK), MSK)).toBe('09:00');
  });

  it('dd.MM.yyyy HH:mm[:ss] is the clinic wall clock too', () => {
    expect(ok('27.11.2026 09:15', MSK)).toBe('2026-11-27T09:15:00+03:00');
    expect(ok('27.11.2026 09:15:30', MSK)).toBe('2026-11-27T09:15:30+03:00');
    expect(ok('7.3.2026 9:05', MSK)).toBe('2026-03-07T09:05:00+03:00');
  });

  it('a DST zone gets the offset of the wall time itself (Berlin, both sides of both changes)', () => {
    expect(ok('2026-01-15T09:00:00', BER)).toBe('2026-01-15T09:00:00+01:00');
    expect(ok('2026-07-15T09:00:00', BER)).toBe('2026-07-15T09:00:00+02:00');
    expect(ok('29.03.2026 01:59', BER)).toBe('2026-03-29T01:59:00+01:00');
    expect(ok('29.03.2026 03:00', BER)).toBe('2026-03-29T03:00:00+02:00');
    // 02:30 does not exist that night: moved forward by the gap
    expect(ok('2026-03-29T02:30:00', BER)).toBe('2026-03-29T03:30:00+02:00');
    // 02:30 happens twice on 25 October: the earlier one
    expect(ok('2026-10-25T02:30:00', BER)).toBe('2026-10-25T02:30:00+02:00');
    expect(ok('2026-10-25T03:30:00', BER)).toBe('2026-10-25T03:30:00+01:00');
    // an instant with its own offset keeps its instant across the change
    expect(ok('2026-10-25T01:30:00Z', BER)).toBe('2026-10-25T02:30:00+01:00');
    // and a Moscow time shown for a Berlin clinic is the same moment
    expect(ok('2026-07-15T10:00:00+03:00', BER)).toBe('2026-07-15T09:00:00+02:00');
  });

  it('.NET «no date» values are none, not errors', () => {
    for (const v of ['0001-01-01T00:00:00', '0001-01-01T00:00:00.0000000+03:00', '9999-12-31T23:59:59.9999999', '01.01.0001 00:00', null, undefined, ''])
      expect(ok(v, MSK)).toBe('none');
  });

  it('a bare date is a DateTime only where the caller allows it (validity dates: clinic midnight)', () => {
    expect(ok('2026-12-20', MSK)).toBe('bad');
    expect(ok('2026-12-20', MSK, true)).toBe('2026-12-20T00:00:00+03:00');
    expect(ok('20.12.2026', MSK, true)).toBe('2026-12-20T00:00:00+03:00');
  });

  it.each([
    'завтра', '2026-02-30T09:00:00', '2026-11-27T24:00:00', '2026-11-27T09:60:00', '2026-11-27T09:15:00+15:00',
    '31.02.2026 09:00', '27/11/2026 09:15', '2026-11-27T09:15:00 MSK', '1637996100', '1850-01-01T00:00:00',
    '2026-11-27T09:15:00+03:00x',
  ])('%s is bad', (raw) => {
    expect(ok(raw, MSK)).toBe('bad');
  });

  it('a huge string is bad, quickly', () => {
    expect(ok('2026-11-27T09:15:00' + '0'.repeat(1_000_000), MSK)).toBe('bad');
  });

  it('non-strings are bad', () => {
    for (const v of [1637996100000, {}, [], true]) expect(ok(v, MSK)).toBe('bad');
  });

  it('a required time that cannot be read is a protocol ApiError', () => {
    expect(() => misDateTime('27-11-2026', MSK, 'ticket.beginTime')).toThrow(ApiError);
    try {
      misDateTime(null, MSK, 'ticket.beginTime');
    } catch (e) {
      expect(e).toMatchObject({ kind: 'protocol' });
    }
  });
});

describe('MIS calendar dates', () => {
  it('a schedule day may come as a date, a Russian date or a DateTime', () => {
    const d = (raw: unknown, tz = MSK) => {
      const p = parseMisDate(raw, tz);
      return p.kind === 'ok' ? p.ymd : p.kind;
    };
    expect(d('2026-11-27')).toBe('2026-11-27');
    expect(d('27.11.2026')).toBe('2026-11-27');
    expect(d('2026-11-27T00:00:00')).toBe('2026-11-27');
    expect(d('2026-11-27T00:00:00+03:00')).toBe('2026-11-27');
    // midnight Moscow is still the 26th in UTC: the clinic's date counts
    expect(d('2026-11-26T21:00:00Z')).toBe('2026-11-27');
    expect(d('2026-11-26T21:00:00Z', 'Europe/Kaliningrad')).toBe('2026-11-26');
    expect(d('0001-01-01T00:00:00')).toBe('none');
    expect(d('2026-11-31')).toBe('bad');
  });
});

describe('clinic-time formatting never throws', () => {
  it.each(['27.11.2026 09:15', '2026-11-27T09:15:00', 'garbage', '', '2026-02-30T09:00:00+03:00'])('%j shows «—»', (raw) => {
    expect(clinicTime(raw, MSK)).toBe(NO_TIME);
    expect(clinicYmd(raw, MSK)).toBe(NO_TIME);
    expect(clinicDateTimeNumeric(raw, MSK)).toBe(NO_TIME);
  });

  it('an unknown zone or a bad calendar date shows «—» too', () => {
    expect(clinicTime('2026-11-27T09:15:00+03:00', 'Mars/Olympus')).toBe(NO_TIME);
    expect(dayLong('2026-02-30', 'ru-RU')).toBe(NO_TIME);
    expect(dayShort('—', 'ru-RU')).toBe(NO_TIME);
    expect(dayNumeric(undefined as unknown as string)).toBe(NO_TIME);
  });

  it('a normalised time shows the clinic wall clock', () => {
    expect(clinicDateTimeNumeric('2026-11-27T09:15:00+03:00', MSK)).toBe('27.11.2026 09:15');
    expect(clinicTime('2026-11-27T06:15:00.000Z', MSK)).toBe('09:15');
  });
});
