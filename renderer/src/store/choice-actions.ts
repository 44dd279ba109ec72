// The patient's choices in the flow: referral, clinic, doctor, day, time. Each checks that the
// option is really offered, then moves on through the flow (navigation.ts), which loads what the
// next screen needs. The same function serves a tap, a single option passed by, and choosing
// again after fresh data.
import { flowContext, lastOfStep, specialityKey } from './flow';
import type { StoreKit } from './kit';
import type { Chooser, EnterOptions } from './navigation';
import type { FlowActions, Screen } from './types';

type ChoiceActions = Pick<FlowActions, 'chooseReferral' | 'chooseSpeciality' | 'chooseClinic' | 'chooseResource' | 'chooseDay' | 'chooseTime'>;

export function createChoiceActions({ get, nav }: StoreKit): { actions: ChoiceActions; choose: Chooser } {
  const byScreen: Partial<Record<Screen, (id: string, opts: EnterOptions) => Promise<boolean>>> = {
    async referrals(guid, opts) {
      const referral = get().referrals.find((x) => x.guid === guid);
      if (!referral || !referral.bookable) return false;
      // By number, the referral is found on the surname screen: the flow goes on from there.
      await nav.advance(lastOfStep('referrals', flowContext(get()).mode), { referral }, opts);
      return true;
    },
    async specialities(key, opts) {
      const speciality = get().specialities.find((s) => specialityKey(s) === key);
      if (!speciality) return false;
      // The speciality comes with its clinic: the rest of the flow reads the clinic as by referral.
      await nav.advance('specialities', { speciality, clinic: { ...speciality.clinic, online: true, statusText: null } }, opts);
      return true;
    },
    async clinics(guid, opts) {
      const clinic = get().clinics.find((c) => c.guid === guid);
      if (!get().referral || !clinic || !clinic.online) return false;
      await nav.advance('clinics', { clinic }, opts);
      return true;
    },
    async resources(guid, opts) {
      const resource = get().resources.find((x) => x.resourceGuid === guid);
      if (!resource || resource.days.length === 0) return false;
      await nav.advance('resources', { resource, day: null, slot: null }, opts);
      return true;
    },
    async days(date, opts) {
      const day = get().resource?.days.find((d) => d.date === date);
      if (!day || day.slots.length === 0) return false;
      await nav.advance('days', { day: date, slot: null }, opts);
      return true;
    },
    async times(time, opts) {
      const { resource, day } = get();
      const slot = resource?.days.find((d) => d.date === day)?.slots.find((s) => s.time === time);
      if (!slot) return false;
      await nav.advance('times', { slot }, opts);
      return true;
    },
  };

  const choose: Chooser = (screen, id, opts) => byScreen[screen]?.(id, opts) ?? Promise.resolve(false);
  // A tap while an answer is awaited is the same tap again, or meant for the screen before.
  const tap = (screen: Screen) => async (id: string) => {
    if (get().busy) return;
    await choose(screen, id, {});
  };

  return {
    choose,
    actions: {
      chooseReferral: tap('referrals'),
      chooseSpeciality: tap('specialities'),
      chooseClinic: tap('clinics'),
      chooseResource: tap('resources'),
      chooseDay: tap('days'),
      chooseTime: tap('times'),
    },
  };
}
