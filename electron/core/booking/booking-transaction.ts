// One booking at the MIS as a transaction, whatever it is for (a referral, a speciality without
// one, a new time for an existing booking): the answer may be lost, late, twice or unreadable,
// so the outcome is read back from the patient's visit list instead of retrying blindly, and an
// answer that arrives after the session ended never revives it.
import type { Ticket } from '../../common/bridge-contract';
import { MAYBE_OWN_BOOKING } from '../../common/problems';
import { ApiError } from '../api/api-error';
import type { TicketVisitWithLpu } from '../api/schemas';
import type { Mis } from '../mis/port';
import type { Logger } from '../ports';
import { SessionError } from '../session/session-error';
import type { PatientSession } from '../session/patient-session';
import { BookingNotConfirmedError } from './booking-errors';
import type { BookingLedger } from './ledger';
import { attemptKey, findBookedVisit, outcomeUnknown, type BookingAttempt } from './reconcile';
import type { ViewModels } from './view-models';

export interface BookingTransactionDeps {
  mis: Mis;
  session: PatientSession;
  ledger: BookingLedger;
  log: Logger;
  vm: ViewModels;
  kioskId: string;
  timeZone: string;
  reconcile: { polls: number; intervalMs: number };
  now: () => Date;
  sleep?: (ms: number) => Promise<void>;
}

export type BookingTransaction = (
  attempt: Omit<BookingAttempt, 'startedAt'>,
  send: (token: string) => Promise<TicketVisitWithLpu>,
) => Promise<Ticket>;

export function createBookingTransaction(deps: BookingTransactionDeps): BookingTransaction {
  const { mis, session, ledger, log, vm, kioskId } = deps;
  const tz = deps.timeZone;
  /** Attempts whose answer never came back, so a later «time taken» on the same cell may be our own booking. */
  const unknownAttempts = new Set<string>();

  return async function transact(input, send) {
    const attempt: BookingAttempt = { ...input, startedAt: deps.now().toISOString() };
    const key = attemptKey(attempt);
    const generation = session.generation;
    const cell = { kind: attempt.kind, lpuGuid: attempt.lpuGuid, resourceGuid: attempt.resourceGuid, date: attempt.date, time: attempt.time, kioskId };
    const stale = () => session.generation !== generation;
    const accept = (t: Ticket, how: 'created' | 'reconciled'): Ticket => {
      if (stale()) {
        // The session ended meanwhile (the renderer replaced, a wait past its bound): the answer
        // must not revive it. The visit stands at the MIS: the patient finds it in «Мои записи»
        // on their next identification, and a «time taken» on this cell is checked as theirs.
        unknownAttempts.add(key);
        log.audit('booking.late', { ...cell, ticketGuid: t.ticketGuid, how });
        throw new SessionError('session ended while booking');
      }
      unknownAttempts.delete(key);
      ledger.remember(t, attempt.startedAt);
      log.audit(`booking.${how}`, { ...cell, ticketGuid: t.ticketGuid });
      return t;
    };
    /** `refusal`: the MIS's own «time taken» that sent us looking; said as it was if the visit is not ours. */
    const reconcile = async (why: string, refusal?: unknown): Promise<Ticket> => {
      unknownAttempts.add(key);
      log.audit('booking.reconciling', { ...cell, why });
      const found = await findBookedVisit(
        () => session.withToken((t) => mis.visits(t, { dateFrom: attempt.date, dateTo: attempt.date })),
        attempt,
        { polls: deps.reconcile.polls, intervalMs: deps.reconcile.intervalMs, timeZone: tz, log, sleep: deps.sleep, cancelled: stale },
      );
      if (found) return accept(vm.toTicket(found), 'reconciled');
      if (stale()) throw new SessionError('session ended while reconciling');
      if (refusal) {
        // Not our own booking after all: someone else has the time, as the MIS said.
        unknownAttempts.delete(key);
        log.audit('booking.refused', { ...cell, problem: refusal instanceof ApiError ? refusal.problem : null, code: refusal instanceof ApiError ? refusal.code : null });
        throw refusal;
      }
      log.audit('booking.unknown', { ...cell, why });
      throw new BookingNotConfirmedError(`no visit matched after reconciliation (${why})`);
    };

    let raw;
    try {
      raw = await session.withToken(send);
    } catch (err) {
      if (err instanceof SessionError) throw err;
      if (outcomeUnknown(err)) return reconcile(err instanceof ApiError ? `${err.kind} ${err.httpStatus ?? ''}`.trim() : 'unknown');
      // «Time taken» (or «already booked», «referral used») after an attempt whose answer we
      // never saw may be this patient's own booking: look before telling them the time is gone.
      if (err instanceof ApiError && MAYBE_OWN_BOOKING.has(err.problem) && unknownAttempts.has(key)) {
        return reconcile(`${err.problem} (MIS code ${err.code ?? '-'}) after an unanswered attempt`, err);
      }
      log.audit('booking.refused', { ...cell, problem: err instanceof ApiError ? err.problem : null, code: err instanceof ApiError ? err.code : null });
      throw err;
    }
    let ticket: Ticket;
    try {
      ticket = vm.toTicket(raw);
    } catch (err) {
      // The MIS answered 200 with a ticket we cannot read (a time in no known format): it
      // booked, but what? Its own visit list says.
      return reconcile(`unreadable ticket: ${err instanceof Error ? err.message : String(err)}`);
    }
    return accept(ticket, 'created');
  };
}
