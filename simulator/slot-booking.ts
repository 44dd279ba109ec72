// `POST /api/v2/visit/{lpuGuid}`: booking one schedule cell by itself. The method and its
// `timeTable` (or `docGuid` + `dateTime`) are documented (softrust-documented.md, pageId=6586708);
// its answer is not, and is INFERRED to be the referral booking's TicketVisitWithLpu. Used for
// self-booking without a referral and, with the PROPOSED `previousTicketGuid`, for moving a
// booking to another time of the same doctor: the MIS then waives the one-per-speciality rule
// (4008) for it and keeps the old booking until the kiosk cancels it. Synchronous once the body
// is read, like the referral booking, so the check-and-set of a cell cannot interleave.
import type { Session } from './auth';
import { refuseByAge, refuseSecondOfSpeciality } from './booking-rules';
import { addDays, isHm, isYmd } from './clock';
import { SimError } from './errors';
import { bodyString, jsonBody, ok, sameGuid, type Ctx, type Reply } from './http-util';
import { cellsOf, findCell, type Cell } from './schedule';
import { isOpenToSelfBooking } from './self-booking';
import { RESOURCES, type ClientApp, type Clinic, type Resource } from './seed-data';
import { clinicByGuid, type SimState, type TicketRecord } from './state';
import { isFuture, referralAccess, ticketView } from './views';

interface SlotBody {
  timeTable: string | null;
  docGuid: string | null;
  date: string | null;
  time: string | null;
  previousTicketGuid: string | null;
}

function parseBody(ctx: Ctx): SlotBody {
  const body = jsonBody(ctx);
  const timeTable = bodyString(body, 'timeTable') ?? null;
  const docGuid = bodyString(body, 'docGuid') ?? null;
  const dateTime = bodyString(body, 'dateTime');
  let date: string | null = null;
  let time: string | null = null;
  if (dateTime) {
    // Documented as «2023-04-05 14:00:00.000»; a «T» separator is taken as the same.
    const m = /^(\d{4}-\d\d-\d\d)[ T](\d\d:\d\d)/.exec(dateTime);
    if (!m || !isYmd(m[1]!) || !isHm(m[2]!)) throw new SimError('4000');
    [date, time] = [m[1]!, m[2]!];
  }
  if (!timeTable && !(docGuid && date)) throw new SimError('4000');
  return { timeTable, docGuid, date, time, previousTicketGuid: bodyString(body, 'previousTicketGuid') ?? null };
}

/** The cell the body names, among the clinic's resources and the days the application may book. */
function namedCell(clinic: Clinic, b: SlotBody, app: ClientApp, state: SimState): { resource: Resource; cell: Cell } | undefined {
  const resources = RESOURCES.filter((r) => sameGuid(r.lpuGuid, clinic.guid));
  const today = state.today();
  const last = state.lastDay(app);
  if (b.timeTable) {
    for (let d = today; d <= last; d = addDays(d, 1)) {
      for (const resource of resources) {
        const cell = cellsOf(resource, d).find((c) => sameGuid(c.timeTableGuid, b.timeTable!));
        if (cell) return { resource, cell };
      }
    }
    return undefined;
  }
  const resource = resources.find((r) => sameGuid(r.guid, b.docGuid!));
  if (!resource || b.date! < today || b.date! > last) return undefined;
  const cell = findCell(resource, b.date!, b.time!);
  return cell ? { resource, cell } : undefined;
}

/**
 * Order: auth (done by the caller) → body (4000) → clinic (4044) → card (4001, 5096) → 4007 →
 * the booking replaced (4045: not the patient's, not active, another doctor's) → the cell
 * exists, is bookable by the application and in the future (4035) → 4029 → 4008 → free (4009).
 * A repeat of the patient's own booking of the same cell answers 4009 before 4008.
 */
export function bookSlot(ctx: Ctx, pathLpu: string, state: SimState, s: Session): Reply {
  const b = parseBody(ctx);
  const clinic = clinicByGuid(pathLpu);
  if (!clinic) throw new SimError('4044');

  const card = s.person.mkabs.find((m) => sameGuid(m.lpuGuid, clinic.guid));
  if (!card) throw new SimError('4001');
  if (card.closed) throw new SimError('5096');
  if (card.selfBookingBan) throw new SimError('4007');

  const app = s.token.app;
  const found = namedCell(clinic, b, app, state);
  let previous: TicketRecord | undefined;
  if (b.previousTicketGuid) {
    previous = [...state.tickets.values()].find((t) => sameGuid(t.ticketGuid, b.previousTicketGuid!));
    const replaceable = previous && previous.personGuid === s.person.guid && previous.status === 'Active' && isFuture(previous, state.now());
    if (!replaceable || (found && !sameGuid(found.resource.guid, previous!.resourceGuid))) throw new SimError('4045');
  }

  if (!found || !clinic.online) throw new SimError('4035');
  const { resource, cell } = found;
  // Moving a booking keeps what allowed it: a referral booking stays one (its rights, its
  // speciality even where self-booking is closed).
  if (!previous && !isOpenToSelfBooking(clinic, resource.speciality)) throw new SimError('4035');
  const ref = previous?.directionGuid ? state.referrals.get(previous.directionGuid.toLowerCase()) : undefined;
  const access = ref ? referralAccess(ref, clinic.guid, app) : app.access.VisitDoctor;
  const cs = state.cellStatus(cell, access);
  if (cs.status === 'Expired' || cs.status === 'Unauthorized' || (cell.rights & access) === 0) throw new SimError('4035');

  refuseByAge(state, s.person, resource);
  // A repeat of the patient's own booking of this very cell (a double tap) reads as "time
  // taken", as for a referral, rather than as a second booking of the speciality.
  const holder = state.taken.get(cell.timeTableGuid)?.ticketGuid;
  if (holder && state.tickets.get(holder)?.personGuid === s.person.guid) throw new SimError('4009');
  refuseSecondOfSpeciality(state, s.person, resource.speciality, previous?.ticketGuid ?? null);
  if (cs.status !== 'Available') throw new SimError('4009');

  const ticket = state.createTicket(s.person.guid, resource, cell, previous?.directionGuid ?? null, state.now(), {
    sourceName: app.name,
    sourceCode: app.sourceCode,
    login: app.name,
    clientName: app.displayName,
  });
  if (previous) {
    ticket.history.push({
      element: 'PreviousTicket',
      elementGuid: previous.ticketGuid,
      oldValue: previous.ticketGuid,
      newValue: ticket.ticketGuid,
      editor: app.name,
      date: state.now(),
      client: { mnem: app.name, name: app.displayName, description: 'Перенос записи пациентом' },
    });
    // The referral follows its booking to the new time; cancelling the old one leaves it Booked.
    if (ref && ref.ticketGuid === previous.ticketGuid) ref.ticketGuid = ticket.ticketGuid;
  }
  return ok(ticketView(ticket, state));
}
