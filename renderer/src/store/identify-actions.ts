// Identification: the policy and birth date checked on the screen first (one message, naming the
// box to fix), then the patient and the next screen's data asked for in one wait, so no screen
// is rendered between the two answers.
import { clinicYmd } from '../../../electron/common/clinic-time';
import { checkBirthDate } from '../logic/birth-date';
import { policyProblem } from '../logic/policy';
import type { StoreKit } from './kit';
import type { FlowActions } from './types';

type IdentifyActions = Pick<FlowActions, 'setDraft' | 'submitIdentify'>;

export function createIdentifyActions({ bridge, get, set, call, fail, nav, now }: StoreKit, clinicZone: () => string): IdentifyActions {
  return {
    setDraft(draft) {
      set({ draft, identifyProblem: null });
    },

    async submitIdentify() {
      if (get().busy) return;
      const { draft } = get();
      const policyIssue = policyProblem(draft.policy);
      if (policyIssue) return set({ identifyProblem: { field: 'policy', message: policyIssue } });
      const date = checkBirthDate(draft, clinicYmd(new Date(now()).toISOString(), clinicZone()));
      if (!date.ok) return set({ identifyProblem: { field: date.field, message: date.message } });
      if (get().identifyProblem) set({ identifyProblem: null });
      const to = nav.next('identify');
      if (!to) return;
      const r = await call(async () => {
        const who = await bridge.identify({ policy: draft.policy, birthDate: date.ymd });
        if (!who.ok) return who;
        const data = await nav.prepare(to, { ...get(), patient: who.value });
        return { ok: true as const, value: { patient: who.value, data } };
      });
      if (!r) return;
      if (!r.ok) return fail(r.error, () => get().submitIdentify());
      const { patient, data } = r.value;
      if (!data.ok) {
        set({ patient });
        return fail(data.error, () => nav.enter(to));
      }
      await nav.land(to, { patient, ...data.value });
    },
  };
}
