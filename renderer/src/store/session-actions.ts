// The kiosk between patients: start-up, Welcome's choices (what the patient came for, large
// print, reach mode, language), the pre-flight health it polls, and the end of a session — which wipes
// everything of the patient's, their display mode, reach mode and language included.
import { DEFAULT_LOCALE } from '../../../electron/common/i18n/locales';
import type { Calls } from './calls';
import { FLOW, FLOWS } from './flow';
import type { StoreKit } from './kit';
import { NORMAL_DISPLAY, type FlowActions, type FlowData, type FlowState } from './types';

type SessionActions = Pick<
  FlowActions,
  'boot' | 'start' | 'refreshHealth' | 'cancelWait' | 'toggleDisplay' | 'toggleReach' | 'setLanguage' | 'endSession' | 'askRestart' | 'dismissRestart' | 'reportCrash' | 'notePatientInput'
>;

/** Whether the patient has anything to lose: identified, or something typed or chosen. */
function somethingEntered(s: FlowState): boolean {
  const d = s.draft;
  return (
    s.patient !== null ||
    Boolean(d.policy || d.day || d.month || d.year) ||
    Boolean(s.referralQuery.number || s.referralQuery.surname) ||
    Boolean(s.waitlist?.phone)
  );
}

/** At most one «someone is here» a few seconds: enough for the core's quiet check (minutes). */
export const PATIENT_INPUT_EVERY_MS = 5_000;

export function createSessionActions(
  { bridge, get, set, call, nav, now }: StoreKit,
  calls: Pick<Calls, 'newSession' | 'abandonWaits'>,
  patientData: Omit<FlowData, 'info' | 'health' | 'startup' | 'busy' | 'waitCancellable' | 'bookingUnderWay' | 'restartAsked' | 'display' | 'language' | 'voice' | 'reach' | 'osVoices'>,
): SessionActions {
  let lastInputSent = Number.NEGATIVE_INFINITY;
  return {
    async boot() {
      set({ startup: { phase: 'loading' } });
      const r = await call(() => bridge.kioskInfo({}));
      if (!r) return;
      if (!r.ok) set({ startup: { phase: 'failed', problem: r.error.problem } });
      else set({ info: r.value, startup: { phase: 'ready' }, language: r.value.language });
    },

    start(intent = 'book') {
      // The notice on Welcome said the MIS is down: nothing after Identify would work.
      if (get().health?.mis === 'down') return;
      void nav.land((FLOWS[intent][0] ?? FLOW[0]!).screen, { ...patientData, intent });
    },

    async refreshHealth() {
      // Not through `call`: a background read must neither cover the screen nor count as busy.
      const r = await bridge.kioskHealth({}).catch(() => null);
      if (r && r.ok) set({ health: r.value });
    },

    cancelWait() {
      if (!get().waitCancellable) return;
      calls.abandonWaits();
    },

    toggleDisplay() {
      const on = get().display.print === 'large';
      set({ display: on ? NORMAL_DISPLAY : { print: 'large', contrast: 'high' } });
    },

    toggleReach() {
      set({ reach: !get().reach });
    },

    setLanguage(language) {
      set({ language });
    },

    askRestart() {
      if (get().bookingUnderWay) return;
      // The ticket is final: starting over there loses nothing.
      if (get().screen === 'ticket' || get().screen === 'waitlistDone' || !somethingEntered(get())) return get().endSession();
      set({ restartAsked: true });
    },

    dismissRestart() {
      set({ restartAsked: false });
    },

    endSession() {
      // A booking under way is never abandoned: its outcome (the ticket or the error) comes
      // first, within its bound. «Начать заново» is greyed meanwhile; the idle timer waits too.
      if (get().bookingUnderWay) return;
      calls.newSession();
      set({
        ...patientData,
        busy: false,
        waitCancellable: false,
        bookingUnderWay: false,
        restartAsked: false,
        display: NORMAL_DISPLAY,
        language: get().info?.language ?? DEFAULT_LOCALE,
        voice: false,
        reach: false,
      });
      // The session dies on our side at once; the server is told in the background and a
      // failure there changes nothing for the next patient.
      void bridge.endSession({}).catch(() => undefined);
    },

    notePatientInput() {
      const at = now();
      if (at - lastInputSent < PATIENT_INPUT_EVERY_MS) return;
      lastInputSent = at;
      // Not through `call`: it must neither cover the screen nor count as a wait.
      void bridge.patientInput({}).catch(() => undefined);
    },

    reportCrash(message, where) {
      void bridge.reportError({ message: message.slice(0, 500), where: where.slice(0, 100) }).catch(() => undefined);
      get().endSession();
    },
  };
}
