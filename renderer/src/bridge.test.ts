// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import type { KioskBridge } from '../../electron/common/bridge-contract';
import { bridgeFromWindow, hardenBridge } from './bridge';

const raw = (over: Record<string, unknown>) => over as unknown as KioskBridge;

describe('bridge', () => {
  afterEach(() => {
    delete window.kiosk;
  });

  it('passes envelopes through', async () => {
    const b = hardenBridge(raw({ endSession: async () => ({ ok: true, value: null }) }));
    expect(await b.endSession({})).toEqual({ ok: true, value: null });
  });

  it('turns a thrown call into a network error', async () => {
    const b = hardenBridge(
      raw({
        listReferrals: async () => {
          throw new Error('ipc closed');
        },
      }),
    );
    const r = await b.listReferrals({});
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.kind).toBe('network');
  });

  it('turns a malformed answer into a protocol error', async () => {
    const b = hardenBridge(raw({ listReferrals: async () => [1, 2, 3] }));
    const r = await b.listReferrals({});
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.kind).toBe('protocol');
  });

  it('fills missing optional error fields', async () => {
    const b = hardenBridge(raw({ book: async () => ({ ok: false, error: { kind: 'validation', problem: 'slotTaken' } }) }));
    const r = await b.book({
      referralGuid: '5b0c8f0e-0000-4000-8000-000000000d01',
      lpuGuid: '3c1e7b2a-0000-4000-8000-000000000002',
      resourceGuid: 'a1f0c6d2-0000-4000-8000-0000000000d1',
      date: '2026-11-27',
      time: '09:00',
    });
    expect(r).toEqual({ ok: false, error: { kind: 'validation', problem: 'slotTaken', shown: null, httpStatus: null } });
  });

  it('finds no bridge when the host injected none', () => {
    expect(bridgeFromWindow()).toBeNull();
    window.kiosk = raw({});
    expect(bridgeFromWindow()).not.toBeNull();
  });
});
