// The hub's Appointment (a slot) in the kiosk's shapes: read once (readSlot), shown as a
// schedule cell of a doctor (resourceOf) and, once booked, as the ticket (ticketOf). The referral
// tree and the self-booking schedule go through the same three, so a cell looks and books alike.
import { misDateTime } from '../../api/mis-time';
import type { DirectionResource, LpuWithStatus, TicketVisitWithLpu } from '../../api/schemas';
import type { Logger } from '../../ports';
import { slotGuid } from './n3-ids';
import type { Doctor, Slot } from './n3-session';
import { NS, kidText, type XNode } from './soap';

const optInt = (s: string | null): number | null => (s !== null && /^-?\d+$/.test(s) ? Number(s) : null);

export function readSlot(a: XNode, timeZone: string, log: Logger): Slot | null {
  const id = kidText(a, NS.a, 'IdAppointment');
  const start = kidText(a, NS.a, 'VisitStart');
  if (!id || !start) return null;
  try {
    const begin = misDateTime(start, timeZone, 'Appointment.VisitStart');
    const endRaw = kidText(a, NS.a, 'VisitEnd');
    let end = endRaw ? misDateTime(endRaw, timeZone, 'Appointment.VisitEnd') : begin;
    if (Date.parse(end) <= Date.parse(begin)) end = begin;
    return { idAppointment: id, num: optInt(kidText(a, NS.a, 'Num')), room: kidText(a, NS.a, 'Room') ?? '', address: kidText(a, NS.a, 'Address') ?? '', begin, end };
  } catch (err) {
    log.warn('n3.slot_dropped', { detail: err instanceof Error ? err.message : String(err) });
    return null;
  }
}

/**
 * A doctor with the free cells of the window, by day. The room is the one all of the doctor's
 * known cells share (the window's or not), else none: a room that changes by day is the cell's.
 */
export function resourceOf(idLpu: number, doctor: Doctor, cells: readonly Slot[], q: { dateFrom: string; dateTo: string }): DirectionResource {
  const days = new Map<string, DirectionResource['days'][number]['slots']>();
  for (const slot of cells) {
    const date = slot.begin.slice(0, 10);
    if (date < q.dateFrom || date > q.dateTo) continue;
    const list = days.get(date) ?? [];
    days.set(date, list);
    list.push({ time: slot.begin.slice(11, 16), beginTime: slot.begin, endTime: slot.end, timeTableGuid: slotGuid(idLpu, slot.idAppointment), status: 'Available', message: null });
  }
  const rooms = cells.map((x) => x.room).filter(Boolean);
  return {
    resourceGuid: doctor.resourceGuid,
    resType: 'Doctor',
    docFio: doctor.name,
    doctorRole: '',
    speciality: doctor.speciality,
    room: rooms.length && rooms.every((r) => r === rooms[0]) ? rooms[0]! : '',
    flat: null,
    days: [...days.entries()].map(([date, slots]) => ({ date, slots })),
  };
}

/** The ticket of a booked slot: what the slot said (room, number, address) and the clinic. */
export function ticketOf(lpu: LpuWithStatus, idLpu: number, slot: Slot, doctor: Doctor, ticketGuid: string): TicketVisitWithLpu {
  return {
    lpu: slot.address ? { ...lpu, address: slot.address } : lpu,
    num: slot.num !== null ? String(slot.num) : slot.idAppointment,
    room: slot.room,
    flat: null,
    ticketGuid,
    timeTableGuid: slotGuid(idLpu, slot.idAppointment),
    docFio: doctor.name,
    docGuid: doctor.resourceGuid,
    resType: 'Doctor',
    doctorRole: '',
    speciality: doctor.speciality,
    beginTime: slot.begin,
    endTime: slot.end,
    dateOfAppointment: null,
  };
}
