// Booking without a referral on the N3 hub (n3-hubservice.md §6 steps 2–4 without a referral):
// the patient's clinic's specialities (GetSpesialityList), a speciality's doctors (GetDoctorList)
// with each doctor's free cells (GetAvaibleAppointments), booking one (SetAppointment without
// doctorsReferral), and moving a booking to another time of its doctor (SetAppointment with
// idAppointmentPrev, the history id the adapter already cancels with).
import { parseMisDateTime } from '../../api/mis-time';
import type { DirectionScheduleLpu } from '../../api/schemas';
import type { Mis, SelfBookingSpeciality } from '../port';
import { resourceOf } from './n3-cells';
import { doctorGuid, idLpuOf, slotGuid } from './n3-ids';
import { cellKey, type Doctor, type N3Context, type PatientState, type Slot } from './n3-session';
import { NS, el, kid, kidText, kids } from './soap';

/** GetAvaibleAppointments asked for this many doctors at once: the hub asks the clinic's MIS each time. */
export const DOCTORS_AT_ONCE = 3;

type SelfBooking = Pick<Mis, 'selfBookingSpecialities' | 'specialitySchedule' | 'resourceSchedule' | 'bookSlot'>;
type Window = { dateFrom: string; dateTo: string };

/** fn over items, at most `limit` at a time, results in the items' order; the first failure fails all. */
async function inTurns<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

export function createSelfBooking(c: N3Context): SelfBooking {
  /** GetSpesialityList at one clinic; the names stay for the doctors' cells and the ticket. */
  async function specialitiesAt(s: PatientState, idLpu: number): Promise<SelfBookingSpeciality[]> {
    const idPat = await c.idPatAt(s, idLpu);
    const r = await c.hub('GetSpesialityList', [el('tem:idLpu', idLpu), el('tem:idPat', idPat), ...c.auth]);
    const lpu = await c.clinic(idLpu);
    const out: SelfBookingSpeciality[] = [];
    for (const sp of kids(kid(r, NS.a, 'ListSpesiality'), NS.a, 'Spesiality')) {
      const code = kidText(sp, NS.a, 'IdSpesiality');
      if (!code) continue;
      const name = kidText(sp, NS.a, 'NameSpesiality') ?? '';
      s.specialities.set(`${idLpu}|${code}`, name);
      out.push({ lpu, code, name, nearest: nearestOf(kidText(sp, NS.a, 'NearestDate')) });
    }
    return out;
  }

  /**
   * NearestDate as the hub wrote it (the port's contract); nil or .NET's «no date» is the hub
   * saying there is no free cell. Its counters are not read for that: an int the MIS did not
   * fill still travels, as 0. Unreadable: not said (the kiosk reads the schedule instead).
   */
  function nearestOf(raw: string | null): string | null | undefined {
    const p = parseMisDateTime(raw, c.timeZone, { dateOnly: true });
    if (p.kind === 'none') return null;
    if (p.kind === 'bad') {
      c.log.warn('n3.nearest_unreadable', { detail: p.detail });
      return undefined;
    }
    return raw!.trim();
  }

  async function specialityName(s: PatientState, idLpu: number, code: string): Promise<string> {
    const key = `${idLpu}|${code}`;
    if (!s.specialities.has(key)) await specialitiesAt(s, idLpu);
    return s.specialities.get(key) ?? '';
  }

  /** A doctor's free cells in the window, fresh: after «time taken» (39) the list must be current. */
  async function freeCells(s: PatientState, idLpu: number, idPat: string, doctor: Doctor, q: Window): Promise<Slot[]> {
    const r = await c.hub('GetAvaibleAppointments', [
      el('tem:idDoc', doctor.idDoc),
      el('tem:idLpu', idLpu),
      el('tem:idPat', idPat),
      el('tem:visitStart', `${q.dateFrom}T00:00:00`),
      el('tem:visitEnd', `${q.dateTo}T23:59:59`),
      ...c.auth,
    ]);
    for (const [k, v] of s.cells) if (v.doctor.resourceGuid === doctor.resourceGuid) s.cells.delete(k);
    const out: Slot[] = [];
    for (const a of kids(kid(r, NS.a, 'ListAppointments'), NS.a, 'Appointment')) {
      const slot = c.readSlot(a);
      if (!slot) continue;
      const date = slot.begin.slice(0, 10);
      if (date < q.dateFrom || date > q.dateTo) continue;
      s.cells.set(cellKey(doctor.resourceGuid, date, slot.begin.slice(11, 16)), { ...slot, doctor });
      out.push(slot);
    }
    return out;
  }

  return {
    async selfBookingSpecialities(token) {
      // The kiosk's clinic, where identify found the patient's card: N3 names no attachment
      // clinic in the calls the kiosk makes, and the clinics a referral led to are not it.
      return specialitiesAt(c.stateOf(token), c.idLpu);
    },

    async specialitySchedule(token, q): Promise<DirectionScheduleLpu[]> {
      const s = c.stateOf(token);
      const idLpu = idLpuOf(q.lpuGuid);
      const idPat = idLpu === null ? undefined : s.idPatByLpu.get(idLpu);
      if (idLpu === null || idPat === undefined) return [];
      const r = await c.hub('GetDoctorList', [el('tem:idSpesiality', q.specialityCode), el('tem:idLpu', idLpu), el('tem:idPat', idPat), ...c.auth]);
      const speciality = await specialityName(s, idLpu, q.specialityCode);
      const doctors = new Map<string, Doctor>();
      for (const d of kids(kid(r, NS.a, 'Docs'), NS.a, 'Doctor')) {
        const idDoc = kidText(d, NS.a, 'IdDoc');
        if (!idDoc) continue;
        const doctor: Doctor = { resourceGuid: doctorGuid(idLpu, idDoc), idLpu, idDoc, name: kidText(d, NS.a, 'Name') ?? '', speciality };
        doctors.set(doctor.resourceGuid, doctor);
        s.doctors.set(doctor.resourceGuid, doctor);
      }
      const list = [...doctors.values()];
      // Every doctor is asked, whatever GetDoctorList counted: a MIS may leave the counters unfilled.
      const cells = await inTurns(list, DOCTORS_AT_ONCE, (d) => freeCells(s, idLpu, idPat, d, q));
      return [{ lpu: await c.clinic(idLpu), resources: list.map((d, i) => resourceOf(idLpu, d, cells[i]!, q)) }];
    },

    async resourceSchedule(token, q): Promise<DirectionScheduleLpu[]> {
      const s = c.stateOf(token);
      const idLpu = idLpuOf(q.lpuGuid);
      const doctor = s.doctors.get(q.resourceGuid.toLowerCase());
      // The doctors a move offers come from «Мои записи»: one unknown here is a stale screen.
      if (idLpu === null || !doctor || doctor.idLpu !== idLpu) throw c.refusal('n3-doctor', 'bookingNotFound', 'unknown doctor for this session');
      const idPat = await c.idPatAt(s, idLpu);
      const cells = await freeCells(s, idLpu, idPat, doctor, q);
      return [{ lpu: await c.clinic(idLpu), resources: [resourceOf(idLpu, doctor, cells, q)] }];
    },

    async bookSlot(token, body) {
      const s = c.stateOf(token);
      const key = cellKey(body.resourceGuid, body.date, body.time);
      const cell = s.cells.get(key);
      const idLpu = idLpuOf(body.lpuGuid);
      if (!cell || cell.doctor.idLpu !== idLpu || (body.timeTableGuid && body.timeTableGuid.toLowerCase() !== slotGuid(idLpu, cell.idAppointment))) {
        throw c.refusal('n3-slot', 'slotTaken', 'the chosen cell is not among this session\'s free cells');
      }
      const idPat = await c.idPatAt(s, idLpu);
      let prev: string | null = null;
      if (body.replaces) {
        const old = await c.bookedVisit(s, body.replaces.ticketGuid, 'move');
        // One SetAppointment names one clinic: a booking moves within its own.
        if (old.idLpu !== idLpu) throw c.refusal('n3-move', 'unsupported', 'a booking moves only within its clinic');
        prev = old.idAppointment;
      }
      await c.hub(
        'SetAppointment',
        [el('tem:idAppointment', cell.idAppointment), el('tem:idLpu', idLpu), el('tem:idPat', idPat), ...(prev === null ? [] : [el('tem:idAppointmentPrev', prev)]), ...c.auth],
        { write: true },
      );
      s.cells.delete(key);
      // The hub moved the old booking: its ticket is gone, the new one is the visit now.
      if (body.replaces) s.tickets.delete(body.replaces.ticketGuid.toLowerCase());
      return c.afterBooking(s, idLpu, idPat, cell, cell.doctor);
    },
  };
}
