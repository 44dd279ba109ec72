// Turns API payloads into the bridge's view models. Only fields the screens need cross the
// bridge; anything else (tokens, history, logins) stays in the main process.
import type { Clinic, ClinicRef, Referral, Resource, Ticket } from '../../common/bridge-contract';
import { clinicYmd } from '../../common/clinic-time';
import { REFERRAL_STATUSES, type ReferralStatusName } from '../../common/rules';
import { TEXTS } from '../../common/texts';
import type { Direction, DirectionResource, LpuWithStatus, TicketVisitWithLpu } from '../api/schemas';

const TYPE_LABELS = TEXTS.referral.types;
const STATUS_REASONS = TEXTS.referral.reasons;
const KNOWN_STATUSES = REFERRAL_STATUSES;
type KnownStatus = ReferralStatusName;

/** .NET writes «no date» as 0001-01-01 / 9999-12-31; neither is a date to show. */
export function realDate(iso: string | null | undefined): string | null {
  if (!iso) return null;
  if (iso.startsWith('0001-01-01') || iso.startsWith('9999-12-31')) return null;
  return Number.isNaN(new Date(iso).getTime()) ? null : iso;
}

export function clinicRef(lpu: LpuWithStatus): ClinicRef {
  return {
    guid: lpu.guid,
    name: lpu.name.trim() || lpu.fullName.trim(),
    fullName: lpu.fullName.trim() || lpu.name.trim(),
    address: lpu.address.trim(),
    phone: lpu.phone.trim(),
  };
}

export function toTicket(t: TicketVisitWithLpu): Ticket {
  return {
    ticketGuid: t.ticketGuid,
    number: t.num,
    room: t.room,
    floor: t.flat,
    beginTime: t.beginTime,
    endTime: t.endTime,
    doctorName: t.docFio,
    doctorRole: t.doctorRole,
    speciality: t.speciality,
    resType: t.resType || 'Doctor',
    clinic: clinicRef(t.lpu),
    bookedAt: realDate(t.dateOfAppointment),
  };
}

export function toReferral(d: Direction, todayYmd: string, timeZone: string): Referral {
  const status: KnownStatus = (KNOWN_STATUSES as readonly string[]).includes(d.status)
    ? (d.status as KnownStatus)
    : 'Cancelled';
  const validUntil = realDate(d.dateEnd);
  // The server's status may lag behind the calendar: a referral past its date is expired here.
  const expiredByDate = validUntil !== null && clinicYmd(validUntil, timeZone) < todayYmd;
  const effective: KnownStatus = status === 'Active' && expiredByDate ? 'Expired' : status;
  const bookable = effective === 'Active';
  return {
    guid: d.guid,
    number: d.number,
    type: d.type,
    typeLabel: TYPE_LABELS[d.type.toLowerCase()] ?? (d.type || TEXTS.referral.fallbackTitle),
    title: d.speciality?.name ?? d.service?.name ?? TYPE_LABELS[d.type.toLowerCase()] ?? TEXTS.referral.fallbackTitle,
    issuedBy: d.lpuFrom?.name ?? '',
    senderDoctor: d.senderDoctorFio ?? null,
    issuedAt: realDate(d.date),
    validUntil,
    status: effective,
    bookable,
    reason: bookable ? null : (STATUS_REASONS[effective] ?? TEXTS.referral.notBookable),
    ticket: d.ticket ? toTicket(d.ticket) : null,
  };
}

export function toClinic(l: LpuWithStatus): Clinic {
  const online = (l.status?.name ?? 'Online').toLowerCase() === 'online' && l.isActive !== false;
  const today = l.worktimes ? Object.values(l.worktimes).find((v) => v && v.trim()) : null;
  return {
    ...clinicRef(l),
    online,
    statusText: online ? null : l.status?.message?.trim() || TEXTS.clinic.offline,
    worktime: today ? today.trim() : null,
  };
}

function resTypeOf(s: string): Resource['resType'] {
  const v = s.toLowerCase();
  if (v === 'room') return 'Room';
  if (v === 'equipment') return 'Equipment';
  // An unknown value is shown like a doctor (models.md).
  return 'Doctor';
}

/** Keeps only cells the kiosk can book now, and only days that still have one. */
export function toResource(r: DirectionResource, nowMs: number): Resource {
  const days = r.days
    .map((d) => ({
      date: d.date,
      slots: d.slots
        .filter((s) => s.status === 'Available' && new Date(s.beginTime).getTime() > nowMs)
        .map((s) => ({ time: s.time, beginTime: s.beginTime, endTime: s.endTime, timeTableGuid: s.timeTableGuid }))
        .sort((a, b) => a.time.localeCompare(b.time)),
    }))
    .filter((d) => d.slots.length > 0)
    .sort((a, b) => a.date.localeCompare(b.date));
  return {
    resourceGuid: r.resourceGuid,
    resType: resTypeOf(r.resType),
    name: r.docFio,
    role: r.doctorRole,
    speciality: r.speciality,
    room: r.room,
    floor: r.flat,
    days,
  };
}
