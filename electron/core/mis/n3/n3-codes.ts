// The N3 hub's IdError codes in the kiosk's vocabulary: every code n3-hubservice.md §4.2 lists
// (the codes a public MIS-side implementation returns to the hub). A code can mean another thing
// in another operation (20 is an unknown patient at CheckPatient, an unknown referral-and-surname
// pair at InspectDoctorsReferral2). SetAppointment says the same without a referral; in a move
// (idAppointmentPrev) 75 is the booking to move that is no longer there, as at cancel. The
// lists without a referral and SetWaitingList document only 99. The adapter translates each
// failure here; the table test runs every row.
import type { KioskProblem } from '../../../common/problems';
import { ApiError } from '../../api/api-error';
import { misText } from '../mis-text';

export const N3_PROBLEMS: Readonly<Record<string, KioskProblem>> = {
  '4': 'patientDataIncomplete',
  '20': 'patientNotFound',
  '21': 'patientAmbiguous',
  '22': 'ageOrSexRestricted',
  '33': 'doctorNotForPatient',
  '34': 'ageOrSexRestricted',
  '35': 'alreadyBooked',
  '36': 'notAttached',
  '38': 'slotTaken',
  '39': 'slotTaken',
  '41': 'notAttached',
  '75': 'bookingNotFound',
  '99': 'misUnavailable',
};

/** Where an operation gives a code its own meaning. */
export const N3_PROBLEMS_BY_OP: Readonly<Record<string, Readonly<Record<string, KioskProblem>>>> = {
  // «Пациент с заданными параметрами не найден» for a number + surname the patient typed: the
  // patient is identified already, so it is the referral that was not found.
  InspectDoctorsReferral2: { '20': 'referralNotFound' },
};

/** A failure of one hub operation in the kiosk's words; anything else passes through. */
export function n3Error(op: string, err: unknown): unknown {
  if (!(err instanceof ApiError) || err.code === null || err.kind !== 'validation') return err;
  const problem = N3_PROBLEMS_BY_OP[op]?.[err.code] ?? N3_PROBLEMS[err.code];
  // A code no table knows: the hub's own words are all there is to tell the patient why.
  return problem ? err.as(problem) : err.as('refused', misText(err.serverMessage));
}
