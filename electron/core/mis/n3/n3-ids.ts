// N3 ids are ints (idLpu) and opaque strings (IdDoc, IdAppointment, IdPat); the bridge speaks
// GUIDs. These derive stable GUIDs from the N3 ids, so the renderer's choices stay valid across
// calls and a booked visit has one id wherever it shows.
import { createHash } from 'node:crypto';

/** A GUID derived from an N3 id: stable across calls, so the renderer's choices stay valid. */
export function n3Guid(kind: string, ...parts: (string | number)[]): string {
  const h = createHash('sha1').update([kind, ...parts].join('|')).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
/**
 * A booked visit's ticket id, from what the booked slot and the patient's history both know: the
 * clinic, the start and the doctor. SetAppointment names no booking, so an id taken from the
 * history (IdAppointment) would leave a ticket nameless whenever the history read after booking
 * fails; this one is the same on the fresh ticket, in «Мои записи» and in the print journal.
 */
export const visitGuid = (idLpu: number, begin: string, idDoc: string): string => n3Guid('visit', idLpu, begin, idDoc);
export const doctorGuid = (idLpu: number, idDoc: string): string => n3Guid('doctor', idLpu, idDoc);
export const slotGuid = (idLpu: number, idAppointment: string): string => n3Guid('slot', idLpu, idAppointment);
/** idLpu travels as a GUID whose last group is the id, so it needs no map. */
export const lpuGuid = (idLpu: number): string => `a3a30000-0000-4000-8000-${idLpu.toString(16).padStart(12, '0')}`;
export function idLpuOf(guid: string): number | null {
  const m = /^a3a30000-0000-4000-8000-([0-9a-f]{12})$/i.exec(guid);
  return m ? parseInt(m[1]!, 16) : null;
}
