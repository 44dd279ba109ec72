// The N3.Здравоохранение HubService adapter behind the Mis port (n3-hubservice.md §6 flow):
// identify → CheckPatient; referral by number + surname → InspectDoctorsReferral2 (the hub's
// speciality/doctor/slot tree for that referral); book → SetAppointment; the slip from the
// chosen slot (Room, VisitStart, Num, doctor Name) plus GetLPUInfo; my visits →
// GetPatientHistory; cancel → CreateClaimForRefusal. Without a referral (n3-self-booking.ts):
// GetSpesialityList → GetDoctorList → GetAvaibleAppointments → SetAppointment, a move with
// idAppointmentPrev; the waiting list: SetWaitingList (n3-waiting-list.ts).
//
// N3 ids are ints (idLpu) and opaque strings (IdDoc, IdAppointment, IdPat); the bridge speaks
// GUIDs (n3-ids.ts), and the reverse maps live in the patient's state (n3-session.ts). Times
// without an offset are the clinic's wall clock (mis-time.ts).
import { randomBytes } from 'node:crypto';
import { SCHEDULE_DAYS } from '../../../common/rules';
import type { KioskProblem } from '../../../common/problems';
import { ApiError } from '../../api/api-error';
import { misDateTime } from '../../api/mis-time';
import type { Direction, DirectionScheduleLpu, LpuWithStatus, TicketVisitWithLpu } from '../../api/schemas';
import { silentLogger } from '../../ports';
import { capabilityError, type Mis, type MisStartInfo, type PatientIdentity } from '../port';
import { resourceOf, readSlot, ticketOf } from './n3-cells';
import { n3Error } from './n3-codes';
import { doctorGuid, idLpuOf, lpuGuid, n3Guid, visitGuid } from './n3-ids';
import { createSelfBooking } from './n3-self-booking';
import { cellKey, newPatientState, type BookedVisit, type Doctor, type N3Context, type PatientState, type ReferralState, type Slot } from './n3-session';
import { createWaitingList } from './n3-waiting-list';
import { createHubClient, type HubCall, type HubClientOptions } from './hub-client';
import { NS, el, kid, kidText, kids, type XEl } from './soap';

export { idLpuOf, lpuGuid, n3Guid, visitGuid } from './n3-ids';

export interface N3AdapterOptions extends HubClientOptions {
  guid: string;
  idLpu: number;
  timeZone: string;
  /** Tests inject a hub; default: SOAP over HTTP. */
  hub?: HubCall;
  /** The clock the waiting list's window starts from; tests set it. */
  now?: () => number;
}

const MAX_PATIENTS = 4;
/** N3 lists a patient's bookings (GetPatientHistory) and cancels them (CreateClaimForRefusal). */
const VISITS = true;
const CANCEL = true;
/** Enough for a patient who mistypes a few times; too few to try other people's numbers. */
export const MAX_REFERRAL_LOOKUPS = 10;

const optInt = (s: string | null): number | null => (s !== null && /^-?\d+$/.test(s) ? Number(s) : null);

/**
 * The history read that names a fresh booking (its IdAppointment, the id to cancel with): tried
 * again after a short pause when the hub stumbles, within a budget the patient will not notice
 * on top of the booking. A ticket the history never named still prints and is still the same
 * visit later (visitGuid); cancel asks the history then.
 */
const HISTORY_AFTER_BOOKING = { tries: 3, pauseMs: 300, budgetMs: 5000 } as const;

/** What the log may say about a failure: its kind and codes, never the hub's text (it may quote the patient). */
const failure = (err: unknown): Record<string, unknown> =>
  err instanceof ApiError ? { kind: err.kind, problem: err.problem, code: err.code, reason: err.reason } : { error: err instanceof Error ? err.name : typeof err };

export function createN3Adapter(o: N3AdapterOptions): Mis {
  const log = o.log ?? silentLogger;
  const rawHub: HubCall = o.hub ?? createHubClient({ ...o, log });
  // Every hub failure leaves in the kiosk's words, translated for the operation that failed.
  const hub: HubCall = async (op, params, opts) => {
    try {
      return await rawHub(op, params, opts);
    } catch (err) {
      throw n3Error(op, err);
    }
  };
  /** A refusal of the adapter's own (no hub code), in the kiosk's words. */
  const refusal = (code: string, problem: KioskProblem, detail: string, kind: 'validation' | 'auth' = 'validation') =>
    new ApiError(kind, null, code, null, detail, null, { problem });
  const tz = o.timeZone;
  const patients = new Map<string, PatientState>();
  const lpuInfo = new Map<number, LpuWithStatus>();
  const auth: XEl[] = [el('tem:guid', o.guid)];
  const time = (raw: string | null, field: string) => misDateTime(raw, tz, field);

  function stateOf(token: string): PatientState {
    const s = patients.get(token);
    if (!s) throw refusal('n3-session', 'sessionExpired', 'no N3 patient state for this session', 'auth');
    return s;
  }

  async function clinic(idLpu: number): Promise<LpuWithStatus> {
    const hit = lpuInfo.get(idLpu);
    if (hit) return hit;
    const r = await hub('GetLPUInfo', [el('tem:idLpu', idLpu), ...auth]);
    const info = kids(kid(r, NS.a, 'LpuCollection'), NS.a, 'LpuInfo')[0];
    if (!info) throw refusal('n3-lpu', 'clinicNotFound', `GetLPUInfo: the hub does not know idLpu ${idLpu}`);
    const name = kidText(info, NS.a, 'ShortName') ?? kidText(info, NS.a, 'FullName') ?? `ЛПУ ${idLpu}`; // i18n-ok: stands in for the MIS's own clinic name (MIS data)
    const lpu: LpuWithStatus = {
      guid: lpuGuid(idLpu),
      name,
      fullName: kidText(info, NS.a, 'FullName') ?? name,
      address: kidText(info, NS.a, 'Address') ?? '',
      phone: kidText(info, NS.a, 'Phone') ?? '',
      isActive: true,
      haveSchedule: true,
      status: { name: 'Online' },
      worktimes: kidText(info, NS.a, 'WorkTime') ? { today: kidText(info, NS.a, 'WorkTime') } : null,
    };
    lpuInfo.set(idLpu, lpu);
    return lpu;
  }

  /** CheckPatient: the patient's card (IdPat) at a clinic. */
  async function checkPatient(who: PatientIdentity, idLpu: number): Promise<string> {
    const r = await hub('CheckPatient', [
      el('tem:pat', [el('a:Birthday', `${who.birthDate}T00:00:00`), el('a:Polis_N', who.policy)]),
      el('tem:idLpu', idLpu),
      ...auth,
    ]);
    const idPat = kidText(r, NS.a, 'IdPat');
    if (!idPat) throw new ApiError('protocol', 200, null, null, 'CheckPatient: no IdPat in a successful answer');
    return idPat;
  }

  /** The identified patient's card at a clinic, asked once per clinic. */
  async function idPatAt(s: PatientState, idLpu: number): Promise<string> {
    const known = s.idPatByLpu.get(idLpu);
    if (known) return known;
    const idPat = await checkPatient(s.who, idLpu);
    s.idPatByLpu.set(idLpu, idPat);
    return idPat;
  }

  /** InspectDoctorsReferral2: the referral's specialities, doctors and free slots, fresh. */
  async function inspect(s: PatientState, number: string, surname: string): Promise<ReferralState> {
    const r = await hub('InspectDoctorsReferral2', [
      el('tem:idLpu', o.idLpu),
      el('tem:doctorsReferal', number),
      el('tem:surname', surname),
      ...auth,
    ]);
    const idLpu = optInt(kidText(r, NS.a, 'IdLpu')) ?? o.idLpu;
    const idPat = kidText(r, NS.a, 'IdPat');
    if (!idPat) throw new ApiError('protocol', 200, null, null, 'InspectDoctorsReferral2: no IdPat in a successful answer');
    // The hub finds a referral by number and surname alone: someone else's referral with the
    // same surname would be found too, and its IdPat would open that person's visits and
    // cancellations. It is the patient's only if their own card at that clinic is that IdPat.
    if ((await idPatAt(s, idLpu)) !== idPat) {
      log.audit('n3.referral_foreign', { idLpu });
      throw refusal('n3-foreign', 'referralNotFound', 'the referral belongs to another patient');
    }
    const guid = n3Guid('referral', number);
    const specs = kids(kid(r, NS.a, 'ListSpeciality'), NS.a, 'Speciality2');
    for (const sp of specs) {
      const specName = kidText(sp, NS.a, 'NameSpeciality') ?? '';
      for (const d of kids(kid(sp, NS.a, 'ListDoctor'), NS.a, 'Doctor2')) {
        const idDoc = kidText(d, NS.a, 'IdDoc');
        if (!idDoc) continue;
        const doctor: Doctor = { resourceGuid: doctorGuid(idLpu, idDoc), idLpu, idDoc, name: kidText(d, NS.a, 'Name') ?? '', speciality: specName };
        s.doctors.set(doctor.resourceGuid, doctor);
        for (const a of kids(kid(d, NS.a, 'ListAppointment'), NS.a, 'Appointment')) {
          const slot = slotOf(a);
          if (!slot) continue;
          s.slots.set(cellKey(doctor.resourceGuid, slot.begin.slice(0, 10), slot.begin.slice(11, 16)), { ...slot, doctor, referralGuid: guid });
        }
      }
    }
    const first = specs[0];
    // The clinic's name is decoration here: the referral stands without it.
    const lpu = await clinic(idLpu).catch((err: unknown) => {
      log.warn('n3.clinic_info_failed', { idLpu, during: 'InspectDoctorsReferral2', ...failure(err) });
      return null;
    });
    const direction: Direction = {
      guid,
      number,
      type: 'Consultation',
      status: 'Active',
      speciality: first ? { code: kidText(first, NS.a, 'IdSpeciality') ?? '', name: kidText(first, NS.a, 'NameSpeciality') ?? '' } : null,
      lpuTo: [{ lpuGuid: lpuGuid(idLpu), name: lpu?.name ?? '', mcod: '' }],
      hasSchedule: [...s.slots.values()].some((x) => x.referralGuid === guid),
    };
    const ref: ReferralState = { number, surname, idLpu, idPat, direction };
    s.referrals.set(guid, ref);
    return ref;
  }

  const slotOf = (a: Parameters<typeof readSlot>[0]): Slot | null => readSlot(a, tz, log);

  async function history(s: PatientState, idLpu: number, idPat: string): Promise<TicketVisitWithLpu[]> {
    const r = await hub('GetPatientHistory', [el('tem:idLpu', idLpu), el('tem:idPat', idPat), ...auth]);
    const lpu = await clinic(idLpu).catch((err: unknown) => {
      log.warn('n3.clinic_info_failed', { idLpu, during: 'GetPatientHistory', ...failure(err) });
      return { guid: lpuGuid(idLpu), name: `ЛПУ ${idLpu}`, fullName: '', address: '', phone: '' } as LpuWithStatus; // i18n-ok: MIS data stand-in
    });
    const out: TicketVisitWithLpu[] = [];
    for (const v of kids(kid(r, NS.a, 'ListHistoryVisit'), NS.a, 'HistoryVisit')) {
      const id = kidText(v, NS.a, 'IdAppointment');
      const start = kidText(v, NS.a, 'VisitStart');
      if (!id || !start) continue;
      let begin: string;
      try {
        begin = time(start, 'HistoryVisit.VisitStart');
      } catch (err) {
        log.warn('n3.visit_dropped', { idLpu, ...failure(err) });
        continue;
      }
      const doc = kid(v, NS.a, 'DoctorRendingConsultation');
      const idDoc = kidText(doc, NS.a, 'IdDoc');
      const docFio = kidText(doc, NS.a, 'Name') ?? '';
      const speciality = kidText(kid(v, NS.a, 'SpecialityRendingConsultation'), NS.a, 'NameSpesiality') ?? '';
      const ticketGuid = visitGuid(idLpu, begin, idDoc ?? '');
      s.tickets.set(ticketGuid, { idLpu, idPat, idAppointment: id });
      // The doctor of a visit is whose other times a move offers (resourceSchedule).
      if (idDoc && !s.doctors.has(doctorGuid(idLpu, idDoc))) s.doctors.set(doctorGuid(idLpu, idDoc), { resourceGuid: doctorGuid(idLpu, idDoc), idLpu, idDoc, name: docFio, speciality });
      const mine = s.booked.get(begin);
      out.push({
        lpu,
        num: mine?.num != null ? String(mine.num) : '',
        room: mine?.room ?? '',
        flat: null,
        ticketGuid,
        timeTableGuid: '',
        docFio,
        docGuid: idDoc ? doctorGuid(idLpu, idDoc) : '',
        resType: 'Doctor',
        doctorRole: '',
        speciality,
        beginTime: begin,
        endTime: mine?.end ?? begin,
        dateOfAppointment: kidText(v, NS.a, 'DateCreatedAppointment'),
      });
    }
    return out;
  }

  /**
   * After SetAppointment: the history's id for the visit just booked, so it can be cancelled.
   * A failure is logged and left for cancel to retry; the booking itself stands.
   */
  async function learnBooking(s: PatientState, idLpu: number, idPat: string, ticketGuid: string): Promise<void> {
    const started = Date.now();
    let attempt = 0;
    while (attempt < HISTORY_AFTER_BOOKING.tries && (attempt === 0 || Date.now() - started < HISTORY_AFTER_BOOKING.budgetMs)) {
      if (attempt++ > 0) await new Promise((r) => setTimeout(r, HISTORY_AFTER_BOOKING.pauseMs));
      try {
        await history(s, idLpu, idPat);
        if (s.tickets.get(ticketGuid)?.idAppointment) return;
        log.warn('n3.booked_not_in_history', { idLpu, attempt });
      } catch (err) {
        log.warn('n3.history_after_booking_failed', { idLpu, attempt, ...failure(err) });
      }
    }
    log.warn('n3.booked_unnamed', { idLpu, attempts: attempt });
  }

  /** A booked visit's history id; a ticket booked while the history did not answer is asked for now. */
  async function bookedVisit(s: PatientState, ticketGuid: string, during: string): Promise<BookedVisit> {
    const guid = ticketGuid.toLowerCase();
    const t = s.tickets.get(guid);
    if (!t) throw refusal('n3-ticket', 'bookingNotFound', 'unknown ticket GUID for this session');
    if (t.idAppointment === null) {
      await history(s, t.idLpu, t.idPat);
      if (s.tickets.get(guid)?.idAppointment == null) {
        log.warn(`n3.${during}_not_in_history`, { idLpu: t.idLpu });
        throw refusal('n3-ticket', 'bookingNotFound', 'the booked visit is not in the hub\'s history');
      }
    }
    const named = s.tickets.get(guid)!;
    return { idLpu: named.idLpu, idPat: named.idPat, idAppointment: named.idAppointment! };
  }

  /** What every successful SetAppointment leads to: the visit known to the session, the ticket. */
  async function afterBooking(s: PatientState, idLpu: number, idPat: string, slot: Slot, doctor: Doctor): Promise<TicketVisitWithLpu> {
    s.booked.set(slot.begin, slot);
    const ticketGuid = visitGuid(idLpu, slot.begin, doctor.idDoc);
    // A visit at this time with this doctor cancelled earlier had another IdAppointment.
    s.tickets.set(ticketGuid, { idLpu, idPat, idAppointment: null });
    await learnBooking(s, idLpu, idPat, ticketGuid);
    return ticketOf(await clinic(idLpu), idLpu, slot, doctor, ticketGuid);
  }

  const context: N3Context = {
    hub,
    auth,
    log,
    idLpu: o.idLpu,
    timeZone: tz,
    now: o.now ?? Date.now,
    stateOf,
    clinic,
    idPatAt,
    readSlot: slotOf,
    bookedVisit,
    afterBooking,
    refusal: (code, problem, detail) => refusal(code, problem, detail),
  };

  return {
    kind: 'n3',
    capabilities: {
      listReferrals: false,
      referralByNumber: true,
      visits: VISITS,
      cancel: CANCEL,
      clientApplicationCheck: true,
      selfBooking: true,
      // A move starts from «Мои записи», and a move the hub refuses leaves a booking to cancel.
      reschedule: VISITS && CANCEL,
      waitingList: true,
    },
    // SetAppointment.idAppointmentPrev (WSDL): «идентификатор талона записи на прием, по которой
    // необходимо произвести перенос даты и времени» — the booking itself is moved, not copied.
    rescheduleMovesOld: true,

    async start() {
      // The kiosk's own clinic: proves the guid and the idLpu, and is the slip's header. Asked
      // afresh every time (start-up, the technician's «Проверить МИС»): a revoked guid must show.
      lpuInfo.delete(o.idLpu);
      const lpu = await clinic(o.idLpu);
      const info: MisStartInfo = { scheduleDays: null, note: `N3 clinic ${o.idLpu}: ${lpu.name}` };
      return info;
    },

    scheduleDays: () => SCHEDULE_DAYS,

    async identify({ policy, birthDate }) {
      const idPat = await checkPatient({ policy, birthDate }, o.idLpu);
      const token = randomBytes(24).toString('base64url');
      while (patients.size >= MAX_PATIENTS) patients.delete(patients.keys().next().value!);
      patients.set(token, newPatientState({ policy, birthDate }, o.idLpu, idPat));
      return { token, expiresIn: null };
    },

    async referrals() {
      throw capabilityError('listReferrals');
    },

    async referralByNumber(token, { number, surname }) {
      const s = stateOf(token);
      if (++s.lookups > MAX_REFERRAL_LOOKUPS) {
        log.audit('n3.referral_lookups_capped', { lookups: s.lookups });
        throw refusal('n3-lookups', 'tooManyLookups', 'too many referral lookups in one session');
      }
      return (await inspect(s, number, surname)).direction;
    },

    async clinics(token, referralGuid) {
      const ref = stateOf(token).referrals.get(referralGuid.toLowerCase());
      if (!ref) throw refusal('n3-referral', 'referralNotFound', 'unknown referral GUID for this session');
      return [await clinic(ref.idLpu)];
    },

    async schedule(token, referralGuid, q): Promise<DirectionScheduleLpu[]> {
      const s = stateOf(token);
      referralGuid = referralGuid.toLowerCase();
      const ref = s.referrals.get(referralGuid);
      if (!ref) throw refusal('n3-referral', 'referralNotFound', 'unknown referral GUID for this session');
      if (idLpuOf(q.lpuGuid) !== ref.idLpu) return [];
      // Fresh slots every time: after «time taken» (39) the patient must see the current list.
      for (const [k, v] of s.slots) if (v.referralGuid === referralGuid) s.slots.delete(k);
      await inspect(s, ref.number, ref.surname);
      // Each doctor of this referral with its slots, in the order the hub listed them.
      const byDoctor = new Map<string, { doctor: Doctor; slots: Slot[] }>();
      for (const slot of s.slots.values()) {
        if (slot.referralGuid !== referralGuid) continue;
        const entry = byDoctor.get(slot.doctor.resourceGuid) ?? { doctor: slot.doctor, slots: [] };
        byDoctor.set(slot.doctor.resourceGuid, entry);
        entry.slots.push(slot);
      }
      const resources = [...byDoctor.values()].map(({ doctor, slots }) => resourceOf(ref.idLpu, doctor, slots, q));
      return [{ lpu: await clinic(ref.idLpu), resources }];
    },

    async book(token, body) {
      const s = stateOf(token);
      const key = cellKey(body.resourceGuid, body.date, body.time);
      const ref = s.referrals.get(body.directionGuid.toLowerCase());
      const slot = s.slots.get(key);
      if (!ref || !slot || slot.referralGuid !== body.directionGuid.toLowerCase()) {
        throw refusal('n3-slot', 'slotTaken', 'the chosen slot is not in this session\'s referral tree');
      }
      await hub(
        'SetAppointment',
        [
          el('tem:idAppointment', slot.idAppointment),
          el('tem:idLpu', ref.idLpu),
          el('tem:idPat', ref.idPat),
          el('tem:doctorsReferral', ref.number),
          ...auth,
        ],
        { write: true },
      );
      s.slots.delete(key);
      return afterBooking(s, ref.idLpu, ref.idPat, slot, slot.doctor);
    },

    async visits(token, q) {
      const s = stateOf(token);
      const all: TicketVisitWithLpu[] = [];
      // A history per clinic: with a clinic named, only that one is asked (one request).
      const only = q?.lpuGuid ? idLpuOf(q.lpuGuid) : null;
      for (const [idLpu, idPat] of s.idPatByLpu) if (only === null || idLpu === only) all.push(...(await history(s, idLpu, idPat)));
      return all.filter((v) => (!q?.dateFrom || v.beginTime.slice(0, 10) >= q.dateFrom) && (!q?.dateTo || v.beginTime.slice(0, 10) <= q.dateTo));
    },

    async cancel(token, _lpuGuid, ticketGuid) {
      const v = await bookedVisit(stateOf(token), ticketGuid, 'cancel');
      await hub('CreateClaimForRefusal', [el('tem:idLpu', v.idLpu), el('tem:idPat', v.idPat), el('tem:idAppointment', v.idAppointment), ...auth], { write: true });
    },

    ...createSelfBooking(context),
    ...createWaitingList(context),

    forgetPatients() {
      patients.clear();
    },
  };
}
