// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import type { Clinic, Envelope, KioskBridge } from '../../../electron/common/bridge-contract';
import { refusingServiceBridge } from '../service/service-bridge-stub';
import { FLOW, STEP_COUNT, canGoBack, firstReferralScreen, nextScreen, previousScreen, referralMode, stepOf, type FlowContext, type FlowStep } from './flow';
import { createFlowStore } from './flow-store';
import type { Screen } from './types';

const clinic = (guid: string, online = true): Clinic => ({
  guid,
  name: guid,
  fullName: guid,
  address: 'ул. Ленина, 1',
  phone: '',
  online,
  statusText: online ? null : 'нет связи',
});

const ctx = (clinics: Clinic[] = [], mode: 'list' | 'number' = 'list', intent: 'book' | 'appointments' = 'book'): FlowContext => ({
  clinics,
  resources: [],
  resource: null,
  referral: null,
  clinic: null,
  day: null,
  slot: null,
  intent,
  mode,
});

describe('the flow definition', () => {
  it('shows the same total on every step, with no gaps', () => {
    const steps = FLOW.map((s) => stepOf(s.screen)!);
    expect(new Set(steps.map((s) => s.total))).toEqual(new Set([STEP_COUNT]));
    expect(STEP_COUNT).toBe(7);
    expect([...new Set(steps.map((s) => s.step))]).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(stepOf('clinics')).toEqual({ step: 3, total: 7, label: 'step.clinic' });
    expect(stepOf('resources')).toEqual({ step: 3, total: 7, label: 'step.doctor' });
  });

  it('counts neither Welcome nor «Мои записи» as a step', () => {
    expect(stepOf('welcome')).toBeNull();
    expect(stepOf('appointments')).toBeNull();
  });

  it('passes the clinic screen by only for one clinic that takes bookings', () => {
    const only = FLOW.find((s) => s.screen === 'clinics')!.only!;
    expect(only(ctx([clinic('a')]))).toBe('a');
    expect(only(ctx([clinic('a', false)]))).toBeNull();
    expect(only(ctx([clinic('a'), clinic('b')]))).toBeNull();
    expect(only(ctx([clinic('a'), clinic('b', false)]))).toBeNull();
    expect(only(ctx([]))).toBeNull();
  });

  it('goes forward in order, the intent\'s own way from Identify', () => {
    const walk = (c: FlowContext) => {
      const trail: Screen[] = [];
      for (let s: Screen | null = 'identify'; s; s = nextScreen(s, c)) trail.push(s);
      return trail;
    };
    expect(walk(ctx())).toEqual(['identify', 'referrals', 'clinics', 'resources', 'days', 'times', 'confirm', 'ticket']);
    expect(walk(ctx([], 'number'))).toEqual(['identify', 'referralNumber', 'referralSurname', 'clinics', 'resources', 'days', 'times', 'confirm', 'ticket']);
    expect(nextScreen('identify', ctx([], 'list', 'appointments'))).toBe('appointments');
  });

  it('Back walks the flow in reverse, past a clinic screen that was no choice', () => {
    const walk = (clinics: Clinic[]) => {
      const trail: Screen[] = [];
      let s: Screen | null = 'confirm';
      while (s && s !== 'welcome') {
        s = previousScreen(s, ctx(clinics));
        if (s) trail.push(s);
      }
      return trail;
    };
    expect(walk([clinic('a'), clinic('b')])).toEqual(['times', 'days', 'resources', 'clinics', 'referrals', 'identify', 'welcome']);
    expect(walk([clinic('a')])).toEqual(['times', 'days', 'resources', 'referrals', 'identify', 'welcome']);
    expect(previousScreen('resources', ctx([clinic('a', false)]))).toBe('clinics');
  });

  it('has no way back from the ticket or Welcome; «Мои записи» leads to the referrals', () => {
    expect(previousScreen('ticket', ctx())).toBeNull();
    expect(canGoBack('ticket', ctx())).toBe(false);
    expect(canGoBack('welcome', ctx())).toBe(false);
    expect(canGoBack('identify', ctx())).toBe(true);
    expect(previousScreen('appointments', ctx())).toBe('referrals');
  });

  it('asks for the referral number and surname only where the MIS cannot list referrals', () => {
    const caps = (listReferrals: boolean, referralByNumber: boolean) => ({ listReferrals, referralByNumber });
    expect(referralMode(caps(false, true))).toBe('number');
    expect(referralMode(caps(true, false))).toBe('list');
    // Both: the list, nothing to type.
    expect(referralMode(caps(true, true))).toBe('list');
    expect(referralMode(null)).toBe('list');
  });

  it('by number, the referral is still step 2 of 7, over two screens; Back walks them and skips the list', () => {
    expect(stepOf('referralNumber')).toEqual({ step: 2, total: 7, label: 'step.referralNumber' });
    expect(stepOf('referralSurname')).toEqual({ step: 2, total: 7, label: 'step.surname' });
    const trail: Screen[] = [];
    let s: Screen | null = 'confirm';
    while (s && s !== 'welcome') {
      s = previousScreen(s, ctx([clinic('a')], 'number'));
      if (s) trail.push(s);
    }
    expect(trail).toEqual(['times', 'days', 'resources', 'referralSurname', 'referralNumber', 'identify', 'welcome']);
    expect(previousScreen('appointments', ctx([], 'number'))).toBe('referralNumber');
    expect(firstReferralScreen('number')).toBe('referralNumber');
    expect(previousScreen('clinics', ctx([clinic('a'), clinic('b')], 'list'))).toBe('referrals');
  });
});

// ---------- the store follows the definition ----------

const ok = <T,>(value: T): Promise<Envelope<T>> => Promise.resolve({ ok: true, value });
const referral = { guid: 'r1', number: '1', type: 'Consultation', title: 'Кардиология', issuedBy: 'П-ка', senderDoctor: null, issuedAt: null, validUntil: null, status: 'Active' as const, bookable: true, ticket: null };
const ticket = {
  ticketGuid: 't-1', number: '1', room: '1', floor: 1, beginTime: '2026-11-27T09:15:00+03:00', endTime: '2026-11-27T09:30:00+03:00',
  doctorName: 'Д', doctorRole: '', speciality: '', resType: 'Doctor', clinic: { guid: 'c1', name: 'c', fullName: 'c', address: '', phone: '' }, bookedAt: null,
};
const doctor = { resourceGuid: 'd1', resType: 'Doctor' as const, name: 'Д', role: '', speciality: '', room: '1', floor: 1, days: [{ date: '2026-11-27', slots: [{ time: '09:15', beginTime: '2026-11-27T09:15:00+03:00', endTime: '2026-11-27T09:30:00+03:00', timeTableGuid: 'x' }] }] };

function bridge(): KioskBridge {
  return {
    kioskInfo: vi.fn(() => ok({ kioskId: 'k', demo: false, timeZone: 'Europe/Moscow', idleSeconds: 60, countdownSeconds: 20, orientation: 'auto' as const, language: 'ru' as const, printerEnabled: true, reprintLimit: 1, scanner: 'none' as const, mis: { listReferrals: true, referralByNumber: false, visits: true, cancel: true, clientApplicationCheck: true } })),
    identify: vi.fn(() => ok({ policyMasked: '••••0001' })),
    listReferrals: vi.fn(() => ok([referral])),
    findReferral: vi.fn(() => ok(referral)),
    listClinics: vi.fn(() => ok([clinic('c1'), clinic('c2')])),
    listSchedule: vi.fn(() => ok([doctor])),
    book: vi.fn(() => ok(ticket)),
    listAppointments: vi.fn(() => ok([ticket])),
    cancelAppointment: vi.fn(() => ok(null)),
    printTicket: vi.fn(() => ok({ jobId: 'j', state: 'printed' as const, fault: null, reprintsLeft: 1, canPrintAgain: true })),
    printStatus: vi.fn(() => ok({ jobId: 'j', state: 'printed' as const, fault: null, reprintsLeft: 1, canPrintAgain: true })),
    endSession: vi.fn(() => ok(null)),
    reportError: vi.fn(() => ok(null)),
    takeScan: vi.fn(() => ok(null)),
    identifyScanned: vi.fn(() => ok({ policyMasked: '••••0001' })),
    scanKeys: vi.fn(() => ok(null)),
    kioskHealth: vi.fn(() => ok({ printer: 'ready' as const, mis: 'ok' as const, checkedAt: null })),
    ...refusingServiceBridge(),
  };
}

async function identified(flow: readonly FlowStep[]) {
  const b = bridge();
  const store = createFlowStore(b, { now: () => Date.parse('2026-11-27T01:00:00+03:00'), flow });
  await store.getState().boot();
  store.getState().start();
  store.getState().setDraft({ policy: '5000000000000001', day: '05', month: '03', year: '1956' });
  await store.getState().submitIdentify();
  return { store, b };
}

describe('navigation follows the flow definition', () => {
  it('a screen inserted into the definition is shown in its place, with its data, and Back and the steps follow', async () => {
    // A clinic that shows a patient their bookings before the referrals: «Мои записи» as step 2.
    const flow: FlowStep[] = FLOW.map((s) => (s.step >= 2 ? { ...s, step: s.step + 1 } : s));
    flow.splice(1, 0, { screen: 'appointments', step: 2, label: 'action.myAppointments' });
    const { store, b } = await identified(flow);
    expect(store.getState().screen).toBe('appointments');
    expect(b.listAppointments).toHaveBeenCalledTimes(1);
    expect(b.listReferrals).not.toHaveBeenCalled();
    await store.getState().loadReferrals();
    expect(store.getState().screen).toBe('referrals');
    await store.getState().chooseReferral('r1');
    expect(store.getState().screen).toBe('clinics');
    store.getState().back();
    expect(store.getState().screen).toBe('referrals');
    store.getState().back();
    expect(store.getState().screen).toBe('appointments');
    store.getState().back();
    expect(store.getState().screen).toBe('identify');
    expect(stepOf('referrals', flow)).toEqual({ step: 3, total: 8, label: 'step.referral' });
  });

  it('a screen moved in the definition moves in the store: Confirm put before Times comes right after Days', async () => {
    // Times before Days makes no sense for a kiosk, but the store must follow whatever order it is
    // given: with Confirm moved before Times, choosing a day leads to Confirm.
    const flow = [...FLOW];
    const confirm = flow.splice(flow.findIndex((s) => s.screen === 'confirm'), 1)[0]!;
    flow.splice(flow.findIndex((s) => s.screen === 'times'), 0, confirm);
    const { store } = await identified(flow);
    await store.getState().chooseReferral('r1');
    await store.getState().chooseClinic('c1');
    await store.getState().chooseResource('d1');
    await store.getState().chooseDay('2026-11-27');
    expect(store.getState().screen).toBe('confirm');
    store.getState().back();
    expect(store.getState().screen).toBe('days');
  });
});
