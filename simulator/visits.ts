// The patient's appointments (GET /visit) and cancellation (DELETE /visit/{lpu}/{ticket}).
import { clinicInstant, isYmd } from './clock';
import { SimError } from './errors';
import { bool, ok, q1, sameGuid, type Ctx, type Reply } from './http-util';
import type { Session } from './auth';
import { clinicByGuid, type SimState } from './state';
import { ticketView } from './views';

export function listVisits(ctx: Ctx, state: SimState, s: Session): Reply {
  const from = q1(ctx, 'dateFrom')?.slice(0, 10) || state.today();
  const to = q1(ctx, 'dateTo')?.slice(0, 10);
  if (!isYmd(from) || (to && !isYmd(to))) throw new SimError('4000');
  const includeCancelled = bool(q1(ctx, 'includeCancelled'), false);
  const list = [...state.tickets.values()]
    .filter((t) => t.personGuid === s.person.guid)
    .filter((t) => includeCancelled || t.status !== 'Cancelled')
    .filter((t) => t.cell.date >= from && (!to || t.cell.date <= to))
    .sort((a, b) => clinicInstant(a.cell.date, a.cell.time) - clinicInstant(b.cell.date, b.cell.time));
  return ok(list.map((t) => ticketView(t, state)));
}

export function cancelVisit(lpuGuid: string, ticketGuid: string, state: SimState, s: Session): Reply {
  const clinic = clinicByGuid(lpuGuid);
  if (!clinic) throw new SimError('4044');
  const ticket = [...state.tickets.values()].find((t) => sameGuid(t.ticketGuid, ticketGuid));
  if (!ticket || ticket.personGuid !== s.person.guid || !sameGuid(ticket.lpuGuid, clinic.guid)) {
    throw new SimError('4040');
  }
  if (ticket.status !== 'Active') throw new SimError('4042');
  if (clinicInstant(ticket.cell.date, ticket.cell.time) <= state.now()) throw new SimError('4041');
  if (state.cancelBan) throw new SimError('4043');

  ticket.status = 'Cancelled';
  ticket.history.push({
    element: 'Status',
    elementGuid: ticket.ticketGuid,
    oldValue: 'Active',
    newValue: 'Cancelled',
    editor: s.token.app.name,
    date: state.now(),
    client: { mnem: s.token.app.name, name: s.token.app.displayName, description: 'Отмена записи пациентом' },
  });
  state.taken.delete(ticket.cell.timeTableGuid);
  if (ticket.directionGuid) {
    const ref = state.referrals.get(ticket.directionGuid.toLowerCase());
    // Back to Active; referralStatus() reports Expired by itself if it ran out meanwhile.
    if (ref && ref.ticketGuid === ticket.ticketGuid) {
      ref.stored = 'Active';
      ref.ticketGuid = null;
    }
  }
  return ok({ code: 200, message: 'Запись отменена', message_code: '2000' });
}
