// The N3.Здравоохранение HubService adapter behind the Mis port (n3-hubservice.md §6 flow):
// identify → CheckPatient; referral by number + surname → InspectDoctorsReferral2 (the hub's
// speciality/doctor/slot tree for that referral); book → SetAppointment; the slip from the
// chosen slot (Room, VisitStart, Num, doctor Name) plus GetLPUInfo; my visits →
// GetPatientHistory; cancel → CreateClaimForRefusal.
//
// N3 ids are ints (idLpu) and opaque strings (IdDoc, IdAppointment, IdPat); the bridge speaks
// GUIDs. The adapter derives stable GUIDs from the N3 ids and keeps the reverse maps in the
// patient's state, keyed by a random per-patient handle that plays the COD token's role in the
// PatientSession (so it, too, never leaves the main process). Times without an offset are the
// clinic's wall clock (mis-time.ts).
import { createHash, randomBytes } from 'node:crypto';
import { SCHEDULE_DAYS } from '../../../common/rules';
import type { KioskProblem } from '../../../common/problems';
import { ApiError } from '../../api/api-error';
import { misDateTime } from '../../api/mis-time';
import type { Direction, DirectionScheduleLpu, LpuWithStatus, TicketVisitWithLpu } from '../../api/schemas';
import { silentLogger } from '../../ports';
import { capabilityError, type Mis, type MisStartInfo, type PatientIdentity } from '../port';
import { n3Error } from './n3-codes';
import { createHubClient, type HubCall, type HubClientOptions } from './hub-client';
import { NS, el, kid, kidText, kids, type XEl, type XNode } from './soap';

export interface N3AdapterOptions extends HubClientOptions {
  guid: string;
  idLpu: number;
  timeZone: string;
  /** Tests inject a hub; default: SOAP over HTTP. */
  hub?: HubCall;
}

interface Slot {
  idAppointment: string;
  num: number | null;
  room: string;
  address: string;
  begin: string;
  end: string;
}
interface Doctor {
  resourceGuid: string;
  idDoc: string;
  name: string;
  speciality: string;
}
interface ReferralState {
  number: string;
  surname: string;
  idLpu: number;
  idPat: string;
  direction: Direction;
}
interface PatientState {
  createdAt: number;
  /** Who identified: a referral is only theirs if CheckPatient at its clinic names the same IdPat. */
  who: PatientIdentity;
  /** Referral lookups by number in this session (a cap stops trying numbers one after another). */
  lookups: number;
  idPatByLpu: Map<number, string>;
  referrals: Map<string, ReferralState>;
  doctors: Map<string, Doctor>;
  /** `${resourceGuid}|${date}|${time}` → the slot as the hub sent it. */
  slots: Map<string, Slot & { doctor: Doctor; referralGuid: string }>;
  /** ticketGuid → the history id to cancel with; null until the history has named the visit. */
  tickets: Map<string, { idLpu: number; idPat: string; idAppointment: string | null }>;
  /** Slots booked in this session by their begin time, for the room and number in «Мои записи». */
  booked: Map<string, Slot>;
}

const MAX_PATIENTS = 4;
/** Enough for a patient who mistypes a few times; too few to try other people's numbers. */
export const MAX_REFERRAL_LOOKUPS = 10;

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
/** idLpu travels as a GUID whose last group is the id, so it needs no map. */
export const lpuGuid = (idLpu: number): string => `a3a30000-0000-4000-8000-${idLpu.toString(16).padStart(12, '0')}`;
export function idLpuOf(guid: string): number | null {
  const m = /^a3a30000-0000-4000-8000-([0-9a-f]{12})$/i.exec(guid);
  return m ? parseInt(m[1]!, 16) : null;
}

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
        const doctor: Doctor = { resourceGuid: n3Guid('doctor', idLpu, idDoc), idDoc, name: kidText(d, NS.a, 'Name') ?? '', speciality: specName };
        s.doctors.set(doctor.resourceGuid, doctor);
        for (const a of kids(kid(d, NS.a, 'ListAppointment'), NS.a, 'Appointment')) {
          const slot = readSlot(a);
          if (!slot) continue;
          s.slots.set(`${doctor.resourceGuid}|${slot.begin.slice(0, 10)}|${slot.begin.slice(11, 16)}`, { ...slot, doctor, referralGuid: guid });
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

  function readSlot(a: XNode): Slot | null {
    const id = kidText(a, NS.a, 'IdAppointment');
    const start = kidText(a, NS.a, 'VisitStart');
    if (!id || !start) return null;
    try {
      const begin = time(start, 'Appointment.VisitStart');
      const endRaw = kidText(a, NS.a, 'VisitEnd');
      let end = endRaw ? time(endRaw, 'Appointment.VisitEnd') : begin;
      if (Date.parse(end) <= Date.parse(begin)) end = begin;
      return { idAppointment: id, num: optInt(kidText(a, NS.a, 'Num')), room: kidText(a, NS.a, 'Room') ?? '', address: kidText(a, NS.a, 'Address') ?? '', begin, end };
    } catch (err) {
      log.warn('n3.slot_dropped', { detail: err instanceof Error ? err.message : String(err) });
      return null;
    }
  }

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
      const ticketGuid = visitGuid(idLpu, begin, idDoc ?? '');
      s.tickets.set(ticketGuid, { idLpu, idPat, idAppointment: id });
      const mine = s.booked.get(begin);
      out.push({
        lpu,
        num: mine?.num != null ? String(mine.num) : '',
        room: mine?.room ?? '',
        flat: null,
        ticketGuid,
        timeTableGuid: '',
        docFio: kidText(doc, NS.a, 'Name') ?? '',
        docGuid: idDoc ? n3Guid('doctor', idLpu, idDoc) : '',
        resType: 'Doctor',
        doctorRole: '',
        speciality: kidText(kid(v, NS.a, 'SpecialityRendingConsultation'), NS.a, 'NameSpesiality') ?? '',
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

  return {
    kind: 'n3',
    capabilities: { listReferrals: false, referralByNumber: true, visits: true, cancel: true, clientApplicationCheck: true, selfBooking: false, reschedule: false, waitingList: false },
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
      patients.set(token, {
        createdAt: Date.now(),
        who: { policy, birthDate },
        lookups: 0,
        idPatByLpu: new Map([[o.idLpu, idPat]]),
        referrals: new Map(),
        doctors: new Map(),
        slots: new Map(),
        tickets: new Map(),
        booked: new Map(),
      });
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
      const byDoctor = new Map<string, Map<string, DirectionScheduleLpu['resources'][number]['days'][number]['slots']>>();
      for (const slot of s.slots.values()) {
        if (slot.referralGuid !== referralGuid) continue;
        const date = slot.begin.slice(0, 10);
        if (date < q.dateFrom || date > q.dateTo) continue;
        const days = byDoctor.get(slot.doctor.resourceGuid) ?? new Map();
        byDoctor.set(slot.doctor.resourceGuid, days);
        const list = days.get(date) ?? [];
        days.set(date, list);
        list.push({ time: slot.begin.slice(11, 16), beginTime: slot.begin, endTime: slot.end, timeTableGuid: n3Guid('slot', ref.idLpu, slot.idAppointment), status: 'Available', message: null });
      }
      const resources = [...s.doctors.values()]
        .filter((d) => byDoctor.has(d.resourceGuid) || [...s.slots.values()].some((x) => x.doctor.resourceGuid === d.resourceGuid))
        .map((d) => {
          const rooms = [...s.slots.values()].filter((x) => x.doctor.resourceGuid === d.resourceGuid).map((x) => x.room).filter(Boolean);
          return {
            resourceGuid: d.resourceGuid,
            resType: 'Doctor',
            docFio: d.name,
            doctorRole: '',
            speciality: d.speciality,
            room: rooms.length && rooms.every((r) => r === rooms[0]) ? rooms[0]! : '',
            flat: null,
            days: [...(byDoctor.get(d.resourceGuid) ?? new Map()).entries()].map(([date, slots]) => ({ date, slots })),
          };
        });
      return [{ lpu: await clinic(ref.idLpu), resources }];
    },

    async book(token, body) {
      const s = stateOf(token);
      const key = `${body.resourceGuid.toLowerCase()}|${body.date}|${body.time}`;
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
      s.booked.set(slot.begin, slot);
      s.slots.delete(key);
      const ticketGuid = visitGuid(ref.idLpu, slot.begin, slot.doctor.idDoc);
      // A visit at this time with this doctor cancelled earlier had another IdAppointment.
      s.tickets.set(ticketGuid, { idLpu: ref.idLpu, idPat: ref.idPat, idAppointment: null });
      await learnBooking(s, ref.idLpu, ref.idPat, ticketGuid);
      const lpu = await clinic(ref.idLpu);
      return {
        lpu: slot.address ? { ...lpu, address: slot.address } : lpu,
        num: slot.num !== null ? String(slot.num) : slot.idAppointment,
        room: slot.room,
        flat: null,
        ticketGuid,
        timeTableGuid: n3Guid('slot', ref.idLpu, slot.idAppointment),
        docFio: slot.doctor.name,
        docGuid: slot.doctor.resourceGuid,
        resType: 'Doctor',
        doctorRole: '',
        speciality: slot.doctor.speciality,
        beginTime: slot.begin,
        endTime: slot.end,
        dateOfAppointment: null,
      };
    },

    async visits(token, q) {
      const s = stateOf(token);
      const all: TicketVisitWithLpu[] = [];
      for (const [idLpu, idPat] of s.idPatByLpu) all.push(...(await history(s, idLpu, idPat)));
      return all.filter((v) => (!q?.dateFrom || v.beginTime.slice(0, 10) >= q.dateFrom) && (!q?.dateTo || v.beginTime.slice(0, 10) <= q.dateTo));
    },

    async cancel(token, _lpuGuid, ticketGuid) {
      const s = stateOf(token);
      const guid = ticketGuid.toLowerCase();
      const t = s.tickets.get(guid);
      if (!t) throw refusal('n3-ticket', 'bookingNotFound', 'unknown ticket GUID for this session');
      if (t.idAppointment === null) {
        // Booked while the history did not answer: it names the visit now, or it is not there.
        await history(s, t.idLpu, t.idPat);
        if (s.tickets.get(guid)?.idAppointment == null) {
          log.warn('n3.cancel_not_in_history', { idLpu: t.idLpu });
          throw refusal('n3-ticket', 'bookingNotFound', 'the booked visit is not in the hub\'s history');
        }
      }
      const idAppointment = s.tickets.get(guid)!.idAppointment!;
      await hub('CreateClaimForRefusal', [el('tem:idLpu', t.idLpu), el('tem:idPat', t.idPat), el('tem:idAppointment', idAppointment), ...auth], { write: true });
    },

    async selfBookingSpecialities() {
      throw capabilityError('selfBooking');
    },
    async specialitySchedule() {
      throw capabilityError('selfBooking');
    },
    async resourceSchedule() {
      throw capabilityError('reschedule');
    },
    async bookSlot() {
      throw capabilityError('selfBooking');
    },
    async joinWaitingList() {
      throw capabilityError('waitingList');
    },

    forgetPatients() {
      patients.clear();
    },
  };
}
