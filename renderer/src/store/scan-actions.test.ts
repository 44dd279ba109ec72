// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import type { Envelope, KioskBridge, KioskInfo, ScanEvent } from '../../../electron/common/bridge-contract';
import { createFlowStore } from './flow-store';

const ok = <T,>(value: T): Promise<Envelope<T>> => Promise.resolve({ ok: true, value });
const info: KioskInfo = {
  kioskId: 'k1', demo: false, timeZone: 'Europe/Moscow', idleSeconds: 60, typingIdleSeconds: 120, countdownSeconds: 20, ticketSeconds: 30, ticketUnprintedSeconds: 90, repeatGuardMs: 150, pickerGuardMs: 400, spillGuardMs: 300,
  orientation: 'auto', reach: { offered: true, pictureHeightM: 0.71, bottomEdgeM: 0.8, maxReachM: 1.2 }, language: 'ru', printerEnabled: true, reprintLimit: 1, bookingWaitSeconds: 60, scanner: 'serial', clinicPhone: '', misRetryMinutes: 5, scannerPlace: 'below',
  voice: { enabled: false, engine: 'auto', rate: 90, volume: 100, kioskEngine: false },
  mis: { listReferrals: true, referralByNumber: false, visits: true, cancel: true, clientApplicationCheck: true, selfBooking: false, reschedule: false, waitingList: false },
};

function bridgeWith(scans: Array<ScanEvent | null>, over: Partial<KioskBridge> = {}): KioskBridge {
  const queue = [...scans];
  const none = () => ok(null);
  return {
    kioskInfo: vi.fn(() => ok(info)),
    identify: vi.fn(() => ok({ policyMasked: '••••0001' })),
    listReferrals: vi.fn(() => ok([])),
    listClinics: vi.fn(() => ok([])),
    listSchedule: vi.fn(() => ok([])),
    book: vi.fn(),
    listAppointments: vi.fn(() => ok([])),
    cancelAppointment: vi.fn(),
    printTicket: vi.fn(),
    printStatus: vi.fn(),
    endSession: vi.fn(none),
    reportError: vi.fn(none),
    takeScan: vi.fn(() => ok(queue.shift() ?? null)),
    identifyScanned: vi.fn(() => ok({ policyMasked: '••••0001' })),
    scanKeys: vi.fn(none),
    ...over,
  } as KioskBridge;
}

async function booted(bridge: KioskBridge) {
  const store = createFlowStore(bridge);
  await store.getState().boot();
  return store;
}

describe('scans in the flow', () => {
  it('a paper policy on Welcome identifies in one step and lands on the referrals, without identify() from the screen', async () => {
    const bridge = bridgeWith([{ kind: 'policy', policyMasked: '••••0001', expiresOn: null }]);
    const store = await booted(bridge);
    await store.getState().pollScan();
    expect(bridge.identifyScanned).toHaveBeenCalledTimes(1);
    expect(bridge.identify).not.toHaveBeenCalled();
    expect(store.getState().screen).toBe('referrals');
    expect(store.getState().patient).toEqual({ policyMasked: '••••0001' });
  });

  it('an ENP-only scan fills the policy, clears the birth date and asks for it', async () => {
    const store = await booted(bridgeWith([{ kind: 'enp', policy: '5000000000000005' }]));
    store.getState().start();
    store.getState().setDraft({ policy: '12', day: '1', month: '', year: '' });
    await store.getState().pollScan();
    const s = store.getState();
    expect(s.screen).toBe('identify');
    expect(s.draft).toEqual({ policy: '5000000000000005', day: '', month: '', year: '' });
    expect(s.scanNotice).toEqual({ id: 'scan.enpRead' });
  });

  it('an unreadable scan says so on the policy field', async () => {
    const store = await booted(bridgeWith([{ kind: 'unrecognised' }]));
    await store.getState().pollScan();
    expect(store.getState().screen).toBe('identify');
    expect(store.getState().identifyProblem).toEqual({ field: 'policy', message: { id: 'scan.unreadable' } });
  });

  it('an expired policy is shown as expired with the registry as the next step, and nobody is identified', async () => {
    const bridge = bridgeWith([{ kind: 'expired', policyMasked: '••••0001', expiredOn: '2020-12-31' }]);
    const store = await booted(bridge);
    await store.getState().pollScan();
    const e = store.getState().error!;
    expect(e.step).toBe('registry');
    expect(e.message).toEqual({ id: 'scan.expired', params: { date: '31.12.2020' } });
    expect(bridge.identifyScanned).not.toHaveBeenCalled();
  });

  it('past Identify (another patient choosing a referral) the screen does not even ask for scans', async () => {
    const bridge = bridgeWith([{ kind: 'policy', policyMasked: '••••0002', expiresOn: null }]);
    const store = await booted(bridge);
    store.setState({ screen: 'referrals' });
    await store.getState().pollScan();
    expect(bridge.takeScan).not.toHaveBeenCalled();
  });

  it('no scanner configured: no polling at all', async () => {
    const bridge = bridgeWith([], { kioskInfo: vi.fn(() => ok({ ...info, scanner: 'none' as const })) });
    const store = await booted(bridge);
    await store.getState().pollScan();
    expect(bridge.takeScan).not.toHaveBeenCalled();
  });

  it('keyboard-wedge digits go to the core and the result is taken at once', async () => {
    const bridge = bridgeWith([{ kind: 'enp', policy: '5000000000000005' }]);
    const store = await booted(bridge);
    await store.getState().sendScanKeys('5000000000000005');
    expect(bridge.scanKeys).toHaveBeenCalledWith({ digits: '5000000000000005' });
    expect(store.getState().draft.policy).toBe('5000000000000005');
  });
});
