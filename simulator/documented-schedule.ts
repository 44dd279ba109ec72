// The vendor's documented generic schedule methods (softrust-documented.md, schedule.md G2/G3):
// a doctor's cells (`ExtendedSlot[]`) and a speciality's resources with their cells
// (`ShortResourceWeekly[]`) in a date range. Rights come from the token's client application
// (ordinary booking, `VisitDoctor`), as the pages say when no FlagAccess is passed.
import { addDays, isYmd } from './clock';
import { SimError } from './errors';
import { ok, q1, sameGuid, type Ctx, type Reply } from './http-util';
import type { Session } from './auth';
import { cellsOf } from './schedule';
import { REFERRALS, RESOURCES, SPECIALITIES, type Resource } from './seed-data';
import { clinicByGuid, type SimState } from './state';
import { slotView } from './views';

/** Telemedicine busy types the pages exclude unless asked for; the seed has none, so only the check. */
function range(from: string, to: string | undefined, s: Session, state: SimState): { from: string; to: string } {
  const dateTo = to ?? from;
  if (!isYmd(from) || !isYmd(dateTo) || dateTo < from) throw new SimError('4000');
  const today = state.today();
  const last = state.lastDay(s.token.app);
  return { from: from < today ? today : from, to: dateTo > last ? last : dateTo };
}

function access(ctx: Ctx, s: Session): number {
  const flac = q1(ctx, 'FlagAccess') ?? q1(ctx, 'Flac');
  return flac !== undefined && /^\d+$/.test(flac) ? Number(flac) : s.token.app.access.VisitDoctor;
}

function daysOf(res: Resource, r: { from: string; to: string }, acc: number, state: SimState) {
  const days: { date: string; slots: ReturnType<typeof slotView>[] }[] = [];
  for (let d = r.from; d <= r.to; d = addDays(d, 1)) {
    const cells = cellsOf(res, d);
    if (!cells.length) continue;
    days.push({
      date: d,
      slots: cells.map((c) => {
        const st = state.cellStatus(c, acc);
        return slotView(c, st.status, st.bookingSource, st.message ?? null);
      }),
    });
  }
  return days;
}

function clinicOr404(lpu: string) {
  const clinic = clinicByGuid(lpu);
  if (!clinic) throw new SimError('4044');
  return clinic;
}

/** G2: `lpu/{lpu}/doctor/{doctorGuid}/schedule/{date}[/{dateTo}]` → ExtendedSlot[]. */
export function doctorSchedule(ctx: Ctx, p: Record<string, string>, state: SimState, s: Session): Reply {
  clinicOr404(p.lpu!);
  const res = RESOURCES.find((r) => sameGuid(r.guid, p.doctor!) && sameGuid(r.lpuGuid, p.lpu!));
  if (!res) throw new SimError('4040');
  const r = range(p.from!, p.to, s, state);
  return ok(daysOf(res, r, access(ctx, s), state).flatMap((d) => d.slots.map((slot) => ({ ...slot, date: d.date, docGuid: res.guid, resType: res.resType }))));
}

/** The speciality id as the referral and the self-booking list carry it (`code`), or its name. */
function specialityName(id: string): string | null {
  const byCode = SPECIALITIES.find((x) => x.code === id)?.name ?? REFERRALS.find((r) => r.speciality?.code === id)?.speciality?.name;
  if (byCode) return byCode;
  return RESOURCES.some((r) => r.speciality.toLowerCase() === id.toLowerCase()) ? id : null;
}

/** G3: `lpu/{lpu}/speciality/{specId}/schedule/{dateFrom}/{dateTo}` → ShortResourceWeekly[]. */
export function specialitySchedule(ctx: Ctx, p: Record<string, string>, state: SimState, s: Session): Reply {
  const clinic = clinicOr404(p.lpu!);
  const name = specialityName(p.spec!);
  if (!name) return ok([]);
  const r = range(p.from!, p.to!, s, state);
  const acc = access(ctx, s);
  const resources = clinic.online ? RESOURCES.filter((x) => sameGuid(x.lpuGuid, clinic.guid) && x.speciality === name) : [];
  return ok(
    resources.map((res) => ({
      docFio: res.name,
      resourceGuid: res.guid,
      resType: res.resType,
      doctorRole: res.doctorRole,
      speciality: res.speciality,
      room: res.room,
      flat: res.flat,
      days: daysOf(res, r, acc, state),
    })),
  );
}
