// PROPOSED `POST /api/v2/waitinglist/{lpuGuid}`: the patient asks to be called when a time
// turns up. The vendor documents a waiting list only for a clinic's own token (`POST
// /api/v3/waitinglist`, not a kiosk call), so this COD-token method is a proposal shaped after
// the N3 hub's SetWaitingList (why: no slots, or no convenient time). Requests are kept in
// memory for the test hook; the phone is never written to the console.
import { randomUUID } from 'node:crypto';
import type { Session } from './auth';
import { SimError } from './errors';
import { bodyString, jsonBody, ok, sameGuid, type Ctx, type Reply } from './http-util';
import { isOpenToSelfBooking } from './self-booking';
import { SPECIALITIES } from './seed-data';
import { clinicByGuid, type SimState, type WaitingRecord } from './state';
import { allowedClinics } from './views';

/** A Russian mobile number without +7/8: ten digits starting with 9. */
const MOBILE = /^9\d{9}$/;
const REASONS: readonly WaitingRecord['reason'][] = ['noSlots', 'noConvenientTime'];

/**
 * Order: auth (done by the caller) → body (4000: phone, reason, exactly one of specialityCode
 * and directionGuid) → clinic (4044) → card (4001, 5096) → 4007 → what is waited for (a
 * speciality the clinic opens to self-booking, else 4000; or the patient's referral, 4031 →
 * 4033 → 4034, usable at this clinic, else 4000) → already on the list for it here (4046).
 */
export function joinWaitingList(ctx: Ctx, pathLpu: string, state: SimState, s: Session): Reply {
  const body = jsonBody(ctx);
  const phone = bodyString(body, 'phone');
  const reason = REASONS.find((r) => r.toLowerCase() === bodyString(body, 'reason')?.toLowerCase());
  const specialityCode = bodyString(body, 'specialityCode') ?? null;
  const directionGuid = bodyString(body, 'directionGuid') ?? null;
  if (!phone || !MOBILE.test(phone) || !reason || (specialityCode === null) === (directionGuid === null)) {
    throw new SimError('4000');
  }

  const clinic = clinicByGuid(pathLpu);
  if (!clinic) throw new SimError('4044');
  const card = s.person.mkabs.find((m) => sameGuid(m.lpuGuid, clinic.guid));
  if (!card) throw new SimError('4001');
  if (card.closed) throw new SimError('5096');
  if (card.selfBookingBan) throw new SimError('4007');

  let speciality: string;
  if (specialityCode !== null) {
    const named = SPECIALITIES.find((x) => x.code === specialityCode)?.name;
    if (!named || !isOpenToSelfBooking(clinic, named)) throw new SimError('4000');
    speciality = named;
  } else {
    const ref = state.referrals.get(directionGuid!.toLowerCase());
    if (!ref || ref.seed.personGuid !== s.person.guid) throw new SimError('4031');
    const status = state.referralStatus(ref);
    if (status === 'Expired') throw new SimError('4033');
    if (status !== 'Active') throw new SimError('4034');
    if (!allowedClinics(ref).some((c) => c.guid === clinic.guid)) throw new SimError('4000');
    speciality = ref.seed.targetSpeciality;
  }

  const waiting = state.waitingList.some((w) => w.personGuid === s.person.guid && w.lpuGuid === clinic.guid && w.speciality === speciality);
  if (waiting) throw new SimError('4046');

  const record: WaitingRecord = {
    id: randomUUID(),
    personGuid: s.person.guid,
    lpuGuid: clinic.guid,
    speciality,
    specialityCode,
    directionGuid: directionGuid === null ? null : directionGuid.toLowerCase(),
    phone,
    reason,
    createdAt: state.now(),
  };
  state.waitingList.push(record);
  return ok({ id: record.id });
}
