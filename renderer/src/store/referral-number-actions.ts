// Finding the referral by its number and the patient's surname, for an MIS that cannot list a
// patient's referrals (capabilities.referralByNumber, read through flow.ts's referralMode). The
// found referral goes on exactly like one picked from the list (chooseReferral). A refusal —
// not found, wrong surname, the MIS not answering — is a calm line on the same screen with what
// was typed kept; only a lost session goes to the error panel, because there nothing typed helps.
import type { Envelope, KioskBridge } from '../../../electron/common/bridge-contract';
import { nextStepFor } from '../../../electron/common/next-step';
import { numberProblem, surnameForLookup, surnameProblem } from '../logic/referral-query';
import { NOTHING_CHOSEN } from './choices';
import type { FlowState } from './types';

export interface ReferralNumberDeps {
  bridge: KioskBridge;
  get: () => FlowState;
  set: (partial: Partial<FlowState>) => void;
  call: <T>(op: () => Promise<Envelope<T>>) => Promise<Envelope<T> | null>;
}

export const EMPTY_REFERRAL_QUERY = { number: '', surname: '' } as const;

/** Where the referral step starts in number mode: what the chosen referral left behind is cleared. */
export const REFERRAL_ENTRY = {
  ...NOTHING_CHOSEN,
  referralProblem: null,
  screen: 'referralNumber',
} satisfies Partial<FlowState>;

export function createReferralNumberActions({ bridge, get, set, call }: ReferralNumberDeps) {
  return {
    setReferralNumber(number: string) {
      set({ referralQuery: { ...get().referralQuery, number }, referralProblem: null });
    },

    submitReferralNumber() {
      const problem = numberProblem(get().referralQuery.number);
      if (problem) return set({ referralProblem: { on: 'referralNumber', message: problem } });
      set({ referralProblem: null, screen: 'referralSurname' });
    },

    setSurname(surname: string) {
      set({ referralQuery: { ...get().referralQuery, surname }, referralProblem: null });
    },

    async findReferral() {
      if (get().busy) return;
      const { number, surname } = get().referralQuery;
      const numberIssue = numberProblem(number);
      if (numberIssue) return set({ screen: 'referralNumber', referralProblem: { on: 'referralNumber', message: numberIssue } });
      const surnameIssue = surnameProblem(surname);
      if (surnameIssue) return set({ referralProblem: { on: 'referralSurname', message: surnameIssue } });
      set({ referralProblem: null });
      const r = await call(() => bridge.findReferral({ number, surname: surnameForLookup(surname) }));
      if (!r) return;
      if (!r.ok) {
        if (r.error.kind === 'session' || r.error.kind === 'auth') {
          return set({ error: { error: r.error, step: nextStepFor(r.error), retry: null } });
        }
        return set({ referralProblem: { on: 'referralSurname', message: r.error.message } });
      }
      const found = r.value;
      if (!found.bookable) {
        return set({ referralProblem: { on: 'referralSurname', message: found.reason ?? 'По этому направлению записаться нельзя.' } });
      }
      set({ referrals: [found] });
      await get().chooseReferral(found.guid);
    },
  };
}
