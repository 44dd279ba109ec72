// POST /api/v2/directions/visit/{lpuGuid} — booking by referral, the seed document's method.
// The whole handler is synchronous: Node runs it to completion before any other request, so
// "is the cell free?" and "take the cell" cannot interleave and a race has exactly one winner.
import { isHm, isYmd } from './clock';
import { refuseByAge, refuseSecondOfSpeciality } from './booking-rules';
import { SimError } from './errors';
import { bodyString, jsonBody, ok, sameGuid, type Ctx, type Reply } from './http-util';
import type { Session } from './auth';
import { findCell } from './schedule';
import { RESOURCES } from './seed-data';
import { clinicByGuid, resourceByGuid, type SimState } from './state';
import { allowedClinics, referralAccess, ticketView } from './views';

interface BookingBody {
  date: string;
  time: string;
  directionGuid: string;
  lpuGuid: string;
  resourceGuid: string;
}

function parseBody(ctx: Ctx, pathLpu: string): BookingBody {
  const body = jsonBody(ctx);
  const date = bodyString(body, 'date')?.slice(0, 10);
  // «09:15» is the documented form; «09:15:00» is accepted as the same cell.
  const time = bodyString(body, 'time')?.slice(0, 5);
  const directionGuid = bodyString(body, 'directionGuid');
  const lpuGuid = bodyString(body, 'lpuGuid');
  const resourceGuid = bodyString(body, 'resourceGuid');
  if (!date || !isYmd(date) || !time || !isHm(time) || !directionGuid || !lpuGuid || !resourceGuid) {
    throw new SimError('4000');
  }
  if (!sameGuid(lpuGuid, pathLpu)) throw new SimError('4000');
  return { date, time, directionGuid, lpuGuid, resourceGuid };
}

/**
 * Order: auth (done by the caller) → body → clinic → 4001 → 5096 → 4031 → 4033 → 4034 → 4007 →
 * 4008 → 4029 → cell exists / rights (4035) → free (4009), as simulator-contract.md says.
 */
export function bookByReferral(ctx: Ctx, pathLpu: string, state: SimState, s: Session): Reply {
  const b = parseBody(ctx, pathLpu);
  const clinic = clinicByGuid(b.lpuGuid);
  if (!clinic) throw new SimError('4044');

  const card = s.person.mkabs.find((m) => sameGuid(m.lpuGuid, clinic.guid));
  if (!card) throw new SimError('4001');
  if (card.closed) throw new SimError('5096');

  const ref = state.referrals.get(b.directionGuid.toLowerCase());
  if (!ref || ref.seed.personGuid !== s.person.guid) throw new SimError('4031');
  const status = state.referralStatus(ref);
  if (status === 'Expired') throw new SimError('4033');

  const resource = resourceByGuid(b.resourceGuid);
  const cell = resource && sameGuid(resource.lpuGuid, clinic.guid) ? findCell(resource, b.date, b.time) : undefined;

  if (status !== 'Active') {
    // A repeat of the booking that already stands (double tap, or the losers of a race on one
    // referral) is reported as "time taken" rather than "referral used": it is the same cell.
    const own = ref.ticketGuid ? state.tickets.get(ref.ticketGuid) : undefined;
    if (status === 'Booked' && own && cell && own.cell.timeTableGuid === cell.timeTableGuid) throw new SimError('4009');
    throw new SimError('4034');
  }

  if (card.selfBookingBan) throw new SimError('4007');

  refuseSecondOfSpeciality(state, s.person, ref.seed.targetSpeciality);
  refuseByAge(state, s.person, resource);

  const allowed = allowedClinics(ref).some((c) => c.guid === clinic.guid);
  if (!clinic.online || !allowed || !resource || !cell || resource.speciality !== ref.seed.targetSpeciality) {
    throw new SimError('4035');
  }
  if (b.date < state.today() || b.date > state.lastDay(s.token.app)) throw new SimError('4035');
  const access = referralAccess(ref, clinic.guid, s.token.app);
  const cs = state.cellStatus(cell, access);
  if (cs.status === 'Expired' || cs.status === 'Unauthorized' || (cell.rights & access) === 0) {
    throw new SimError('4035');
  }
  if (cs.status !== 'Available') throw new SimError('4009');

  const ticket = state.createTicket(s.person.guid, resource, cell, ref.seed.guid, state.now(), {
    sourceName: s.token.app.name,
    sourceCode: s.token.app.sourceCode,
    login: s.token.app.name,
    clientName: s.token.app.displayName,
  });
  ref.stored = 'Booked';
  ref.ticketGuid = ticket.ticketGuid;
  return ok(ticketView(ticket, state));
}

/** Test hook: the registry takes a cell (to reproduce 4009 deterministically). */
export function takeCell(resourceGuid: string, date: string, time: string, state: SimState): string | undefined {
  const resource = RESOURCES.find((r) => sameGuid(r.guid, resourceGuid));
  const cell = resource ? findCell(resource, date, time.slice(0, 5)) : undefined;
  if (!cell) return undefined;
  if (!state.taken.has(cell.timeTableGuid)) state.taken.set(cell.timeTableGuid, { ticketGuid: null, source: 'Registry' });
  return cell.timeTableGuid;
}
