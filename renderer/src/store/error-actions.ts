// The error panel: a failed bridge call becomes the kiosk's sentence for its problem and the
// next step from the one table (common/next-step.ts); the patient's answer on the panel is
// carried out here.
import type { BridgeError } from '../../../electron/common/bridge-contract';
import { msg } from '../../../electron/common/i18n/catalog';
import { nextStepFor } from '../../../electron/common/next-step';
import type { StoreKit } from './kit';
import type { FlowActions, FlowError } from './types';

/** The panel's contents for a bridge error. */
export function flowErrorOf(error: BridgeError, retry: (() => Promise<void>) | null): FlowError {
  return { problem: error.problem, message: msg(`problem.${error.problem}`), shown: error.shown, step: nextStepFor(error), retry };
}

/** `kit.nav` is read when the panel is answered: navigation is made after the error panel (it reports its failures here). */
export function createErrorActions(kit: StoreKit): Pick<FlowActions, 'resolveError'> & { fail: StoreKit['fail'] } {
  const { get, set } = kit;
  return {
    fail(error, retry) {
      set({ error: flowErrorOf(error, retry) });
    },

    async resolveError(choice) {
      const current = get().error;
      set({ error: null });
      switch (choice) {
        case 'retry':
          if (current?.retry) await current.retry();
          return;
        case 'pickTime':
          return get().reloadSchedule();
        case 'pickDoctor':
          // A reschedule keeps its doctor: another appointment is chosen in «Мои записи».
          if (get().intent === 'reschedule') return get().showAppointments();
          return kit.nav.returnTo('resources');
        case 'appointments':
          return get().showAppointments();
        case 'referrals':
          if (get().intent === 'reschedule') return get().showAppointments();
          return kit.nav.toReferrals();
        case 'waitlist':
          return get().offerWaitlist('noSlots');
        case 'identify':
          return kit.nav.returnTo('identify');
        case 'finish':
          return get().endSession();
      }
    },
  };
}
