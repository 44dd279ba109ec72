import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/api-error';
import { silentLogger } from '../ports';
import { SessionError } from '../session/session-error';
import { createDispatcher, type BridgeImpl } from './dispatcher';

const ticket = {
  ticketGuid: 'c2d4e6f8-1a3b-4c5d-8e9f-a0b1c2d3e4f5', number: '037.91', room: '214', floor: 2,
  beginTime: '2026-11-27T09:15:00+03:00', endTime: '2026-11-27T09:30:00+03:00',
  doctorName: 'Петров П.П.', doctorRole: 'Врач-кардиолог', speciality: 'Кардиология', resType: 'Doctor',
  clinic: { guid: '3c1e7b2a-0000-4000-8000-000000000002', name: 'ОКДЦ', fullName: 'ГБУЗ «ОКДЦ»', address: 'ул. Ленина, 1', phone: '8-496' },
  bookedAt: null,
};

const BOOK = {
  referralGuid: '5b0c8f0e-0000-4000-8000-000000000d01',
  lpuGuid: '3c1e7b2a-0000-4000-8000-000000000002',
  resourceGuid: 'a1f0c6d2-0000-4000-8000-0000000000d1',
  date: '2026-11-27',
  time: '09:15',
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
      ok: false, error: { kind: 'input', problem: 'badInput', shown: null },
    });
    expect(await d('identify', null)).toMatchObject({ ok: false, error: { kind: 'input' } });
    expect(await d('identify', Object.create({ policy: '5000000000000001', birthDate: '1980-01-15' }))).toMatchObject({
      ok: false, error: { kind: 'input' },
    });
    expect(await d('identify', { policy: '5000000000000001', birthDate: '1980-02-30' })).toMatchObject({
      ok: false, error: { kind: 'input', problem: 'badInput' },
    });
    expect(called).toBe(false);
    expect(await d('identify', { policy: '5000000000000001', birthDate: '1980-01-15' })).toMatchObject({ ok: true });
  });

  it('no argument is «no fields» for the methods that take none', async () => {
    const d = createDispatcher(impl({ endSession: async () => null }), silentLogger);
    expect(await d('endSession', undefined)).toEqual({ ok: true, value: null });
    expect(await d('endSession', { extra: 1 })).toMatchObject({ ok: false, error: { kind: 'input' } });
  });

  it('strips anything the contract does not name, such as a token', async () => {
    const d = createDispatcher(impl({ book: async () => ({ ...ticket, token: 'SECRET', codToken: 'SECRET' }) as never }), silentLogger);
    const r = await d('book', BOOK);
    expect(r.ok).toBe(true);
    expect(JSON.stringify(r)).not.toContain('SECRET');
  });

  it('an output that breaks the contract becomes an internal error, not a leak', async () => {
    const d = createDispatcher(impl({ listReferrals: async () => [{ guid: 1 }] as never }), silentLogger);
    expect(await d('listReferrals', {})).toMatchObject({ ok: false, error: { kind: 'internal' } });
  });

  it('carries the kiosk\'s problem, never the MIS\'s code or text', async () => {
    const msg = 'Это время уже занято. Выберите другое свободное время приема.';
    const d = createDispatcher(impl({ book: async () => { throw new ApiError('validation', 400, '4009', msg, 'x').as('slotTaken'); } }), silentLogger);
    const r = await d('book', BOOK);
    expect(r).toEqual({ ok: false, error: { kind: 'validation', problem: 'slotTaken', shown: null, httpStatus: 400 } });
  });

  it('network and session failures have problems of their own', async () => {
    const d = createDispatcher(
      impl({
        listReferrals: async () => { throw new ApiError('network', null, null, null, 'ECONNREFUSED'); },
        listAppointments: async () => { throw new SessionError('x'); },
      }),
      silentLogger,
    );
    expect(await d('listReferrals', {})).toMatchObject({ ok: false, error: { kind: 'network', problem: 'misUnreachable' } });
    expect(await d('listAppointments', {})).toMatchObject({ ok: false, error: { kind: 'session', problem: 'sessionEnded' } });
  });
});
