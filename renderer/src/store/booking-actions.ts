// Booking the chosen time and printing its slip. The booking is one binding wait (it cannot be
// abandoned: its outcome must be known); the slip is printed once, right after, in the session's
// language; what «print» and «print again» mean is the core's decision.
import { flowContext } from './flow';
import type { StoreKit } from './kit';
import { printStatusOf, slipChoice } from './print-result';
import type { Envelope, RescheduleResult, Ticket } from '../../../electron/common/bridge-contract';
import type { FlowActions, FlowState } from './types';

const mapEnvelope = <A, B>(e: Envelope<A>, f: (a: A) => B): Envelope<B> => (e.ok ? { ok: true, value: f(e.value) } : e);

type BookingActions = Pick<FlowActions, 'book' | 'reprint' | 'refreshPrintStatus' | 'reloadSchedule'>;

/** The slip on screen: the ticket just booked, or the waiting-list request just made. */
export const slipOnScreen = (s: Pick<FlowState, 'ticket' | 'waitlist'>): string | null => s.ticket?.ticketGuid ?? s.waitlist?.done?.slipId ?? null;

export function createBookingActions({ bridge, get, set, call, fail, nav }: StoreKit): BookingActions & { print: (again: boolean) => Promise<void> } {
  async function print(again: boolean): Promise<void> {
    const slipId = slipOnScreen(get());
    if (!slipId) return;
    const before = get().print;
    const known = 'reprintsLeft' in before ? before.reprintsLeft : (get().info?.reprintLimit ?? 0);
    set({ print: { phase: 'printing', reprintsLeft: known, canPrintAgain: false } });
    const r = await call(() => bridge.printTicket({ ticketGuid: slipId, again, ...slipChoice(get()) }), true);
    if (!r) return;
    if (!r.ok) {
      // Refused before the printer (reprint allowance spent, ticket unknown): the booking stands.
      set({ print: { phase: 'failed', fault: 'internal', problem: r.error.problem, reprintsLeft: known, canPrintAgain: false } });
      return;
    }
    set({ print: printStatusOf(r.value) });
  }

  /** The booking call for the patient's intent, as one ticket and what became of a moved appointment. */
  function send(): (() => Promise<Envelope<{ ticket: Ticket; moved: RescheduleResult['old'] | null }>>) | null {
    const { intent, referral, speciality, moving, clinic, resource, day, slot } = get();
    if (!clinic || !resource || !day || !slot) return null;
    const cell = { lpuGuid: clinic.guid, resourceGuid: resource.resourceGuid, date: day, time: slot.time };
    const asTicket = async (e: Promise<Envelope<Ticket>>) => mapEnvelope(await e, (ticket) => ({ ticket, moved: null }));
    if (intent === 'self') {
      if (!speciality) return null;
      return () => asTicket(bridge.bookSelf({ ...cell, timeTableGuid: slot.timeTableGuid, specialityCode: speciality.code }));
    }
    if (intent === 'reschedule') {
      if (!moving) return null;
      return async () =>
        mapEnvelope(await bridge.reschedule({ ...cell, timeTableGuid: slot.timeTableGuid, previousTicketGuid: moving.ticketGuid }), (r) => ({ ticket: r.ticket, moved: r.old }));
    }
    if (!referral) return null;
    return () => asTicket(bridge.book({ ...cell, referralGuid: referral.guid }));
  }

  const actions: BookingActions = {
    async book() {
      if (get().busy) return;
      const op = send();
      if (!op) return;
      const r = await call(op, false, true);
      if (!r) return;
      if (!r.ok) return fail(r.error, () => get().book());
      await nav.advance('confirm', { ticket: r.value.ticket, moved: r.value.moved, print: { phase: 'idle' } });
      // Printed here rather than from the Ticket screen's effect, so it happens exactly once.
      await print(false);
    },

    async reprint() {
      const p = get().print;
      if (get().busy || p.phase === 'idle' || p.phase === 'printing' || !p.canPrintAgain) return;
      await print(true);
    },

    async refreshPrintStatus() {
      const slipId = slipOnScreen(get());
      const p = get().print;
      if (!slipId || p.phase === 'idle' || p.phase === 'printing' || p.canPrintAgain) return;
      const r = await call(() => bridge.printStatus({ ticketGuid: slipId }), true);
      const now = get().print;
      // A tap on «Печать ещё раз» or a new session meanwhile: that answer is the newer truth.
      if (!r || !r.ok || slipOnScreen(get()) !== slipId || now.phase === 'printing' || now.phase === 'idle') return;
      set({ print: printStatusOf(r.value) });
    },

    async reloadSchedule() {
      const { intent, referral, clinic, speciality, moving } = get();
      const resume = { resume: { from: flowContext(get()), upTo: 'times' as const } };
      // A new time with the same doctor: their fresh cells, the day chosen again if it still has time.
      if (intent === 'reschedule') return moving ? nav.enter('days', {}, resume) : get().showAppointments();
      if (intent === 'self' ? !speciality : !referral || !clinic) return nav.toReferrals();
      // Fresh cells; the doctor and the day are chosen again while they still have free time,
      // and the patient lands on Time (or Days, or Doctors) to pick again.
      await nav.enter('resources', {}, resume);
    },
  };
  return { ...actions, print };
}
