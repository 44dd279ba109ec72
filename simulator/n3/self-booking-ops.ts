// Booking without a referral (n3-hubservice.md §3.7–3.10, WSDL): the clinic's specialities,
// a speciality's doctors, a doctor's days and free cells. The reference MIS answers all four
// with Success=true whatever the patient (it ignores idPat) and fails only with 99; so does
// this simulator, with 99 «Неверно указаны параметры» for a clinic it does not know.
import { el } from '../../electron/core/mis/n3/soap';
import { NO_DATE, clinicIn, localDateTime, text, type OpHandler, type Params } from './params';
import { SPECIALITIES, type N3Doctor, type N3Speciality } from './seed';
import { appointmentEl, countOf, doctorEl, specEl } from './shapes';
import type { N3Slot, N3State } from './state';

const ARRAYS = 'http://schemas.microsoft.com/2003/10/Serialization/Arrays';

export const SELF_BOOKING_PARAMS: Record<string, readonly string[]> = {
  GetSpesialityList: ['idLpu', 'idPat', 'guid', 'idHistory'],
  GetDoctorList: ['idSpesiality', 'idLpu', 'idPat', 'guid', 'idHistory'],
  GetAvailableDates: ['idDoc', 'idLpu', 'idPat', 'visitStart', 'visitEnd', 'guid', 'idHistory'],
  GetAvaibleAppointments: ['idDoc', 'idLpu', 'idPat', 'visitStart', 'visitEnd', 'guid', 'idHistory'],
};

const doctorsAt = (s: N3Speciality, idLpu: number): N3Doctor[] => s.doctors.filter((d) => d.idLpu === idLpu);

function doctorAt(idDoc: string | null, idLpu: number): { doctor: N3Doctor; speciality: N3Speciality } | null {
  for (const speciality of Object.values(SPECIALITIES)) {
    const doctor = doctorsAt(speciality, idLpu).find((d) => d.idDoc === idDoc);
    if (doctor) return { doctor, speciality };
  }
  return null;
}

/**
 * The range a doctor's free cells are asked for. A visitEnd that did not arrive is the day of
 * visitStart, as the reference MIS reads a range without an end.
 */
function range(p: Params): [string, string] {
  const from = localDateTime(text(p, 'visitStart'));
  const to = localDateTime(text(p, 'visitEnd'));
  return [from, to === NO_DATE ? `${from.slice(0, 10)}T23:59:59` : to];
}

function freeOf(p: Params, state: N3State): N3Slot[] {
  const idLpu = clinicIn(p);
  const found = doctorAt(text(p, 'idDoc'), idLpu);
  if (!found) return []; // the reference MIS: an unknown doctor has no cells
  const [from, to] = range(p);
  return state.freeBetween(found.doctor, found.speciality, from, to);
}

export const SELF_BOOKING_OPS: Record<string, OpHandler> = {
  GetSpesialityList(p, state) {
    const idLpu = clinicIn(p);
    const open = Object.values(SPECIALITIES).filter((s) => s.selfBooking && doctorsAt(s, idLpu).length > 0);
    const specs = open.map((s) => {
      const cells = doctorsAt(s, idLpu)
        .flatMap((d) => state.freeSlots(d, s))
        .sort((a, b) => `${a.date}T${a.time}`.localeCompare(`${b.date}T${b.time}`));
      return specEl('a:Spesiality', s, countOf(cells));
    });
    return [el('a:ListSpesiality', specs), el('a:LpuChanges', null)];
  },

  GetDoctorList(p, state) {
    const idLpu = clinicIn(p);
    const id = text(p, 'idSpesiality');
    const spec = Object.values(SPECIALITIES).find((s) => s.idSpeciality === id);
    const docs = spec ? doctorsAt(spec, idLpu).map((d) => doctorEl('a:Doctor', d, countOf(state.freeSlots(d, spec)))) : [];
    return [el('a:Docs', docs)];
  },

  GetAvailableDates(p, state) {
    const days = [...new Set(freeOf(p, state).map((s) => s.date))];
    return [el('a:AvailableDateList', days.map((d) => el('b:dateTime', `${d}T00:00:00`)), { 'xmlns:b': ARRAYS })];
  },

  GetAvaibleAppointments(p, state) {
    return [el('a:ListAppointments', freeOf(p, state).map(appointmentEl))];
  },
};
