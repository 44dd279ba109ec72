// Booking the chosen time and printing its slip. The booking is one binding wait (it cannot be
// abandoned: its outcome must be known); the slip is printed once, right after, in the session's
// language; what «print» and «print again» mean is the core's decision.
import { flowContext } from './flow';
import type { StoreKit } from './kit';
import { printStatusOf } from './print-result';
import type { FlowActions } from './types';

type BookingActions = Pick<FlowActions, 'book' | 'reprint' | 'refreshPrintStatus' | 'reloadSchedule'>;

export function createBookingActions({ bridge, get, set, call, fail, nav }: StoreKit): BookingActions {
  async function print(again: boolean): Promise<void> {
    const ticket = get().ticket;
    if (!ticket) return;
    const before = get().print;
    const known = 'reprintsLeft' in before ? before.reprintsLeft : (get().info?.reprintLimit ?? 0);
    set({ print: { phase: 'printing', reprintsLeft: known, canPrintAgain: false } });
    const r = await call(() => bridge.printTicket({ ticketGuid: ticket.ticketGuid, again, language: get().language }), true);
    if (!r) return;
    if (!r.ok) {
      // Refused before the printer (reprint allowance spent, ticket unknown): the booking stands.
      set({ print: { phase: 'failed', fault: 'internal', problem: r.error.problem, reprintsLeft: known, canPrintAgain: false } });
      return;
    }
    set({ print: printStatusOf(r.value) });
  }

  const actions: BookingActions = {
    async book() {
      if (get().busy) return;
      const { referral, clinic, resource, day, slot } = get();
      if (!referral || !clinic || !resource || !day || !slot) return;
      const r = await call(
        () => bridge.book({ referralGuid: referral.guid, lpuGuid: clinic.guid, resourceGuid: resource.resourceGuid, date: day, time: slot.time }),
        false,
        true,
      );
      if (!r) return;
      if (!r.ok) return fail(r.error, () => get().book());
      await nav.advance('confirm', { ticket: r.value, print: { phase: 'idle' } });
      // Printed here rather than from the Ticket screen's effect, so it happens exactly once.
      await print(false);
    },

    async reprint() {
      const p = get().print;
      if (get().busy || p.phase === 'idle' || p.phase === 'printing' || !p.canPrintAgain) return;
      await print(true);
    },

    async refreshPrintStatus() {
      const { ticket, print: p } = get();
      if (!ticket || p.phase === 'idle' || p.phase === 'printing' || p.canPrintAgain) return;
      const r = await call(() => bridge.printStatus({ ticketGuid: ticket.ticketGuid }), true);
      const now = get().print;
      // A tap on «Печать ещё раз» or a new session meanwhile: that answer is the newer truth.
      if (!r || !r.ok || get().ticket?.ticketGuid !== ticket.ticketGuid || now.phase === 'printing' || now.phase === 'idle') return;
      set({ print: printStatusOf(r.value) });
    },

    async reloadSchedule() {
      const { referral, clinic } = get();
      if (!referral || !clinic) return nav.toReferrals();
      // Fresh cells; the doctor and the day are chosen again while they still have free time,
      // and the patient lands on Time (or Days, or Doctors) to pick again.
      await nav.enter('resources', {}, { resume: { from: flowContext(get()), upTo: 'times' } });
    },
  };
  return actions;
}
