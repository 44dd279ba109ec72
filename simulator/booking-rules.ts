// Rules both booking methods apply the same way (by referral, and by cell: self-booking and
// reschedule), so a patient meets one MIS whichever way the kiosk books.
import { ageOn, clinicDdMmYyyyHm, clinicInstant } from './clock';
import { SimError } from './errors';
import type { Person, Resource } from './seed-data';
import { fullName, resourceByGuid, type SimState } from './state';

/** 4008: one active booking per speciality; `except` is the booking being replaced (a reschedule). */
export function refuseSecondOfSpeciality(state: SimState, person: Person, speciality: string, except: string | null = null): void {
  const clash = state
    .activeTicketsOf(person.guid)
    .filter((t) => t.ticketGuid !== except && resourceByGuid(t.resourceGuid)?.speciality === speciality)
    .sort((a, b) => clinicInstant(a.cell.date, a.cell.time) - clinicInstant(b.cell.date, b.cell.time))[0];
  if (clash) {
    throw new SimError('4008', {
      ФИО: fullName(person),
      Время: clinicDdMmYyyyHm(clinicInstant(clash.cell.date, clash.cell.time)),
    });
  }
}

/** 4029: the resource's age limit (the only restriction the seed models). */
export function refuseByAge(state: SimState, person: Person, resource: Resource | undefined): void {
  if (resource?.minAge !== undefined && ageOn(person.birthday, state.today()) < resource.minAge) {
    throw new SimError('4029');
  }
}
