// What the kiosk can say before the last tap (issue 21, item 5): a referral or a speciality the
// patient already has an upcoming appointment for. The MIS refuses a second booking to the same
// speciality (SoftRust 4008, N3 35) only at «Записаться», ~29 taps in; the patient's own visit
// list tells it on the card. Matching is by the speciality's name, because that is all a visit
// carries of it (TicketVisit.speciality, N3 SpecialityRendingConsultation.NameSpesiality).
import type { Ticket } from '../../common/bridge-contract';
import { ApiError } from '../api/api-error';
import type { TicketVisitWithLpu } from '../api/schemas';
import type { Mis } from '../mis/port';
import type { Logger } from '../ports';
import type { PatientSession } from '../session/patient-session';
import type { ViewModels } from './view-models';

/** «Кардиология» and «кардиология », «ё» and «е» are one speciality to a clinic. */
export const specialityName = (s: string) => s.trim().toLocaleLowerCase('ru-RU').replaceAll('ё', 'е').replace(/\s+/g, ' '); // i18n-ok: a spelling rule of MIS names, not words

/** A visit the MIS lists but says was cancelled (its last status change, where it keeps a history). */
export function cancelledVisit(v: TicketVisitWithLpu): boolean {
  const statuses = (v.history ?? []).filter(
    (h): h is { element: string; newValue: unknown } => !!h && typeof h === 'object' && (h as { element?: unknown }).element === 'Status',
  );
  const last = statuses.at(-1)?.newValue;
  return typeof last === 'string' && last.trim().toLowerCase() === 'cancelled';
}

/** The visits still ahead: not cancelled, starting after `nowMs`; unreadable ones are left out by the view models. */
export function upcomingVisits(list: readonly TicketVisitWithLpu[], nowMs: number, vm: ViewModels): Ticket[] {
  return vm
    .toTickets(list.filter((v) => !cancelledVisit(v)))
    .filter((t) => Date.parse(t.beginTime) > nowMs)
    .sort((a, b) => Date.parse(a.beginTime) - Date.parse(b.beginTime));
}

/** The earliest upcoming appointment to this speciality, or null (no name: nothing to match). */
export function upcomingTo(name: string | null | undefined, known: readonly Ticket[] | null, nowMs: number): Ticket | null {
  if (!name?.trim() || !known) return null;
  const wanted = specialityName(name);
  return known.find((t) => t.speciality.trim() !== '' && specialityName(t.speciality) === wanted && Date.parse(t.beginTime) > nowMs) ?? null;
}

export interface VisitMemoryDeps {
  mis: Mis;
  session: PatientSession;
  vm: ViewModels;
  log: Logger;
  /** The clinic's today, YYYY-MM-DD. */
  today: () => string;
  now: () => Date;
}

/**
 * The patient's upcoming appointments as this session knows them. At most one MIS request per
 * session is spent on them for the cards (the bench counts requests per booking): «Мои записи»
 * reads them anyway and refreshes this; what the session books, moves or cancels is noted here
 * without asking again. A failed read costs nothing but the flag: the cards are shown without it.
 */
export function createVisitMemory(deps: VisitMemoryDeps) {
  const { mis, session, vm, log } = deps;
  let generation = -1;
  let tickets: Ticket[] | null = null;
  let asked: Promise<Ticket[] | null> | null = null;

  /** A new patient starts with nothing known and a fresh budget. */
  function current(): void {
    if (generation === session.generation) return;
    generation = session.generation;
    tickets = null;
    asked = null;
  }

  return {
    /**
     * What is known, read once if nothing is yet. `lpuGuid`: the clinic the cards are for, where
     * the MIS reads histories per clinic (N3), so the one request is the one that matters.
     */
    async known(lpuGuid?: string): Promise<Ticket[] | null> {
      current();
      if (tickets !== null || !mis.capabilities.visits) return tickets;
      if (!asked) {
        const mine = generation;
        asked = session
          .withToken((t) => mis.visits(t, { dateFrom: deps.today(), ...(lpuGuid ? { lpuGuid } : {}) }))
          .then((list) => {
            if (mine !== session.generation) return null;
            tickets = upcomingVisits(list, deps.now().getTime(), vm);
            return tickets;
          })
          .catch((err: unknown) => {
            log.warn('foresight.visits_failed', { error: err instanceof ApiError ? err.problem : err instanceof Error ? err.name : String(err) });
            return null;
          });
      }
      return asked;
    },

    /** «Мои записи» read the list afresh: the cards say what it said. */
    heard(list: readonly TicketVisitWithLpu[]): void {
      current();
      tickets = upcomingVisits(list, deps.now().getTime(), vm);
    },

    /** This session booked it: a card for the same speciality says so from now on. */
    booked(t: Ticket): void {
      current();
      if (tickets === null) return;
      tickets = [...tickets.filter((x) => x.ticketGuid !== t.ticketGuid), t].sort((a, b) => Date.parse(a.beginTime) - Date.parse(b.beginTime));
    },

    /** Cancelled or moved away: no card names it any more. */
    gone(ticketGuid: string): void {
      current();
      if (tickets !== null) tickets = tickets.filter((x) => x.ticketGuid.toLowerCase() !== ticketGuid.toLowerCase());
    },

    /** The session ended: nothing of this patient stays for the next. */
    clear(): void {
      tickets = null;
      asked = null;
      generation = -1;
    },
  };
}

export type VisitMemory = ReturnType<typeof createVisitMemory>;
