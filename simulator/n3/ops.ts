// The HubService operations the kiosk uses, as the reference MIS behaves (n3-hubservice.md §3):
// parameters read by exact name in WSDL order, results in data-contract member order, nil for
// absent values, Success/ErrorList for business failures. Booking without a referral and the
// waiting list are in self-booking-ops.ts and waiting-list-op.ts.
import { ageOn } from '../clock';
import { NS, el, kid, kidText, type XNode } from '../../electron/core/mis/n3/soap';
import { HubFail, int, nil, norm, patientIn, text, type OpHandler } from './params';
import { N3_CLINICS, N3_PATIENTS, SPECIALITIES } from './seed';
import { SELF_BOOKING_OPS, SELF_BOOKING_PARAMS } from './self-booking-ops';
import { appointmentEl, doctorEl, specEl } from './shapes';
import { referralByNumber, type N3Booking, type N3State } from './state';
import { WAITING_LIST_OP, WAITING_LIST_PARAMS } from './waiting-list-op';

export { HubFail, readParams } from './params';

/** WSDL parameter order per operation (guid, idHistory last). */
export const PARAMS: Record<string, readonly string[]> = {
  CheckPatient: ['pat', 'idLpu', 'guid', 'idHistory'],
  InspectDoctorsReferral2: ['idLpu', 'doctorsReferal', 'surname', 'attachedReferral', 'guid', 'idHistory'],
  SetAppointment: ['idAppointment', 'idLpu', 'idPat', 'doctorsReferral', 'attachedReferral', 'idAppointmentPrev', 'guid', 'idHistory'],
  GetPatientHistory: ['idLpu', 'idPat', 'guid', 'idHistory'],
  CreateClaimForRefusal: ['idLpu', 'idPat', 'idAppointment', 'guid', 'idHistory'],
  GetLPUInfo: ['idLpu', 'guid', 'idHistory'],
  GetErrorList: [],
  ...SELF_BOOKING_PARAMS,
  ...WAITING_LIST_PARAMS,
};

export const OPS: Record<string, OpHandler> = {
  ...SELF_BOOKING_OPS,
  ...WAITING_LIST_OP,

  CheckPatient(p) {
    const pat = p.get('pat');
    if (!pat || pat.nil) throw new HubFail(4);
    const f = (n: string) => kidText(pat, NS.a, n);
    const given = { birthday: f('Birthday')?.slice(0, 10) ?? null, polis: f('Polis_N'), surname: f('Surname'), idPat: f('IdPat'), snils: f('Snils') };
    if (!Object.values(given).some((v) => v)) throw new HubFail(4);
    const idLpu = int(p, 'idLpu');
    const found = N3_PATIENTS.filter(
      (x) =>
        idLpu !== null &&
        x.ids[idLpu] !== undefined &&
        (!given.birthday || x.birthday === given.birthday) &&
        (!given.polis || x.polisN === given.polis.trim()) &&
        (!given.surname || norm(x.surname).startsWith(norm(given.surname))) &&
        (!given.idPat || x.ids[idLpu] === given.idPat),
    );
    if (found.length === 0) throw new HubFail(20);
    if (found.length > 1) throw new HubFail(21);
    return [el('a:IdPat', found[0]!.ids[idLpu!]!)];
  },

  InspectDoctorsReferral2(p, state) {
    const number = text(p, 'doctorsReferal');
    const surname = text(p, 'surname');
    const ref = number ? referralByNumber(number) : undefined;
    if (!ref || !surname || norm(ref.surname) !== norm(surname)) throw new HubFail(20);
    const patient = N3_PATIENTS.find((x) => x.key === ref.patient)!;
    const spec = SPECIALITIES[ref.speciality]!;
    return [
      el('a:IdLpu', ref.idLpu),
      el('a:IdPat', patient.ids[ref.idLpu]!),
      el('a:ListSpeciality', [
        el('a:Speciality2', [
          nil('a:Description', null),
          el('a:FerIdSpeciality', spec.ferIdSpeciality),
          el('a:IdSpeciality', spec.idSpeciality),
          el(
            'a:ListDoctor',
            spec.doctors
              .filter((d) => d.idLpu === ref.idLpu)
              .map((d) =>
                el('a:Doctor2', [
                  nil('a:Description', null),
                  el('a:IdDoc', d.idDoc),
                  el('a:ListAppointment', state.freeSlots(d, spec).map(appointmentEl)),
                  el('a:Name', d.name),
                  el('a:Snils', d.snils),
                ]),
              ),
          ),
          el('a:NameSpeciality', spec.name),
        ]),
      ]),
    ];
  },

  SetAppointment(p, state) {
    const idLpu = int(p, 'idLpu');
    const patient = patientIn(idLpu, text(p, 'idPat'));
    const prev = movedBooking(p, state, patient.key, idLpu!);
    const id = text(p, 'idAppointment');
    const slot = id ? state.findSlot(id) : null;
    if (!slot || slot.doctor.idLpu !== idLpu || !state.isFuture(slot)) throw new HubFail(38);
    if (!state.isFree(slot)) throw new HubFail(39);
    // Without a referral the cell is booked as it is: the reference MIS checks no referral
    // quota either (the hub gates referral-only cells by what it offers).
    const referral = text(p, 'doctorsReferral');
    if (referral) {
      const ref = referralByNumber(referral);
      if (!ref || ref.patient !== patient.key) throw new HubFail(20);
    }
    const d = slot.doctor;
    const age = ageOn(patient.birthday, state.today());
    if (d.sexOnly && d.sexOnly !== patient.sex) throw new HubFail(22);
    if (d.minAge !== undefined && age < d.minAge) throw new HubFail(34);
    if (d.maxAge !== undefined && age > d.maxAge) throw new HubFail(33);
    if (d.area && d.area !== patient.area) throw new HubFail(36);
    // The booking being moved is not "another upcoming booking to this speciality".
    const others = state.upcoming(patient).filter((b) => b !== prev);
    if (others.some((b) => b.slot.doctor.idDoc === d.idDoc || b.slot.speciality.idSpeciality === slot.speciality.idSpeciality)) {
      throw new HubFail(35);
    }
    if (prev) state.move(prev, slot);
    else state.book(patient, idLpu!, slot, referral);
    return [el('a:Type', 'отсутстствует_неопределено')];
  },

  GetPatientHistory(p, state) {
    const idLpu = int(p, 'idLpu');
    const patient = patientIn(idLpu, text(p, 'idPat'));
    const mine = [...state.bookings.values()].filter((b) => b.patient.key === patient.key && b.idLpu === idLpu);
    const visit = (tag: string) => (b: (typeof mine)[number]) =>
      el(tag, [
        el('a:DateCreatedAppointment', new Date(b.createdAt + 3 * 3600_000).toISOString().slice(0, 19)),
        doctorEl('a:DoctorBringReferal', null),
        doctorEl('a:DoctorRendingConsultation', b.slot.doctor),
        el('a:IdAppointment', b.historyId),
        specEl('a:SpecialityBringReferal', null),
        specEl('a:SpecialityRendingConsultation', b.slot.speciality),
        el('a:UserCreatedAppointment', [el('a:UserName', 'Инфомат'), nil('a:UserPosition', null)]),
        el('a:VisitStart', `${b.slot.date}T${b.slot.time}:00`),
      ]);
    return [
      el('a:ListHistoryRefusal', mine.filter((b) => b.cancelled).map(visit('a:HistoryRefusal'))),
      el('a:ListHistoryVisit', mine.filter((b) => !b.cancelled && state.isFuture(b.slot)).map(visit('a:HistoryVisit'))),
    ];
  },

  CreateClaimForRefusal(p, state) {
    const idLpu = int(p, 'idLpu');
    const patient = patientIn(idLpu, text(p, 'idPat'));
    const id = text(p, 'idAppointment');
    const b = id ? state.bookings.get(id) : undefined;
    if (!b || b.cancelled || b.patient.key !== patient.key || b.idLpu !== idLpu) throw new HubFail(75);
    b.cancelled = true;
    state.taken.delete(b.slot.idAppointment);
    return [];
  },

  GetLPUInfo(p) {
    const idLpu = int(p, 'idLpu');
    const list = N3_CLINICS.filter((c) => idLpu === null || c.idLpu === idLpu);
    return [
      el(
        'a:LpuCollection',
        list.map((c) =>
          el('a:LpuInfo', [
            el('a:Address', c.address),
            nil('a:Commentary', null),
            el('a:DistrictId', 1),
            el('a:DistrictName', 'Адмиралтейский'),
            nil('a:DistrictOkato', null),
            nil('a:Email', null),
            el('a:FullName', c.fullName),
            el('a:Id', c.idLpu),
            nil('a:Oid', null),
            el('a:Phone', c.phone),
            nil('a:PublicGuid', null),
            el('a:ShortName', c.shortName),
            el('a:Type', 'Поликлиника'),
            el('a:WorkTime', c.workTime),
          ]),
        ),
      ),
    ];
  },

  GetErrorList() {
    return [];
  },
};

/**
 * idAppointmentPrev: «идентификатор талона записи на прием, по которой необходимо произвести
 * перенос даты и времени» (WSDL) — the patient's own upcoming booking, named by its history id
 * as for CreateClaimForRefusal. Unknown, cancelled, past or someone else's: 75, that operation's
 * code for a booking that is not there (our choice; the reference MIS ignores the parameter).
 */
function movedBooking(p: Map<string, XNode>, state: N3State, patientKey: string, idLpu: number): N3Booking | null {
  const id = text(p, 'idAppointmentPrev');
  if (id === null) return null;
  const b = state.bookings.get(id);
  if (!b || b.cancelled || b.patient.key !== patientKey || b.idLpu !== idLpu || !state.isFuture(b.slot)) throw new HubFail(75);
  return b;
}

export { kid };
