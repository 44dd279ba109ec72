// Referral methods: list, one referral, its clinics (R1) and its schedule (R2).
import { addDays, isYmd } from './clock';
import { SimError } from './errors';
import { bool, ok, q1, qAll, sameGuid, type Ctx, type Reply } from './http-util';
import type { Session } from './auth';
import type { ReferralRecord, SimState } from './state';
import { allowedClinics, directionView, lpuWithStatus, scheduleView } from './views';

const STATUSES = ['Active', 'Booked', 'Used', 'Expired', 'Cancelled'];

export function listDirections(ctx: Ctx, state: SimState, s: Session): Reply {
  const wanted = qAll(ctx, 'status').map((v) => STATUSES.find((x) => x.toLowerCase() === v.toLowerCase()) ?? v);
  const statuses = wanted.length ? wanted : ['Active'];
  const types = qAll(ctx, 'type').map((t) => t.toLowerCase());
  const list = state
    .referralsOf(s.person.guid)
    .filter((r) => statuses.includes(state.referralStatus(r)))
    .filter((r) => !types.length || types.includes(r.seed.type.toLowerCase()))
    .sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : a.seed.number.localeCompare(b.seed.number)));
  return ok(list.map((r) => directionView(r, s.token.app, state)));
}

/** 4032 for an unknown referral, 4031 for someone else's. */
export function ownReferral(guid: string, state: SimState, s: Session, unknownCode: '4031' | '4032'): ReferralRecord {
  const ref = state.referrals.get(guid.toLowerCase());
  if (!ref) throw new SimError(unknownCode);
  if (ref.seed.personGuid !== s.person.guid) throw new SimError('4031');
  return ref;
}

export function getDirection(guid: string, state: SimState, s: Session): Reply {
  return ok(directionView(ownReferral(guid, state, s, '4032'), s.token.app, state));
}

export function directionClinics(guid: string, state: SimState, s: Session): Reply {
  const ref = ownReferral(guid, state, s, '4032');
  if (state.referralStatus(ref) === 'Expired') throw new SimError('4033');
  return ok(allowedClinics(ref).map((c) => lpuWithStatus(c, state)));
}

export function directionSchedule(ctx: Ctx, guid: string, state: SimState, s: Session): Reply {
  const ref = ownReferral(guid, state, s, '4032');
  const status = state.referralStatus(ref);
  if (status === 'Expired') throw new SimError('4033');
  if (status !== 'Active') throw new SimError('4034');

  const today = state.today();
  const last = state.lastDay(s.token.app);
  const fromRaw = q1(ctx, 'dateFrom')?.slice(0, 10);
  const toRaw = q1(ctx, 'dateTo')?.slice(0, 10);
  if ((fromRaw && !isYmd(fromRaw)) || (toRaw && !isYmd(toRaw))) throw new SimError('4000');
  const from0 = fromRaw || today;
  const to0 = toRaw || addDays(from0, s.token.app.scheduleDays - 1);
  if (to0 < from0) throw new SimError('4000');
  // Lenient on depth: the range is clipped to what the client application may see.
  const from = from0 < today ? today : from0;
  const to = to0 > last ? last : to0;

  const lpuGuid = q1(ctx, 'lpuGuid');
  const restypes = qAll(ctx, 'restype').map((r) => r.toLowerCase());
  const clinics = allowedClinics(ref).filter((c) => !lpuGuid || sameGuid(c.guid, lpuGuid));
  const query = { from, to, onlyFree: bool(q1(ctx, 'onlyFree'), true), restypes: restypes.length ? restypes : null };
  return ok(clinics.map((c) => scheduleView(ref, c, s.token.app, query, state)));
}
