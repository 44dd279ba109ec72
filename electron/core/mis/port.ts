// The one MIS port the kiosk's use cases talk to. Each regional MIS (SoftRust REST, the N3
// HubService SOAP hub, …) is an adapter behind it. The data shapes are the kiosk's own MIS
// model (schemas.ts, born from the SoftRust seed), because the view models already read them;
// an adapter whose MIS speaks differently maps into them. What an MIS cannot do is declared in
// `capabilities`, and the flow (through kioskInfo) adapts to it: no screen knows which MIS it is.
import { ApiError } from '../api/api-error';
import type { MisKind } from '../../common/mis-kinds';
import type { Direction, DirectionScheduleLpu, LpuWithStatus, TicketVisitWithLpu } from '../api/schemas';

export interface MisCapabilities {
  /** The MIS lists the patient's referrals (SoftRust PROPOSED `GET /api/v2/directions`). */
  listReferrals: boolean;
  /** The patient types the referral number and surname (N3 InspectDoctorsReferral2). */
  referralByNumber: boolean;
  /** The patient's bookings can be listed («Мои записи»; also how a lost booking answer is checked). */
  visits: boolean;
  /** The patient may cancel a booking at the kiosk. */
  cancel: boolean;
  /** The kiosk's client application is checked at start (SoftRust settings/clientApplication). */
  clientApplicationCheck: boolean;
  /**
   * The patient books a doctor open to self-booking without a referral: the specialities, their
   * schedule and booking by slot (SoftRust speciality schedule + `POST /api/v2/visit`; N3
   * GetSpesialityList → GetDoctorList → GetAvaibleAppointments → SetAppointment).
   */
  selfBooking: boolean;
  /** A booking can be moved to another time of the same doctor (needs `visits` too, to offer it). */
  reschedule: boolean;
  /** The patient can ask for the waiting list when there is no (convenient) time. */
  waitingList: boolean;
}

/** A speciality the MIS lets this patient book themselves at a clinic (before the kiosk's own filter). */
export interface SelfBookingSpeciality {
  lpu: LpuWithStatus;
  /** The MIS's id of the speciality (SoftRust speciality code, N3 IdSpesiality). */
  code: string;
  name: string;
  /**
   * The nearest free cell's start as the MIS reports it (N3 NearestDate), raw as the MIS wrote
   * it; undefined when this MIS does not say (the kiosk then reads the speciality's schedule),
   * null when it says there is none.
   */
  nearest?: string | null;
}

/** A free cell booked by itself (self-booking, a reschedule): the cell as the schedule gave it. */
export interface SlotBookingRequest {
  lpuGuid: string;
  resourceGuid: string;
  date: string;
  time: string;
  /** The schedule's id of the cell (SoftRust `timeTable`, N3 IdAppointment behind a derived GUID). */
  timeTableGuid: string;
}

/**
 * The booking a new one replaces (a reschedule). The adapter names it to the MIS where the MIS
 * can take it (N3 `idAppointmentPrev`; SoftRust PROPOSED `previousTicketGuid`), so a
 * one-booking-per-speciality rule does not refuse the new time.
 */
export interface ReplacedBooking {
  ticketGuid: string;
  lpuGuid: string;
}

/** Why the patient asks for the waiting list (N3 ClaimToWaitingListType 1 and 2). */
export type WaitingListReason = 'noSlots' | 'noConvenientTime';

export interface WaitingListRequest {
  lpuGuid: string;
  /** What the patient waits for: a speciality (self-booking) or a referral. */
  specialityCode: string | null;
  referralGuid: string | null;
  /** A Russian mobile number, digits only (+7 dropped): personal data, never logged or kept. */
  phone: string;
  reason: WaitingListReason;
}

export interface PatientIdentity {
  policy: string;
  birthDate: string;
}

/** A patient credential the session keeps; never leaves the main process. */
export interface MisCredential {
  token: string;
  expiresIn: number | null;
}

export interface BookingRequest {
  date: string;
  time: string;
  directionGuid: string;
  lpuGuid: string;
  resourceGuid: string;
}

/** What the start-up check learnt about this kiosk from the MIS. */
export interface MisStartInfo {
  /** How many days ahead this kiosk may book (SoftRust `scheduleDays`), null if not said. */
  scheduleDays: number | null;
  /** A line for the technician's log. */
  note: string;
}

export interface Mis {
  readonly kind: MisKind;
  readonly capabilities: MisCapabilities;
  /** Start-up checks (client application); throws an ApiError when the MIS refuses the kiosk. */
  start(): Promise<MisStartInfo>;
  /** The schedule window in days (from start(), else the kiosk's default). */
  scheduleDays(): number;
  identify(who: PatientIdentity): Promise<MisCredential>;
  referrals(token: string, statuses: readonly string[]): Promise<Direction[]>;
  /** Only when capabilities.referralByNumber. */
  referralByNumber(token: string, q: { number: string; surname: string }): Promise<Direction>;
  clinics(token: string, referralGuid: string): Promise<LpuWithStatus[]>;
  schedule(
    token: string,
    referralGuid: string,
    q: { lpuGuid: string; dateFrom: string; dateTo: string },
  ): Promise<DirectionScheduleLpu[]>;
  book(token: string, body: BookingRequest): Promise<TicketVisitWithLpu>;
  /**
   * The patient's bookings. `lpuGuid`: only that clinic's are needed; an MIS that keeps
   * histories per clinic (N3) then asks one clinic, one that lists them all at once ignores it.
   */
  visits(token: string, q?: { dateFrom?: string; dateTo?: string; lpuGuid?: string }): Promise<TicketVisitWithLpu[]>;
  /** Only when capabilities.cancel. Resolves once the MIS has cancelled (the kiosk says so in its own words). */
  cancel(token: string, lpuGuid: string, ticketGuid: string): Promise<void>;
  /** Only when capabilities.selfBooking: what the patient may book without a referral, in the MIS's order. */
  selfBookingSpecialities(token: string): Promise<SelfBookingSpeciality[]>;
  /** Only when capabilities.selfBooking: the free cells of a speciality at a clinic. */
  specialitySchedule(token: string, q: { lpuGuid: string; specialityCode: string; dateFrom: string; dateTo: string }): Promise<DirectionScheduleLpu[]>;
  /** Only when capabilities.reschedule: the free cells of one doctor (or room) at a clinic. */
  resourceSchedule(token: string, q: { lpuGuid: string; resourceGuid: string; dateFrom: string; dateTo: string }): Promise<DirectionScheduleLpu[]>;
  /** Books a free cell by itself (self-booking; with `replaces`, a reschedule). */
  bookSlot(token: string, body: SlotBookingRequest & { replaces?: ReplacedBooking }): Promise<TicketVisitWithLpu>;
  /**
   * Whether the MIS drops the replaced booking itself when the new one is made (N3 moves it with
   * idAppointmentPrev); otherwise the kiosk cancels it once the new one is confirmed.
   */
  readonly rescheduleMovesOld: boolean;
  /** Only when capabilities.waitingList. The MIS's reference for the request, when it gives one. */
  joinWaitingList(token: string, q: WaitingListRequest): Promise<{ reference: string | null }>;
  /**
   * The patient session ended: an adapter that keeps anything of its own per patient (N3: the
   * IdPat per clinic, the referral tree, booked slots) drops all of it. A kiosk serves one
   * patient at a time, so nothing kept for a patient outlives their session.
   */
  forgetPatients?(): void;
}

/**
 * The typed refusal of a method the adapter declared it does not have: a calm «not at this
 * kiosk» for the patient (the flow should never offer it, so reaching it is a stale screen).
 */
export function capabilityError(capability: keyof MisCapabilities): ApiError {
  return new ApiError('validation', null, 'unsupported', null, `this MIS has no ${capability}`, null, { problem: 'unsupported' });
}

type AsyncMethods = Exclude<{ [K in keyof Mis]-?: Mis[K] extends (...a: never[]) => Promise<unknown> ? K : never }[keyof Mis], undefined>;
const ASYNC_METHODS: readonly AsyncMethods[] = [
  'start', 'identify', 'referrals', 'referralByNumber', 'clinics', 'schedule', 'book', 'visits', 'cancel',
  'selfBookingSpecialities', 'specialitySchedule', 'resourceSchedule', 'bookSlot', 'joinWaitingList',
];

/**
 * The adapter with every failure of its calls put through `translate` (its own code table), so
 * nothing above the port sees an MIS code: the port's callers read `ApiError.problem` only.
 */
export function translatingErrors(mis: Mis, translate: (err: unknown) => unknown): Mis {
  const out: Mis = { ...mis };
  for (const name of ASYNC_METHODS) {
    const fn = mis[name] as (...a: unknown[]) => Promise<unknown>;
    (out as unknown as Record<string, unknown>)[name] = async (...args: unknown[]) => {
      try {
        return await fn.apply(mis, args);
      } catch (err) {
        throw translate(err);
      }
    };
  }
  return out;
}
