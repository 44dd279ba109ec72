// Turns API payloads into the bridge's view models. Only fields the screens need cross the
// bridge; anything else (tokens, history, logins) stays in the main process.
import type { Clinic, ClinicRef, Referral, Resource, Speciality, Ticket } from '../../common/bridge-contract';
import { isHhmm } from '../../common/calendar';
import { REFERRAL_STATUSES, type ReferralStatusName } from '../../common/rules';
import { weekHours } from '../../common/clinic-hours';
import { typograph as typo, typographOpt } from '../../common/typograph';
import { ApiError } from '../api/api-error';
import { misDateTime, parseMisDate, parseMisDateTime } from '../api/mis-time';
import type { Direction, DirectionResource, LpuWithStatus, TicketVisitWithLpu } from '../api/schemas';
import { misText } from '../mis/mis-text';
import type { SelfBookingSpeciality } from '../mis/port';
import { silentLogger, type Logger } from '../ports';

const KNOWN_STATUSES = REFERRAL_STATUSES;
type KnownStatus = ReferralStatusName;

/** .NET writes «no date» as 0001-01-01 / 9999-12-31; neither is a date to show. */
export function realDate(iso: string | null | undefined): string | null {
  if (!iso) return null;
  if (iso.startsWith('0001-01-01') || iso.startsWith('9999-12-31')) return null;
  return Number.isNaN(new Date(iso).getTime()) ? null : iso;
}

// Every MIS string that reaches a screen or the slip is set in Russian typography here, once
// (common/typograph.ts): «г. Москва», «Петров П. П.», «08:00–20:00», «ёлочки».
export function clinicRef(lpu: LpuWithStatus): ClinicRef {
  const hours = weekHours(lpu.worktimes);
  return {
    guid: lpu.guid,
    name: typo(lpu.name.trim() || lpu.fullName.trim()),
    fullName: typo(lpu.fullName.trim() || lpu.name.trim()),
    address: typo(lpu.address.trim()),
    phone: lpu.phone.trim(),
    ...(hours ? { hours } : {}),
  };
}

export interface ViewModelOptions {
  /** The clinic's IANA zone (`config.timeZone`): MIS times without an offset are read in it. */
  timeZone: string;
  /** Where unreadable items are reported (the patient sees the rest). */
  log?: Logger;
}

/**
 * The view models for one clinic zone. Every MIS date and time goes through mis-time.ts here,
 * and what cannot be read costs only its own item: a schedule cell or day is dropped, a
 * referral's date becomes null, a referral's embedded ticket becomes null, a ticket the patient
 * asked for (booking, printing) is an ApiError('protocol') for that call.
 */
export function createViewModels(opts: ViewModelOptions) {
  const tz = opts.timeZone;
  const log = opts.log ?? silentLogger;

  /** An optional DateTime: unreadable is reported and shown as «no date». */
  function optionalTime(raw: unknown, field: string, dateOnly = false): string | null {
    const p = parseMisDateTime(raw, tz, { dateOnly });
    if (p.kind === 'ok') return p.iso;
    if (p.kind === 'bad') log.warn('mis.time_unreadable', { field, detail: p.detail });
    return null;
  }

  function toTicket(v: TicketVisitWithLpu): Ticket {
    return {
      ticketGuid: v.ticketGuid,
      number: v.num,
      room: typo(v.room),
      floor: v.flat,
      beginTime: misDateTime(v.beginTime, tz, 'ticket.beginTime'),
      endTime: misDateTime(v.endTime, tz, 'ticket.endTime'),
      doctorName: typo(v.docFio),
      doctorRole: typo(v.doctorRole),
      speciality: typo(v.speciality),
      resType: v.resType || 'Doctor',
      clinic: clinicRef(v.lpu),
      bookedAt: optionalTime(v.dateOfAppointment, 'ticket.dateOfAppointment'),
      resourceGuid: v.docGuid?.trim() || null,
    };
  }

  /** A list of tickets: one unreadable ticket is left out (and logged), the rest are shown. */
  function toTickets(list: readonly TicketVisitWithLpu[]): Ticket[] {
    return list.flatMap((t) => {
      try {
        return [toTicket(t)];
      } catch (err) {
        if (!(err instanceof ApiError)) throw err;
        log.warn('mis.ticket_dropped', { ticketGuid: t.ticketGuid, detail: err.message });
        return [];
      }
    });
  }

  function toReferral(d: Direction, todayYmd: string): Referral {
    const status: KnownStatus = (KNOWN_STATUSES as readonly string[]).includes(d.status)
      ? (d.status as KnownStatus)
      : 'Cancelled';
    const validUntil = optionalTime(d.dateEnd, 'direction.dateEnd', true);
    // The server's status may lag behind the calendar: a referral past its date is expired here.
    // validUntil is normalised to the clinic's offset, so its date part is the clinic's date.
    const expiredByDate = validUntil !== null && validUntil.slice(0, 10) < todayYmd;
    const effective: KnownStatus = status === 'Active' && expiredByDate ? 'Expired' : status;
    const bookable = effective === 'Active';
    const [ticket] = d.ticket ? toTickets([d.ticket]) : [];
    return {
      guid: d.guid,
      number: d.number,
      type: d.type,
      title: typographOpt(d.speciality?.name?.trim() || d.service?.name?.trim() || null),
      issuedBy: typo(d.lpuFrom?.name ?? ''),
      senderDoctor: typographOpt(d.senderDoctorFio ?? null),
      issuedAt: optionalTime(d.date, 'direction.date', true),
      validUntil,
      status: effective,
      bookable,
      ticket: ticket ?? null,
    };
  }

  /** Keeps only cells the kiosk can book now, and only days that still have one. */
  function toResource(r: DirectionResource, nowMs: number): Resource {
    // Closed cells are never offered, but the MIS's reason for closing them is for the patient.
    const messages = new Set<string>();
    for (const d of r.days) {
      for (const s of d.slots) {
        if (s.status === 'UnavailableWithMessage' && s.message?.trim()) messages.add(s.message.trim());
      }
    }
    const days = r.days
      .flatMap((d) => {
        const date = parseMisDate(d.date, tz);
        if (date.kind !== 'ok') {
          log.warn('mis.schedule_day_dropped', { resourceGuid: r.resourceGuid, detail: date.kind === 'bad' ? date.detail : 'no date' });
          return [];
        }
        const slots = d.slots.flatMap((s) => {
          if (s.status !== 'Available') return [];
          const begin = parseMisDateTime(s.beginTime, tz);
          const end = parseMisDateTime(s.endTime, tz);
          if (begin.kind !== 'ok' || end.kind !== 'ok') {
            log.warn('mis.schedule_cell_dropped', {
              resourceGuid: r.resourceGuid,
              timeTableGuid: s.timeTableGuid,
              detail: begin.kind === 'bad' ? begin.detail : end.kind === 'bad' ? end.detail : 'no time',
            });
            return [];
          }
          if (new Date(begin.iso).getTime() <= nowMs) return [];
          return [{ time: cellTime(s.time, begin.iso), beginTime: begin.iso, endTime: end.iso, timeTableGuid: s.timeTableGuid }];
        });
        return [{ date: date.ymd, slots: slots.sort((a, b) => a.time.localeCompare(b.time)) }];
      })
      .filter((d) => d.slots.length > 0)
      .sort((a, b) => a.date.localeCompare(b.date));
    return {
      resourceGuid: r.resourceGuid,
      resType: resTypeOf(r.resType),
      name: typo(r.docFio),
      role: typo(r.doctorRole),
      speciality: typo(r.speciality),
      room: typo(r.room),
      floor: r.flat,
      days,
      notice: messages.size ? misText([...messages].slice(0, 2).join(' · ')) : null,
    };
  }

  /** A self-booking speciality with its nearest free time (already normalised, or null). */
  function toSpeciality(s: SelfBookingSpeciality, nearest: string | null): Speciality {
    return { code: s.code, name: typo(s.name.trim()), clinic: clinicRef(s.lpu), nearest };
  }

  /** The MIS's own «nearest free time» (N3 NearestDate): unreadable is reported and taken as unknown. */
  function nearestTime(raw: unknown): string | null {
    return optionalTime(raw, 'speciality.nearest');
  }

  return { toTicket, toTickets, toReferral, toResource, toClinic, toSpeciality, nearestTime };
}

export type ViewModels = ReturnType<typeof createViewModels>;

/** The cell's own «09:15» when it is one (the MIS books by it); else the clinic time of its start. */
function cellTime(time: string, beginIso: string): string {
  const m = /^(\d{1,2}):(\d{2})(?::\d{2})?$/.exec(time.trim());
  const hhmm = m ? `${m[1]!.padStart(2, '0')}:${m[2]}` : '';
  return isHhmm(hhmm) ? hhmm : beginIso.slice(11, 16);
}

export function toClinic(l: LpuWithStatus): Clinic {
  const online = (l.status?.name ?? 'Online').toLowerCase() === 'online' && l.isActive !== false;
  const ref = clinicRef(l);
  return {
    ...ref,
    online,
    statusText: online ? null : misText(l.status?.message),
  };
}

function resTypeOf(s: string): Resource['resType'] {
  const v = s.toLowerCase();
  if (v === 'room') return 'Room';
  if (v === 'equipment') return 'Equipment';
  // An unknown value is shown like a doctor (models.md).
  return 'Doctor';
}
