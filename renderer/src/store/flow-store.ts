// The booking flow as one state machine. Every bridge call goes through `call`, which counts
// pending work for the loading overlay and drops answers that arrive after the session was
// ended (idle timeout, «Начать заново»), so a late answer can never resurrect old data.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { BridgeError, Envelope, KioskBridge, Referral } from '../../../electron/common/bridge-contract';
import { nextStepFor } from '../../../electron/common/next-step';
import { clinicYmd } from '../../../electron/common/clinic-time';
import { TEXTS } from '../../../electron/common/texts';
import { EMPTY_DRAFT } from '../logic/identify-draft';
import { policyProblem } from '../logic/policy';
import { checkBirthDate } from '../logic/birth-date';
import { previousScreen, referralMode, skipClinicScreen } from './flow';
import { NOTHING_CHOSEN } from './choices';
import { createScanActions } from './scan-actions';
import { createReferralNumberActions, EMPTY_REFERRAL_QUERY, REFERRAL_ENTRY } from './referral-number-actions';
import { NORMAL_DISPLAY, type AppointmentPrint, type FlowActions, type FlowData, type FlowState, type PrintStatus, type Screen } from './types';

export type FlowStore = StoreApi<FlowState>;

const PATIENT_DATA: Omit<FlowData, 'info' | 'health' | 'startup' | 'busy' | 'waitCancellable' | 'display'> = {
  screen: 'welcome',
  intent: 'book',
  draft: EMPTY_DRAFT,
  identifyProblem: null,
  patient: null,
  referrals: [],
  referralQuery: EMPTY_REFERRAL_QUERY,
  referralProblem: null,
  ...NOTHING_CHOSEN,
  ticket: null,
  print: { phase: 'idle' },
  appointments: [],
  cancelling: null,
  appointmentPrint: null,
  notice: null,
  error: null,
  scanNotice: null,
  scanFill: 0,
};

/** When the core gives no message of its own: the shared printer wording for each state. */
const PRINT_FALLBACK = {
  uncertain: TEXTS.printer.uncertain,
  failed: TEXTS.printer.internal,
  disabled: TEXTS.printer.disabled,
} as const;

export function createFlowStore(
  bridge: KioskBridge,
  opts: { now?: () => number } = {},
): FlowStore {
  const now = opts.now ?? Date.now;
  let epoch = 0;
  /** Bumped by «Отменить» on a long wait: answers to the waits it abandoned are dropped. */
  let waitEpoch = 0;
  let pending = 0;
  /** Pending waits the patient may not abandon (a booking: its outcome must be known). */
  let binding = 0;

  return createStore<FlowState>()((set, get) => {
    function settleBusy(): void {
      set({ busy: pending > 0, waitCancellable: pending > 0 && binding === 0 });
    }

    /**
     * `quiet` calls show their own progress (printing) and must not cover the screen.
     * `binding` calls (booking) cannot be abandoned with «Отменить».
     */
    async function call<T>(op: () => Promise<Envelope<T>>, quiet = false, isBinding = false): Promise<Envelope<T> | null> {
      const mine = epoch;
      const myWait = waitEpoch;
      if (!quiet) {
        pending += 1;
        if (isBinding) binding += 1;
        settleBusy();
      }
      try {
        const answer = await op();
        return mine === epoch && (quiet || myWait === waitEpoch) ? answer : null;
      } finally {
        if (mine === epoch && !quiet && myWait === waitEpoch) {
          pending -= 1;
          if (isBinding) binding -= 1;
          settleBusy();
        }
      }
    }

    /** The referrals screen with a fresh list and nothing chosen yet. */
    function referralList(referrals: Referral[]): Partial<FlowState> {
      return { referrals, ...NOTHING_CHOSEN, screen: 'referrals' };
    }

    function fail(error: BridgeError, retry: (() => Promise<void>) | null): void {
      set({ error: { error, step: nextStepFor(error), retry } });
    }

    function clinicToday(): string {
      const tz = get().info?.timeZone ?? 'Europe/Moscow';
      return clinicYmd(new Date(now()).toISOString(), tz);
    }

    function printed(result: PrintStatus): void {
      set({ print: result });
    }

    // The core decides what «print» and «print again» mean (first print, resend of a failed
    // original, or a copy marked ПОВТОРНАЯ) and whether another attempt may be offered.
    async function print(again: boolean): Promise<void> {
      const ticket = get().ticket;
      if (!ticket) return;
      const before = get().print;
      const known = 'reprintsLeft' in before ? before.reprintsLeft : (get().info?.reprintLimit ?? 0);
      printed({ phase: 'printing', reprintsLeft: known, canPrintAgain: false });
      const r = await call(() => bridge.printTicket({ ticketGuid: ticket.ticketGuid, again }), true);
      if (!r) return;
      if (!r.ok) {
        printed({ phase: 'failed', message: r.error.message, reprintsLeft: known, canPrintAgain: false });
        return;
      }
      const { state, message, reprintsLeft, canPrintAgain } = r.value;
      if (state === 'printed') printed({ phase: 'printed', reprintsLeft, canPrintAgain });
      else printed({ phase: state, message: message ?? PRINT_FALLBACK[state], reprintsLeft, canPrintAgain });
    }

    const actions: FlowActions = {
      async boot() {
        set({ startup: { phase: 'loading' } });
        const r = await call(() => bridge.kioskInfo({}));
        if (!r) return;
        if (!r.ok) set({ startup: { phase: 'failed', message: r.error.message } });
        else set({ info: r.value, startup: { phase: 'ready' } });
      },

      start(intent = 'book') {
        // The notice on Welcome said the MIS is down: nothing after Identify would work.
        if (get().health?.mis === 'down') return;
        set({ ...PATIENT_DATA, intent, screen: 'identify' });
      },

      async refreshHealth() {
        // Not through `call`: a background read must neither cover the screen nor count as busy.
        const r = await bridge.kioskHealth({}).catch(() => null);
        if (r && r.ok) set({ health: r.value });
      },

      cancelWait() {
        if (!get().waitCancellable) return;
        waitEpoch += 1;
        pending = 0;
        binding = 0;
        settleBusy();
      },

      async refreshPrintStatus() {
        const { ticket, print } = get();
        if (!ticket || print.phase === 'idle' || print.phase === 'printing' || print.canPrintAgain) return;
        const r = await call(() => bridge.printStatus({ ticketGuid: ticket.ticketGuid }), true);
        const now = get().print;
        // A tap on «Печать ещё раз» or a new session meanwhile: that answer is the newer truth.
        if (!r || !r.ok || get().ticket?.ticketGuid !== ticket.ticketGuid || now.phase === 'printing' || now.phase === 'idle') return;
        const { state, message, reprintsLeft, canPrintAgain } = r.value;
        if (state === 'printed') printed({ phase: 'printed', reprintsLeft, canPrintAgain });
        else printed({ phase: state, message: message ?? PRINT_FALLBACK[state], reprintsLeft, canPrintAgain });
      },

      async printAppointment(ticketGuid) {
        if (get().appointmentPrint?.phase === 'printing') return;
        set({ appointmentPrint: { ticketGuid, phase: 'printing' }, notice: null });
        // `again`: the core prints the original if this kiosk never printed the ticket, else a
        // copy marked ПОВТОРНАЯ within the reprint limit; the journal decides, not the screen.
        const r = await call(() => bridge.printTicket({ ticketGuid, again: true }), true);
        if (!r) return;
        const result: AppointmentPrint = r.ok
          ? { ticketGuid, phase: r.value.state, message: r.value.state === 'printed' ? null : (r.value.message ?? PRINT_FALLBACK[r.value.state]) }
          : { ticketGuid, phase: 'failed', message: r.error.message };
        set({ appointmentPrint: result });
      },

      setDraft(draft) {
        set({ draft, identifyProblem: null });
      },

      async submitIdentify() {
        if (get().busy) return;
        const { draft } = get();
        const policyIssue = policyProblem(draft.policy);
        if (policyIssue) {
          set({ identifyProblem: { field: 'policy', message: policyIssue } });
          return;
        }
        const date = checkBirthDate(draft, clinicToday());
        if (!date.ok) {
          set({ identifyProblem: { field: date.field, message: date.message } });
          return;
        }
        if (get().identifyProblem) set({ identifyProblem: null });
        // The referral list is asked for in the same wait as the identification: no screen is
        // rendered between the two answers, and the referrals appear in one step.
        const withList = get().intent !== 'appointments' && referralMode(get().info?.mis) === 'list';
        const r = await call(async () => {
          const who = await bridge.identify({ policy: draft.policy, birthDate: date.ymd });
          if (!who.ok) return who;
          return { ok: true as const, value: { patient: who.value, referrals: withList ? await bridge.listReferrals({}) : null } };
        });
        if (!r) return;
        if (!r.ok) return fail(r.error, () => get().submitIdentify());
        const { patient, referrals } = r.value;
        if (!referrals) {
          set({ patient });
          if (get().intent === 'appointments') await get().showAppointments();
          else await get().loadReferrals();
          return;
        }
        if (!referrals.ok) {
          set({ patient });
          return fail(referrals.error, () => get().loadReferrals());
        }
        set({ patient, ...referralList(referrals.value) });
      },

      async loadReferrals() {
        if (get().busy) return;
        // An MIS without a referral list: the patient types the number (kept if typed before).
        if (referralMode(get().info?.mis) === 'number') return set(REFERRAL_ENTRY);
        const r = await call(() => bridge.listReferrals({}));
        if (!r) return;
        if (!r.ok) return fail(r.error, () => get().loadReferrals());
        set(referralList(r.value));
      },

      async chooseReferral(guid) {
        if (get().busy) return;
        const referral = get().referrals.find((x) => x.guid === guid);
        if (!referral || !referral.bookable) return;
        const r = await call(() => bridge.listClinics({ referralGuid: guid }));
        if (!r) return;
        if (!r.ok) return fail(r.error, () => get().chooseReferral(guid));
        set({ referral, clinics: r.value, clinic: null, resources: [], resource: null, day: null, slot: null });
        // The rule lives in flow.ts: a single clinic that takes bookings is no choice at all.
        if (skipClinicScreen(r.value)) await get().chooseClinic(r.value[0]!.guid);
        else set({ screen: 'clinics' });
      },

      async chooseClinic(guid) {
        const { referral, clinics } = get();
        const clinic = clinics.find((c) => c.guid === guid);
        if (!referral || !clinic || !clinic.online || get().busy) return;
        const r = await call(() => bridge.listSchedule({ referralGuid: referral.guid, lpuGuid: clinic.guid }));
        if (!r) return;
        if (!r.ok) return fail(r.error, () => get().chooseClinic(guid));
        set({ clinic, resources: r.value, resource: null, day: null, slot: null, screen: 'resources' });
      },

      chooseResource(guid) {
        const resource = get().resources.find((x) => x.resourceGuid === guid);
        if (!resource || resource.days.length === 0) return;
        set({ resource, day: null, slot: null, screen: 'days' });
      },

      chooseDay(date) {
        const day = get().resource?.days.find((d) => d.date === date);
        if (!day || day.slots.length === 0) return;
        set({ day: date, slot: null, screen: 'times' });
      },

      chooseTime(time) {
        const { resource, day } = get();
        const slot = resource?.days.find((d) => d.date === day)?.slots.find((s) => s.time === time);
        if (!slot) return;
        set({ slot, screen: 'confirm' });
      },

      async book() {
        if (get().busy) return;
        const { referral, clinic, resource, day, slot } = get();
        if (!referral || !clinic || !resource || !day || !slot) return;
        const r = await call(() =>
          bridge.book({
            referralGuid: referral.guid,
            lpuGuid: clinic.guid,
            resourceGuid: resource.resourceGuid,
            date: day,
            time: slot.time,
          }),
          false,
          true,
        );
        if (!r) return;
        if (!r.ok) return fail(r.error, () => get().book());
        set({ ticket: r.value, print: { phase: 'idle' }, screen: 'ticket' });
        // Printed here rather than from the Ticket screen's effect, so it happens exactly once.
        await print(false);
      },

      async reprint() {
        const p = get().print;
        if (get().busy || p.phase === 'idle' || p.phase === 'printing' || !p.canPrintAgain) return;
        await print(true);
      },

      async showAppointments() {
        if (get().busy) return;
        const r = await call(() => bridge.listAppointments({}));
        if (!r) return;
        if (!r.ok) return fail(r.error, () => get().showAppointments());
        set({ appointments: r.value, screen: 'appointments', notice: null });
      },

      askCancel(ticketGuid) {
        const t = get().appointments.find((a) => a.ticketGuid === ticketGuid) ?? null;
        set({ cancelling: t, notice: null });
      },

      dismissCancel() {
        set({ cancelling: null });
      },

      async confirmCancel() {
        const t = get().cancelling;
        if (!t || get().busy) return;
        set({ cancelling: null });
        const r = await call(() => bridge.cancelAppointment({ lpuGuid: t.clinic.guid, ticketGuid: t.ticketGuid }));
        if (!r) return;
        if (!r.ok) return fail(r.error, () => get().showAppointments());
        await get().showAppointments();
        set({ notice: r.value.message });
      },

      async reloadSchedule() {
        const { referral, clinic, resource, day } = get();
        if (!referral || !clinic) return get().loadReferrals();
        const r = await call(() => bridge.listSchedule({ referralGuid: referral.guid, lpuGuid: clinic.guid }));
        if (!r) return;
        if (!r.ok) return fail(r.error, () => get().reloadSchedule());
        const fresh = r.value.find((x) => x.resourceGuid === resource?.resourceGuid && x.days.length > 0);
        const freshDay = fresh?.days.find((d) => d.date === day && d.slots.length > 0);
        let screen: Screen = 'resources';
        if (fresh && freshDay) screen = 'times';
        else if (fresh) screen = 'days';
        set({
          resources: r.value,
          resource: fresh ?? null,
          day: freshDay ? freshDay.date : null,
          slot: null,
          screen,
        });
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
          case 'appointments':
            return get().showAppointments();
          case 'referrals':
            return get().loadReferrals();
          case 'identify':
            set({ screen: 'identify', patient: null });
            return;
          case 'finish':
            get().endSession();
            return;
        }
      },

      back() {
        // The answer being waited for would move the patient on: «Назад» waits for it too.
        if (get().busy) return;
        const { screen, clinics } = get();
        const to = previousScreen(screen, clinics, referralMode(get().info?.mis));
        if (to === null) return;
        if (to === 'welcome') return get().endSession();
        // «Мои записи» left the referrals behind; they are read again, they may have changed.
        if (screen === 'appointments') return void get().loadReferrals();
        if (to === 'identify') return set({ screen: to, patient: null });
        set(to === 'days' ? { screen: to, slot: null } : { screen: to });
      },

      toggleDisplay() {
        const on = get().display.print === 'large';
        set({ display: on ? NORMAL_DISPLAY : { print: 'large', contrast: 'high' } });
      },

      endSession() {
        epoch += 1;
        pending = 0;
        binding = 0;
        set({ ...PATIENT_DATA, busy: false, waitCancellable: false, display: NORMAL_DISPLAY });
        // The session dies on our side at once; the server is told in the background and a
        // failure there changes nothing for the next patient.
        void bridge.endSession({}).catch(() => undefined);
      },

      reportCrash(message, where) {
        void bridge.reportError({ message: message.slice(0, 500), where: where.slice(0, 100) }).catch(() => undefined);
        get().endSession();
      },

      ...createScanActions({ bridge, get, set, call }),
      ...createReferralNumberActions({ bridge, get, set, call }),
    };

    return {
      info: null,
      health: null,
      startup: { phase: 'loading' },
      busy: false,
      waitCancellable: false,
      display: NORMAL_DISPLAY,
      ...PATIENT_DATA,
      ...actions,
    };
  });
}
