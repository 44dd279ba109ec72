// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import type { Clinic } from '../../../electron/common/bridge-contract';
import { FLOW, STEP_COUNT, canGoBack, firstReferralScreen, nextScreen, previousScreen, referralMode, stepOf, type FlowContext, type FlowStep } from './flow';
import { fakeBridge, ready } from './test-helpers';
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
  speciality: null,
  mode,
  waitFrom: null,
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

async function identified(flow: readonly FlowStep[]) {
  const b = fakeBridge();
  const store = await ready(b, { flow });
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
    await store.getState().chooseClinic('lpu-1');
    await store.getState().chooseResource('doc-1');
    await store.getState().chooseDay('2026-11-27');
    expect(store.getState().screen).toBe('confirm');
    store.getState().back();
    expect(store.getState().screen).toBe('days');
  });
});
