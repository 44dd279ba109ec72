// What the N3 adapter keeps of one patient while their session lasts, and what its parts share.
// N3 answers with ids the bridge never sees (IdPat, IdDoc, IdAppointment); the reverse maps from
// the bridge's GUIDs live here, keyed by a random per-patient handle that plays the COD token's
// role in the PatientSession, and go when the session ends (forgetPatients).
import type { KioskProblem } from '../../../common/problems';
import type { ApiError } from '../../api/api-error';
import type { Direction, LpuWithStatus, TicketVisitWithLpu } from '../../api/schemas';
import type { Logger } from '../../ports';
import type { PatientIdentity } from '../port';
import type { HubCall } from './hub-client';
import type { XEl, XNode } from './soap';

export interface Slot {
  idAppointment: string;
  num: number | null;
  room: string;
  address: string;
  begin: string;
  end: string;
}
export interface Doctor {
  resourceGuid: string;
  idLpu: number;
  idDoc: string;
  name: string;
  speciality: string;
}
export interface ReferralState {
  number: string;
  surname: string;
  idLpu: number;
  idPat: string;
  direction: Direction;
}
/** The history's id of a booked visit (the id to cancel or move it with), and whose it is. */
export interface BookedVisit {
  idLpu: number;
  idPat: string;
  idAppointment: string;
}
export interface PatientState {
  createdAt: number;
  /** Who identified: a referral is only theirs if CheckPatient at its clinic names the same IdPat. */
  who: PatientIdentity;
  /** Referral lookups by number in this session (a cap stops trying numbers one after another). */
  lookups: number;
  idPatByLpu: Map<number, string>;
  referrals: Map<string, ReferralState>;
  /** Every doctor this session has seen: in a referral tree, a speciality's list, the history. */
  doctors: Map<string, Doctor>;
  /** `${resourceGuid}|${date}|${time}` → the slot as the referral tree sent it. */
  slots: Map<string, Slot & { doctor: Doctor; referralGuid: string }>;
  /** The same key → a free cell as GetAvaibleAppointments sent it (self-booking, a move). */
  cells: Map<string, Slot & { doctor: Doctor }>;
  /** `${idLpu}|${IdSpesiality}` → the speciality's name, as GetSpesialityList gave it. */
  specialities: Map<string, string>;
  /** ticketGuid → the history id to cancel with; null until the history has named the visit. */
  tickets: Map<string, { idLpu: number; idPat: string; idAppointment: string | null }>;
  /** Slots booked in this session by their begin time, for the room and number in «Мои записи». */
  booked: Map<string, Slot>;
}

export function newPatientState(who: PatientIdentity, idLpu: number, idPat: string): PatientState {
  return {
    createdAt: Date.now(),
    who,
    lookups: 0,
    idPatByLpu: new Map([[idLpu, idPat]]),
    referrals: new Map(),
    doctors: new Map(),
    slots: new Map(),
    cells: new Map(),
    specialities: new Map(),
    tickets: new Map(),
    booked: new Map(),
  };
}

export const cellKey = (resourceGuid: string, date: string, time: string): string => `${resourceGuid.toLowerCase()}|${date}|${time}`;

/** What the adapter lends its self-booking and waiting-list parts. */
export interface N3Context {
  hub: HubCall;
  /** The `guid` parameter every operation ends with. */
  auth: XEl[];
  log: Logger;
  /** The kiosk's clinic: where identify found the patient's card. */
  idLpu: number;
  timeZone: string;
  now: () => number;
  stateOf(token: string): PatientState;
  clinic(idLpu: number): Promise<LpuWithStatus>;
  idPatAt(s: PatientState, idLpu: number): Promise<string>;
  readSlot(a: XNode): Slot | null;
  /** The visit's history id, read from the history if the booking answer left it unnamed. */
  bookedVisit(s: PatientState, ticketGuid: string, during: string): Promise<BookedVisit>;
  /** After SetAppointment: the ticket, its id in the session, the history's id for it. */
  afterBooking(s: PatientState, idLpu: number, idPat: string, slot: Slot, doctor: Doctor): Promise<TicketVisitWithLpu>;
  refusal(code: string, problem: KioskProblem, detail: string): ApiError;
}
