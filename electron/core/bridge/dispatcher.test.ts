import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/api-error';
import { silentLogger } from '../ports';
import { SessionError } from '../session/session-error';
import { createDispatcher, type BridgeImpl } from './dispatcher';

const ticket = {
  ticketGuid: 't1', number: '037.91', room: '214', floor: 2,
  beginTime: '2026-11-27T09:15:00+03:00', endTime: '2026-11-27T09:30:00+03:00',
  doctorName: 'Петров П.П.', doctorRole: 'Врач-кардиолог', speciality: 'Кардиология', resType: 'Doctor',
  clinic: { guid: 'l2', name: 'ОКДЦ', fullName: 'ГБУЗ «ОКДЦ»', address: 'ул. Ленина, 1', phone: '8-496' },
  bookedAt: null,
};

function impl(over: Partial<BridgeImpl>): BridgeImpl {
  const notUsed = async () => { throw new Error('not used'); };
  return new Proxy(over, { get: (t, k) => (t as Record<string | symbol, unknown>)[k] ?? notUsed }) as BridgeImpl;
}

describe('bridge dispatcher', () => {
  it('refuses unknown methods and bad input without calling the core', async () => {
    let called = false;
    const d = createDispatcher(impl({ identify: async () => { called = true; return { policyMasked: 'x' }; } }), silentLogger);
    expect(await d('__proto__', {})).toMatchObject({ ok: false, error: { kind: 'input' } });
    expect(await d('identify', { policy: '123', birthDate: '1980-01-15' })).toMatchObject({
      ok: false, error: { kind: 'input', message: 'номер полиса — 16 цифр' },
    });
    expect(called).toBe(false);
  });

  it('strips anything the contract does not name, such as a token', async () => {
    const d = createDispatcher(impl({ book: async () => ({ ...ticket, token: 'SECRET', codToken: 'SECRET' }) as never }), silentLogger);
    const r = await d('book', { referralGuid: 'd1', lpuGuid: 'l2', resourceGuid: 'r1', date: '2026-11-27', time: '09:15' });
    expect(r.ok).toBe(true);
    expect(JSON.stringify(r)).not.toContain('SECRET');
  });

  it('an output that breaks the contract becomes an internal error, not a leak', async () => {
    const d = createDispatcher(impl({ listReferrals: async () => [{ guid: 1 }] as never }), silentLogger);
    expect(await d('listReferrals', {})).toMatchObject({ ok: false, error: { kind: 'internal' } });
  });

  it('carries the server message verbatim with its code', async () => {
    const msg = 'Это время уже занято. Выберите другое свободное время приема.';
    const d = createDispatcher(impl({ book: async () => { throw new ApiError('validation', 400, '4009', msg, 'x'); } }), silentLogger);
    const r = await d('book', { referralGuid: 'd1', lpuGuid: 'l2', resourceGuid: 'r1', date: '2026-11-27', time: '09:15' });
    expect(r).toEqual({ ok: false, error: { kind: 'validation', code: '4009', message: msg, httpStatus: 400 } });
  });

  it('network and session failures get our own Russian text', async () => {
    const d = createDispatcher(
      impl({
        listReferrals: async () => { throw new ApiError('network', null, null, null, 'ECONNREFUSED'); },
        listAppointments: async () => { throw new SessionError('x'); },
      }),
      silentLogger,
    );
    expect(await d('listReferrals', {})).toMatchObject({ ok: false, error: { kind: 'network', message: expect.stringContaining('Нет связи') } });
    expect(await d('listAppointments', {})).toMatchObject({ ok: false, error: { kind: 'session' } });
  });
});
