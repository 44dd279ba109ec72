// What the kiosk does after an error: one decision table for every screen and every MIS, keyed
// on the kiosk's own problem (problems.ts), so the same trouble always leads the patient to the
// same next step whichever MIS reported it.
import type { KioskProblem } from './problems';

export type NextStep =
  | 'pickTime' // the time was taken: back to Time with fresh cells
  | 'showExisting' // the patient already has such a booking (or a cancellation failed): show it
  | 'registry' // only the registry can help: say so and end
  | 'pickDoctor' // this doctor does not take this patient: pick another (or another referral)
  | 'referrals' // this referral cannot be used: pick another
  | 'identify' // the patient data did not match: correct it
  | 'retry' // a passing fault: try the same thing again
  | 'startOver'; // the session is gone

export const NEXT_STEP: Readonly<Record<KioskProblem, NextStep>> = {
  patientNotFound: 'identify',
  patientDataIncomplete: 'identify',
  patientAmbiguous: 'registry',
  noCard: 'registry',
  cardClosed: 'registry',
  cardsUnavailable: 'retry',
  notAttached: 'registry',
  selfBookingBanned: 'registry',
  referralNotFound: 'referrals',
  referralExpired: 'referrals',
  referralUsed: 'referrals',
  slotTaken: 'pickTime',
  alreadyBooked: 'showExisting',
  ageOrSexRestricted: 'pickDoctor',
  doctorNotForPatient: 'pickDoctor',
  bookingNotConfirmed: 'retry',
  bookingNotFound: 'showExisting',
  cancelTooLate: 'showExisting',
  cancelNotAllowed: 'showExisting',
  // Nothing to do at the kiosk: the clinic calls; only the registry can change the request.
  alreadyOnWaitingList: 'registry',
  clinicNotFound: 'referrals',
  clientNotAllowed: 'registry',
  unsupported: 'registry',
  tooManyLookups: 'registry',
  requestInvalid: 'retry',
  refused: 'registry',
  credentialExpired: 'identify',
  sessionExpired: 'identify',
  misUnreachable: 'retry',
  misUnavailable: 'retry',
  misGarbled: 'retry',
  sessionEnded: 'startOver',
  kioskLink: 'retry',
  badInput: 'identify',
  ticketUnknown: 'registry',
  reprintUsed: 'registry',
  serviceClosed: 'startOver',
  internal: 'retry',
};

export function nextStepFor(error: { problem: KioskProblem }): NextStep {
  return NEXT_STEP[error.problem];
}
