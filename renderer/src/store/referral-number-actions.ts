// Finding the referral by its number and the patient's surname, for an MIS that cannot list a
// patient's referrals (capabilities.referralByNumber, read through flow.ts's referralMode). The
// found referral goes on exactly like one picked from the list (chooseReferral). A refusal —
// not found, wrong surname, the MIS not answering — is a calm line on the same screen with what
// was typed kept; only a lost session goes to the error panel, because there nothing typed helps.
import { msg, type Msg } from '../../../electron/common/i18n/catalog';
import type { KioskProblem } from '../../../electron/common/problems';
import { numberProblem, surnameForLookup, surnameProblem } from '../logic/referral-query';
import type { StoreKit } from './kit';

export type ReferralNumberDeps = Pick<StoreKit, 'bridge' | 'get' | 'set' | 'call' | 'fail' | 'nav'>;

export const EMPTY_REFERRAL_QUERY = { number: '', surname: '' } as const;

/** A refusal said on the surname screen, where what was typed is kept and can be corrected. */
function lookupMessage(problem: KioskProblem): Msg {
  return problem === 'referralNotFound' ? msg('referralNumber.notFound') : msg(`problem.${problem}`);
}

export function createReferralNumberActions({ bridge, get, set, call, fail, nav }: ReferralNumberDeps) {
  return {
    setReferralNumber(number: string) {
      set({ referralQuery: { ...get().referralQuery, number }, referralProblem: null });
    },

    submitReferralNumber() {
      const problem = numberProblem(get().referralQuery.number);
      if (problem) return set({ referralProblem: { on: 'referralNumber', message: problem } });
      void nav.advance('referralNumber', { referralProblem: null });
    },

    setSurname(surname: string) {
      // Another surname is another lookup: a referral held from the last one is not it.
      set({ referralQuery: { ...get().referralQuery, surname }, referralProblem: null, referrals: [] });
    },

    async findReferral() {
      if (get().busy) return;
      const { number, surname } = get().referralQuery;
      const numberIssue = numberProblem(number);
      if (numberIssue) {
        nav.returnTo('referralNumber');
        return set({ referralProblem: { on: 'referralNumber', message: numberIssue } });
      }
      const surnameIssue = surnameProblem(surname);
      if (surnameIssue) return set({ referralProblem: { on: 'referralSurname', message: surnameIssue } });
      set({ referralProblem: null });
      const r = await call(() => bridge.findReferral({ number, surname: surnameForLookup(surname) }));
      if (!r) return;
      if (!r.ok) {
        if (r.error.kind === 'session' || r.error.kind === 'auth') return fail(r.error, null);
        return set({ referralProblem: { on: 'referralSurname', message: lookupMessage(r.error.problem) } });
      }
      const found = r.value;
      if (!found.bookable) {
        const why = found.status === 'Active' ? msg('referralNumber.notBookable') : msg(`referral.status.${found.status}`);
        return set({ referralProblem: { on: 'referralSurname', message: why } });
      }
      set({ referrals: [found] });
      // An upcoming appointment to its speciality: said here first (heldReferral); the card goes on.
      if (found.upcoming) return;
      await get().chooseReferral(found.guid);
    },
  };
}
