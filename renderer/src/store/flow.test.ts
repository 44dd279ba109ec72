import { describe, expect, it } from 'vitest';
import type { Clinic } from '../../../electron/common/bridge-contract';
import { FLOW, STEP_COUNT, canGoBack, previousScreen, referralMode, skipClinicScreen, stepOf } from './flow';
import type { Screen } from './types';

const clinic = (guid: string, online = true): Clinic => ({
  guid,
  name: guid,
  fullName: guid,
  address: 'ул. Ленина, 1',
  phone: '',
  online,
  statusText: online ? null : 'нет связи',
  worktime: null,
});

describe('the flow definition', () => {
  it('shows the same total on every step, with no gaps', () => {
    const steps = FLOW.map((s) => stepOf(s.screen)!);
    expect(new Set(steps.map((s) => s.total))).toEqual(new Set([STEP_COUNT]));
    expect(STEP_COUNT).toBe(7);
    expect([...new Set(steps.map((s) => s.step))]).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(stepOf('clinics')).toEqual({ step: 3, total: 7, label: 'Поликлиника' });
    expect(stepOf('resources')).toEqual({ step: 3, total: 7, label: 'Врач' });
  });

  it('counts neither Welcome nor «Мои записи» as a step', () => {
    expect(stepOf('welcome')).toBeNull();
    expect(stepOf('appointments')).toBeNull();
  });

  it('skips the clinic screen only for one clinic that takes bookings', () => {
    expect(skipClinicScreen([clinic('a')])).toBe(true);
    expect(skipClinicScreen([clinic('a', false)])).toBe(false);
    expect(skipClinicScreen([clinic('a'), clinic('b')])).toBe(false);
    expect(skipClinicScreen([clinic('a'), clinic('b', false)])).toBe(false);
    expect(skipClinicScreen([])).toBe(false);
  });

  it('Back walks the flow in reverse, past a skipped clinic screen', () => {
    const walk = (clinics: Clinic[]) => {
      const trail: Screen[] = [];
      let s: Screen | null = 'confirm';
      while (s && s !== 'welcome') {
        s = previousScreen(s, clinics);
        if (s) trail.push(s);
      }
      return trail;
    };
    expect(walk([clinic('a'), clinic('b')])).toEqual(['times', 'days', 'resources', 'clinics', 'referrals', 'identify', 'welcome']);
    expect(walk([clinic('a')])).toEqual(['times', 'days', 'resources', 'referrals', 'identify', 'welcome']);
    expect(previousScreen('resources', [clinic('a', false)])).toBe('clinics');
  });

  it('has no way back from the ticket or Welcome; «Мои записи» leads to the referrals', () => {
    expect(previousScreen('ticket', [])).toBeNull();
    expect(canGoBack('ticket')).toBe(false);
    expect(canGoBack('welcome')).toBe(false);
    expect(canGoBack('identify')).toBe(true);
    expect(previousScreen('appointments', [])).toBe('referrals');
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
    expect(stepOf('referralNumber')).toEqual({ step: 2, total: 7, label: 'Номер направления' });
    expect(stepOf('referralSurname')).toEqual({ step: 2, total: 7, label: 'Фамилия' });
    const trail: Screen[] = [];
    let s: Screen | null = 'confirm';
    while (s && s !== 'welcome') {
      s = previousScreen(s, [clinic('a')], 'number');
      if (s) trail.push(s);
    }
    expect(trail).toEqual(['times', 'days', 'resources', 'referralSurname', 'referralNumber', 'identify', 'welcome']);
    expect(previousScreen('appointments', [], 'number')).toBe('referralNumber');
    expect(previousScreen('clinics', [clinic('a'), clinic('b')], 'list')).toBe('referrals');
  });
});
