import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/api-error';
import { BookingNotConfirmedError } from '../booking/booking-errors';
import { SessionError } from '../session/session-error';
import { softrustError } from '../mis/softrust-codes';
import { PrinterUnavailableError } from './printer-unavailable-error';
import { toBridgeError } from './to-bridge-error';

describe('toBridgeError', () => {
  it('4008: the existing booking\'s facts cross, the patient named by surname and initials only', () => {
    const err = new ApiError(
      'validation',
      400,
      '4008',
      'Вы уже записаны Сидоров Алексей Николаевич на 12.12.2026 9:15. Запрещено иметь более одной активной записи на прием на одну специальность.',
      'booking refused',
    );
    const e = toBridgeError(softrustError(err));
    expect(e.problem).toBe('alreadyBooked');
    expect(e).not.toHaveProperty('code');
    expect(e.shown).not.toContain('Алексей');
    expect(e.shown).not.toContain('Николаевич');
    expect(e.shown).toContain('Сидоров\u00a0А.\u00a0Н.');
    expect(e.shown).toContain('12.12.2026 09:15');
  });

  it('an MIS text without facts the patient needs stays in the log', () => {
    const err = new ApiError('validation', 400, '4009', 'Это время уже занято.', 'slot taken');
    expect(toBridgeError(softrustError(err))).toEqual({ kind: 'validation', problem: 'slotTaken', shown: null, httpStatus: 400 });
  });

  it('a refusal no table knows shows the MIS\'s own words, cut to a sane length', () => {
    const err = new ApiError('validation', 400, '4999', `Отказано: ${'очень длинная причина '.repeat(40)}`, 'refused');
    const e = toBridgeError(softrustError(err));
    expect(e.problem).toBe('refused');
    expect(e.shown!.length).toBeLessThanOrEqual(201);
    expect(e.shown!.endsWith('…')).toBe(true);
  });

  it('failures of the kiosk itself carry their own problem and nothing of the MIS', () => {
    expect(toBridgeError(new BookingNotConfirmedError('x'))).toMatchObject({ problem: 'bookingNotConfirmed', shown: null });
    expect(toBridgeError(new SessionError('x'))).toMatchObject({ kind: 'session', problem: 'sessionEnded' });
    expect(toBridgeError(new PrinterUnavailableError('reprintUsed'))).toMatchObject({ kind: 'printer', problem: 'reprintUsed' });
    expect(toBridgeError(new Error('boom'))).toMatchObject({ kind: 'internal', problem: 'internal' });
  });
});
