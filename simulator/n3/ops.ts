// The HubService operations the kiosk uses, as the reference MIS behaves (n3-hubservice.md §3):
// parameters read by exact name in WSDL order, results in data-contract member order, nil for
// absent values, Success/ErrorList for business failures.
import { ageOn } from '../clock';
import { NS, el, kid, kidText, type XEl, type XNode } from '../../electron/core/mis/n3/soap';
import { ERROR_TEXTS, N3_CLINICS, N3_PATIENTS, SPECIALITIES, type N3Doctor, type N3Patient, type N3Speciality } from './seed';
import { referralByNumber, type N3Slot, type N3State } from './state';

/** A business failure: HTTP 200, Success=false, one Error (as the reference MIS sends). */
export class HubFail extends Error {
  constructor(readonly idError: number, text?: string) {
    super(text ?? ERROR_TEXTS[idError] ?? ERROR_TEXTS[99]!);
  }
}

/** WSDL parameter order per operation (guid, idHistory last). */
export const PARAMS: Record<string, readonly string[]> = {
  CheckPatient: ['pat', 'idLpu', 'guid', 'idHistory'],
  InspectDoctorsReferral2: ['idLpu', 'doctorsReferal', 'surname', 'attachedReferral', 'guid', 'idHistory'],
  SetAppointment: ['idAppointment', 'idLpu', 'idPat', 'doctorsReferral', 'attachedReferral', 'idAppointmentPrev', 'guid', 'idHistory'],
  GetPatientHistory: ['idLpu', 'idPat', 'guid', 'idHistory'],
  CreateClaimForRefusal: ['idLpu', 'idPat', 'idAppointment', 'guid', 'idHistory'],
  GetLPUInfo: ['idLpu', 'guid', 'idHistory'],
  GetErrorList: [],
};

/**
 * Reads the wrapper's parameters the way WCF does: by exact name in `tem`, in WSDL order; an
 * element out of order, mis-spelt or in another namespace counts as absent.
 */
export function readParams(wrapper: XNode, order: readonly string[]): Map<string, XNode> {
  const out = new Map<string, XNode>();
  let at = 0;
  for (const c of wrapper.children) {
    if (c.ns !== NS.tem) continue;
    const pos = order.indexOf(c.name, at);
    if (pos < 0) continue;
    out.set(c.name, c);
    at = pos + 1;
  }
  return out;
}

const text = (p: Map<string, XNode>, name: string): string | null => {
  const n = p.get(name);
  return !n || n.nil || n.text === '' ? null : n.text;
};
const int = (p: Map<string, XNode>, name: string): number | null => {
  const t = text(p, name);
  return t !== null && /^-?\d+$/.test(t) ? Number(t) : null;
};
const norm = (s: string) => s.trim().toLocaleLowerCase('ru-RU').replace(/ё/g, 'е');

function patientIn(idLpu: number | null, idPat: string | null): N3Patient {
  const p = idLpu !== null && idPat ? N3_PATIENTS.find((x) => x.ids[idLpu] === idPat) : undefined;
  if (!p) throw new HubFail(20);
  return p;
}

const nil = (name: string, v: string | number | null | undefined): XEl => el(name, v === null || v === undefined ? null : v);

const doctorEl = (name: string, d: N3Doctor | null): XEl =>
  d === null
    ? el(name, null)
    : el(name, [
        nil('a:AriaNumber', d.area ?? null),
        nil('a:Comment', null),
        el('a:CountFreeParticipantIE', 0),
        el('a:CountFreeTicket', 0),
        el('a:IdDoc', d.idDoc),
        nil('a:LastDate', null),
        el('a:Name', d.name),
        nil('a:NearestDate', null),
        el('a:Snils', d.snils),
      ]);

const specEl = (name: string, s: N3Speciality | null): XEl =>
  s === null
    ? el(name, null)
    : el(name, [
        el('a:CountFreeParticipantIE', 0),
        el('a:CountFreeTicket', 0),
        el('a:FerIdSpesiality', s.ferIdSpeciality),
        el('a:IdSpesiality', s.idSpeciality),
        nil('a:LastDate', null),
        el('a:NameSpesiality', s.name),
        nil('a:NearestDate', null),
      ]);

const appointmentEl = (s: N3Slot): XEl =>
  el('a:Appointment', [
    nil('a:Address', null),
    el('a:IdAppointment', s.idAppointment),
    el('a:Num', s.num),
    el('a:Room', s.doctor.room),
    el('a:VisitEnd', `${s.date}T${s.endTime}:00`),
    el('a:VisitStart', `${s.date}T${s.time}:00`),
  ]);

/** Derived members of each result, after ErrorList/IdHistory/Success. */
export type OpHandler = (p: Map<string, XNode>, state: N3State) => XEl[];

export const OPS: Record<string, OpHandler> = {
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
    const id = text(p, 'idAppointment');
    const slot = id ? state.findSlot(id) : null;
    if (!slot || slot.doctor.idLpu !== idLpu || !state.isFuture(slot)) throw new HubFail(38);
    if (!state.isFree(slot)) throw new HubFail(39);
    const referral = text(p, 'doctorsReferral');
    if (referral) {
      const ref = referralByNumber(referral);
      if (!ref || ref.patient !== patient.key) throw new HubFail(20);
    }
    const d = slot.doctor;
    if (d.sexOnly && d.sexOnly !== patient.sex) throw new HubFail(22);
    if (d.minAge !== undefined && ageOn(patient.birthday, state.today()) < d.minAge) throw new HubFail(34);
    if (d.area && d.area !== patient.area) throw new HubFail(36);
    if (state.upcoming(patient).some((b) => b.slot.doctor.idDoc === d.idDoc || b.slot.speciality.idSpeciality === slot.speciality.idSpeciality)) {
      throw new HubFail(35);
    }
    state.book(patient, idLpu!, slot, referral);
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

export { kid };
