// PROPOSED `GET /api/v2/selfbooking/specialities`: what the patient may book without a referral.
// No such list is in the vendor's public pages; the kiosk needs one to start self-booking, and
// the answer's clinic is the seed's own LpuWithStatus, so one shape serves every screen.
import type { Session } from './auth';
import { ok, sameGuid, type Reply } from './http-util';
import { RESOURCES, SELF_BOOKING, SPECIALITIES, type Clinic } from './seed-data';
import { clinicByGuid, type SimState } from './state';
import { lpuWithStatus } from './views';

/** The specialities a clinic opens to self-booking that have at least one resource there. */
export function openSpecialities(clinic: Clinic): { code: string; name: string }[] {
  return (SELF_BOOKING[clinic.guid] ?? [])
    .map((code) => SPECIALITIES.find((x) => x.code === code))
    .filter((x): x is { code: string; name: string } => x !== undefined)
    .filter((x) => RESOURCES.some((r) => sameGuid(r.lpuGuid, clinic.guid) && r.speciality === x.name))
    .map((x) => ({ ...x }));
}

/** Whether a clinic lets patients book this speciality (by name, as resources carry it) themselves. */
export function isOpenToSelfBooking(clinic: Clinic, speciality: string): boolean {
  return openSpecialities(clinic).some((x) => x.name === speciality);
}

/**
 * The clinics of the patient's open cards, in the cards' order, each with the specialities it
 * opens to self-booking (possibly none). A clinic with a «запрет самозаписи» card is listed too:
 * the ban is the booking's answer (4007), as it is for a referral.
 */
export function selfBookingSpecialities(state: SimState, s: Session): Reply {
  const clinics = s.person.mkabs
    .filter((m) => !m.closed)
    .map((m) => clinicByGuid(m.lpuGuid))
    .filter((c): c is Clinic => c !== undefined);
  return ok(clinics.map((clinic) => ({ lpu: lpuWithStatus(clinic, state), specialities: openSpecialities(clinic) })));
}
