// Data contracts of the HubService2 namespace as the simulator writes them: members in
// data-contract order, nil for absent values, times local without offset.
import { el, type XEl } from '../../electron/core/mis/n3/soap';
import { nil } from './params';
import type { N3Doctor, N3Speciality } from './seed';
import type { N3Slot } from './state';

/** What GetSpesialityList and GetDoctorList count: the free cells, the first and the last. */
export interface FreeCount {
  free: number;
  nearest: string | null;
  last: string | null;
}

export const NO_COUNT: FreeCount = { free: 0, nearest: null, last: null };

export const startOf = (s: N3Slot): string => `${s.date}T${s.time}:00`;

export function countOf(cells: readonly N3Slot[]): FreeCount {
  return cells.length === 0 ? NO_COUNT : { free: cells.length, nearest: startOf(cells[0]!), last: startOf(cells[cells.length - 1]!) };
}

export const doctorEl = (name: string, d: N3Doctor | null, c: FreeCount = NO_COUNT): XEl =>
  d === null
    ? el(name, null)
    : el(name, [
        nil('a:AriaNumber', d.area ?? null),
        nil('a:Comment', null),
        // Every free cell is open to the kiosk's channel here.
        el('a:CountFreeParticipantIE', c.free),
        el('a:CountFreeTicket', c.free),
        el('a:IdDoc', d.idDoc),
        nil('a:LastDate', c.last),
        el('a:Name', d.name),
        nil('a:NearestDate', c.nearest),
        el('a:Snils', d.snils),
      ]);

export const specEl = (name: string, s: N3Speciality | null, c: FreeCount = NO_COUNT): XEl =>
  s === null
    ? el(name, null)
    : el(name, [
        el('a:CountFreeParticipantIE', c.free),
        el('a:CountFreeTicket', c.free),
        el('a:FerIdSpesiality', s.ferIdSpeciality),
        el('a:IdSpesiality', s.idSpeciality),
        nil('a:LastDate', c.last),
        el('a:NameSpesiality', s.name),
        nil('a:NearestDate', c.nearest),
      ]);

export const appointmentEl = (s: N3Slot): XEl =>
  el('a:Appointment', [
    nil('a:Address', null),
    el('a:IdAppointment', s.idAppointment),
    el('a:Num', s.num),
    el('a:Room', s.doctor.room),
    el('a:VisitEnd', `${s.date}T${s.endTime}:00`),
    el('a:VisitStart', startOf(s)),
  ]);
