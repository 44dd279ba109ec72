// «Мои записи»: the patient's appointments, cancelling one (after a confirmation that names it)
// and printing the slip of one, in the session's language.
import { msg } from '../../../electron/common/i18n/catalog';
import type { StoreKit } from './kit';
import { slipChoice } from './print-result';
import type { AppointmentPrint, FlowActions } from './types';

type AppointmentActions = Pick<FlowActions, 'showAppointments' | 'askCancel' | 'dismissCancel' | 'confirmCancel' | 'printAppointment' | 'loadReferrals'>;

export function createAppointmentActions({ bridge, get, set, call, fail, nav }: StoreKit): AppointmentActions {
  return {
    async showAppointments() {
      if (get().busy) return;
      // «Мои записи» from a reschedule or another booking: what follows is the list's own way back.
      if (get().intent === 'reschedule') set({ intent: 'appointments', moving: null, moved: null });
      await nav.enter('appointments');
    },

    async loadReferrals() {
      if (get().busy) return;
      await nav.toReferrals();
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
      await nav.enter('appointments');
      set({ notice: msg('appointments.cancelled') });
    },

    async printAppointment(ticketGuid) {
      if (get().appointmentPrint?.phase === 'printing') return;
      set({ appointmentPrint: { ticketGuid, phase: 'printing' }, notice: null });
      // `again`: the core prints the original if this kiosk never printed the ticket, else a
      // copy marked ПОВТОРНАЯ within the reprint limit; the journal decides, not the screen.
      const r = await call(() => bridge.printTicket({ ticketGuid, again: true, ...slipChoice(get()) }), true);
      if (!r) return;
      const result: AppointmentPrint = r.ok
        ? { ticketGuid, phase: r.value.state, fault: r.value.state === 'printed' ? null : r.value.fault, problem: null }
        : { ticketGuid, phase: 'failed', fault: null, problem: r.error.problem };
      set({ appointmentPrint: result });
    },
  };
}
