// In-memory state of the N3 simulator: generated slots, bookings (history ids differ from slot
// ids, as in the reference MIS), waiting-list claims, fail rules. Times are the clinic's wall
// clock, no offset.
import { randomUUID } from 'node:crypto';
import { Clock, addDays, addMinutesHm, clinicHm, clinicInstant, clinicYmd, weekday } from '../clock';
import { N3_PATIENTS, N3_REFERRALS, SEED_BOOKINGS, SPECIALITIES, type N3Doctor, type N3Patient, type N3Speciality } from './seed';

export const SLOT_MINUTES = 20;
export const DAYS = 14;

export interface N3Slot {
  idAppointment: string;
  doctor: N3Doctor;
  speciality: N3Speciality;
  date: string;
  time: string;
  endTime: string;
  num: number;
  /** Taken by the registry before the simulator started. */
  prebooked: boolean;
}

export interface N3Booking {
  historyId: string;
  patient: N3Patient;
  idLpu: number;
  slot: N3Slot;
  referral: string | null;
  createdAt: number;
  cancelled: boolean;
}

/** A SetWaitingList claim as the MIS keeps it (the reference MIS: a DeferredQueue row). */
export interface N3Claim {
  guidClaim: string;
  patient: N3Patient;
  idLpu: number;
  speciality: N3Speciality;
  idDoc: string | null;
  claim: string | null;
  start: string | null;
  end: string | null;
  phone: string | null;
  createdAt: number;
}

export interface N3FailRule {
  op: string | null;
  idError: number | 'fault';
  times: number;
}

export const allDoctors = (): { doctor: N3Doctor; speciality: N3Speciality }[] =>
  Object.values(SPECIALITIES).flatMap((s) => s.doctors.map((doctor) => ({ doctor, speciality: s })));

const toMin = (hm: string) => Number(hm.slice(0, 2)) * 60 + Number(hm.slice(3, 5));

export class N3State {
  bookings = new Map<string, N3Booking>();
  /** slot id → history id. */
  taken = new Map<string, string>();
  claims: N3Claim[] = [];
  failRules: N3FailRule[] = [];
  private counter = 0;

  constructor(readonly clock: Clock) {
    this.reset();
  }

  today(): string {
    return clinicYmd(this.clock.now());
  }

  reset(): void {
    this.bookings.clear();
    this.taken.clear();
    this.claims = [];
    this.failRules = [];
    this.counter = 0;
    for (const b of SEED_BOOKINGS) {
      const p = N3_PATIENTS.find((x) => x.key === b.patient)!;
      const d = allDoctors().find((x) => x.doctor.idDoc === b.idDoc)!;
      let date = addDays(this.today(), b.daysAhead);
      while (weekday(date) === 0 || weekday(date) === 6) date = addDays(date, 1);
      const slot = this.slotsOf(d.doctor, d.speciality, date).find((s) => s.time === b.time)!;
      this.book(p, d.doctor.idLpu, { ...slot, prebooked: false }, null);
    }
  }

  /** A doctor's cells of one day: a pure function of (doctor, date); every 4th is the registry's. */
  slotsOf(doctor: N3Doctor, speciality: N3Speciality, date: string): N3Slot[] {
    const wd = weekday(date);
    if (wd === 0 || wd === 6) return [];
    const out: N3Slot[] = [];
    let num = 0;
    for (let m = toMin(doctor.hours[0]); m + SLOT_MINUTES <= toMin(doctor.hours[1]); m += SLOT_MINUTES) {
      const time = addMinutesHm('00:00', m);
      num++;
      out.push({
        idAppointment: `${doctor.idDoc}_${date}_${time}:00`,
        doctor,
        speciality,
        date,
        time,
        endTime: addMinutesHm(time, SLOT_MINUTES),
        num,
        prebooked: doctor.registryOnly === true || num % 4 === 3,
      });
    }
    return out;
  }

  findSlot(id: string): N3Slot | null {
    const m = /^(\w+)_(\d{4}-\d{2}-\d{2})_(\d{2}:\d{2}):00$/.exec(id);
    if (!m) return null;
    const d = allDoctors().find((x) => x.doctor.idDoc === m[1]);
    if (!d) return null;
    return this.slotsOf(d.doctor, d.speciality, m[2]!).find((s) => s.time === m[3]) ?? null;
  }

  isFuture(s: N3Slot): boolean {
    return clinicInstant(s.date, s.time) > this.clock.now();
  }

  isFree(s: N3Slot): boolean {
    return !s.prebooked && !this.taken.has(s.idAppointment) && this.isFuture(s) && s.date <= addDays(this.today(), DAYS - 1);
  }

  freeSlots(doctor: N3Doctor, speciality: N3Speciality): N3Slot[] {
    const out: N3Slot[] = [];
    for (let i = 0; i < DAYS; i++) out.push(...this.slotsOf(doctor, speciality, addDays(this.today(), i)).filter((s) => this.isFree(s)));
    return out;
  }

  /** Free cells whose start (local `yyyy-MM-ddTHH:mm:ss`) is within [from, to]. */
  freeBetween(doctor: N3Doctor, speciality: N3Speciality, from: string, to: string): N3Slot[] {
    return this.freeSlots(doctor, speciality).filter((s) => {
      const start = `${s.date}T${s.time}:00`;
      return start >= from && start <= to;
    });
  }

  book(patient: N3Patient, idLpu: number, slot: N3Slot, referral: string | null): N3Booking {
    this.counter++;
    const b: N3Booking = { historyId: String(700000 + this.counter), patient, idLpu, slot, referral, createdAt: this.clock.now(), cancelled: false };
    this.bookings.set(b.historyId, b);
    this.taken.set(slot.idAppointment, b.historyId);
    return b;
  }

  /**
   * SetAppointment with idAppointmentPrev: the booking itself moves to the new cell (the same
   * history id), its old cell is free again. One synchronous step: nothing sees it half done.
   */
  move(b: N3Booking, slot: N3Slot): N3Booking {
    this.taken.delete(b.slot.idAppointment);
    b.slot = slot;
    this.taken.set(slot.idAppointment, b.historyId);
    return b;
  }

  addClaim(c: Omit<N3Claim, 'guidClaim' | 'createdAt'>): N3Claim {
    const claim: N3Claim = { ...c, guidClaim: randomUUID(), createdAt: this.clock.now() };
    this.claims.push(claim);
    return claim;
  }

  upcoming(patient: N3Patient): N3Booking[] {
    return [...this.bookings.values()].filter((b) => b.patient.key === patient.key && !b.cancelled && this.isFuture(b.slot));
  }

  takeRule(op: string): N3FailRule | undefined {
    const i = this.failRules.findIndex((r) => r.op === null || r.op === op);
    if (i < 0) return undefined;
    const r = this.failRules[i]!;
    if (--r.times <= 0) this.failRules.splice(i, 1);
    return r;
  }

  nowLocal(): string {
    return `${this.today()}T${clinicHm(this.clock.now())}:00`;
  }
}

export const referralByNumber = (n: string) => N3_REFERRALS.find((r) => r.number === n.trim());
