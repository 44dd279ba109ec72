// SoftRust's documented schedules in the kiosk's schedule shape (DirectionScheduleLpu), the one
// the view models read: a speciality's ShortResourceWeekly rows (G3) and one doctor's flat
// ExtendedSlot list (G2). Every cell is kept with its status: the view model offers only the
// Available ones and shows the message of an UnavailableWithMessage day.
import type { DirectionScheduleLpu, ExtendedSlot, ShortResourceWeekly, TicketVisitWithLpu } from '../api/schemas';

type ScheduleResource = DirectionScheduleLpu['resources'][number];
type ScheduleSlot = ScheduleResource['days'][number]['slots'][number];

function toSlot(s: ExtendedSlot): ScheduleSlot {
  return {
    // The documented model names no `time`; the start of `beginTime` is the same clinic time.
    time: s.time || s.beginTime.slice(11, 16),
    beginTime: s.beginTime,
    endTime: s.endTime,
    timeTableGuid: s.timeTableGuid,
    status: s.status,
    message: s.message ?? null,
  };
}

/** A documented ShortResourceWeekly as the kiosk's schedule resource. */
export function fromWeekly(r: ShortResourceWeekly, speciality: string): ScheduleResource {
  return {
    resourceGuid: r.resourceGuid,
    resType: r.resType,
    docFio: r.docFio,
    doctorRole: r.doctorRole,
    speciality: r.speciality || speciality,
    room: r.room,
    flat: r.flat,
    days: r.days.map((d) => ({ date: d.date, slots: d.slots.map(toSlot) })),
  };
}

/**
 * One doctor's ExtendedSlot cells as a schedule row. The slots carry no clinic, name or room,
 * so they come from the patient's booking with that doctor (`visit`, a reschedule's reason to
 * ask); without one the row is bare and the screen shows what the slots say.
 */
export function fromDoctorSlots(
  q: { lpuGuid: string; resourceGuid: string },
  slots: readonly ExtendedSlot[],
  visit: TicketVisitWithLpu | undefined,
): DirectionScheduleLpu {
  const days = new Map<string, ScheduleSlot[]>();
  for (const s of slots) {
    const date = s.date?.slice(0, 10) || s.beginTime.slice(0, 10);
    days.set(date, [...(days.get(date) ?? []), toSlot(s)]);
  }
  return {
    lpu: visit?.lpu ?? { guid: q.lpuGuid, name: '', fullName: '', address: '', phone: '' },
    resources: [
      {
        resourceGuid: q.resourceGuid,
        resType: visit?.resType ?? '',
        docFio: visit?.docFio ?? '',
        doctorRole: visit?.doctorRole ?? '',
        speciality: visit?.speciality ?? '',
        room: visit?.room ?? '',
        flat: visit?.flat ?? null,
        days: [...days].sort(([a], [b]) => a.localeCompare(b)).map(([date, s]) => ({ date, slots: s })),
      },
    ],
  };
}
