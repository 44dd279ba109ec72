// The lobby's other jobs from the store's side: a new time for an appointment («Перенести»),
// another booking for the same patient without identifying again («Записаться ещё»), a new
// patient («Другой пациент»: this one's session ends first), and every appointment on one slip.
import type { StoreKit } from './kit';
import { slipChoice } from './print-result';
import type { FlowActions } from './types';
import { NOTHING_CHOSEN } from './choices';

type LobbyActions = Pick<FlowActions, 'startReschedule' | 'bookAnother' | 'otherPatient' | 'printAll'>;

export function createLobbyActions({ bridge, get, set, call, nav }: StoreKit): LobbyActions {
  return {
    async startReschedule(ticketGuid) {
      if (get().busy) return;
      const s = get();
      // From «Мои записи», a booked referral, or the upcoming appointment a card names.
      const moving =
        s.appointments.find((a) => a.ticketGuid === ticketGuid) ??
        s.referrals.find((r) => r.ticket?.ticketGuid === ticketGuid)?.ticket ??
        s.referrals.find((r) => r.upcoming?.ticketGuid === ticketGuid)?.upcoming ??
        s.specialities.find((x) => x.upcoming?.ticketGuid === ticketGuid)?.upcoming ??
        null;
      // Only a doctor the MIS named can be asked for free time; the screen offers nothing else.
      if (!moving?.resourceGuid || !s.info?.mis.reschedule) return;
      set({
        intent: 'reschedule',
        moving,
        moved: null,
        ...NOTHING_CHOSEN,
        clinic: { ...moving.clinic, online: true, statusText: null },
        ticket: null,
        print: { phase: 'idle' },
        notice: null,
      });
      await nav.enter('days');
    },

    async bookAnother(wanted) {
      if (get().busy) return;
      // The same intent's choice step again (referrals, or specialities); a moved appointment's
      // patient books by referral, the kiosk's main way.
      const intent = wanted ?? (get().intent === 'self' ? 'self' : 'book');
      // By number: a new number, the same surname (the same patient).
      const referralQuery = { number: '', surname: get().referralQuery.surname };
      set({ intent, ticket: null, print: { phase: 'idle' }, moving: null, moved: null, waitlist: null, referralQuery, referralProblem: null, ...NOTHING_CHOSEN });
      await nav.toReferrals();
    },

    otherPatient() {
      if (get().bookingUnderWay) return;
      const intent = get().intent === 'self' ? 'self' : 'book';
      get().endSession();
      get().start(intent);
    },

    async printAll() {
      const prev = get().allPrint;
      if (prev?.phase === 'printing' || get().busy) return;
      set({ allPrint: { slipId: prev?.slipId ?? null, phase: 'printing', fault: null, problem: null }, notice: null, appointmentPrint: null });
      const choice = slipChoice(get());
      // The first tap prints the list's slip; a later one asks for it again (the core makes it a
      // copy marked ПОВТОРНАЯ, within the reprint limit), as «Печать ещё раз» does for a ticket.
      const r = prev?.slipId
        ? await call(async () => {
            const e = await bridge.printTicket({ ticketGuid: prev.slipId!, again: true, ...choice });
            return e.ok ? { ok: true as const, value: { slipId: prev.slipId!, result: e.value } } : e;
          }, true)
        : await call(() => bridge.printAppointments(choice), true);
      if (!r) return;
      if (!r.ok) return set({ allPrint: { slipId: prev?.slipId ?? null, phase: 'failed', fault: null, problem: r.error.problem } });
      const { slipId, result } = r.value;
      set({ allPrint: { slipId, phase: result.state, fault: result.state === 'printed' ? null : result.fault, problem: null } });
    },
  };
}
