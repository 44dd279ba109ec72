// The kiosk's own vocabulary of what went wrong, the same for every MIS. Each MIS adapter
// translates its codes into these words (electron/core/mis/*-codes.ts); nothing above the Mis
// port sees an MIS code (it travels for the log only). The patient's next step and the sentence
// on screen are chosen from the problem, never from an MIS code or from wording.

export const KIOSK_PROBLEMS = [
  // The patient and their card
  'patientNotFound', // no patient with this policy and birth date
  'patientAmbiguous', // several cards match: only the registry can tell them apart
  'patientDataIncomplete', // the MIS says the identification is incomplete
  'noCard', // no medical card at this clinic
  'cardClosed', // the card is closed
  'cardsUnavailable', // the MIS could not read the patient's cards just now
  'notAttached', // not attached to the doctor's area
  'selfBookingBanned', // the clinic barred this patient from booking themselves
  // The referral
  'referralNotFound',
  'referralExpired',
  'referralUsed', // already booked or used on this referral
  // The booking
  'slotTaken', // the time was taken (or is no longer bookable) meanwhile
  'alreadyBooked', // the patient already has such a booking
  'ageOrSexRestricted', // the doctor does not take this age or sex
  'doctorNotForPatient', // the doctor's profile does not fit the patient
  'bookingNotConfirmed', // the answer was lost and the visit list does not show the booking
  // Appointments
  'bookingNotFound', // cancelling something that is not (or no longer) there
  'cancelTooLate', // the appointment time has passed
  'cancelNotAllowed', // not cancellable here (inactive, not through this channel)
  // The waiting list
  'alreadyOnWaitingList', // the patient already waits for this speciality (or referral) at this clinic
  // This kiosk and the MIS
  'clinicNotFound',
  'clientNotAllowed', // the MIS does not accept this kiosk
  'unsupported', // this MIS cannot do that at a kiosk
  'tooManyLookups', // referral lookups capped for the session
  'requestInvalid', // the MIS refused the request's form (a kiosk or MIS fault, not the patient's)
  'refused', // the MIS refused for a reason it did not classify
  'credentialExpired', // the patient's token ran out (healed once, silently)
  'sessionExpired', // the MIS no longer accepts the patient's session
  'misUnreachable', // no answer
  'misUnavailable', // the MIS answered that it failed
  'misGarbled', // an answer the kiosk cannot read
  // The kiosk itself
  'sessionEnded', // no patient session (idle, «start over», a reload)
  'kioskLink', // the screen could not reach the kiosk's own core
  'badInput', // the bridge refused an input (only a bug or an attack)
  'ticketUnknown', // printing a ticket this session does not know
  'reprintUsed', // the reprint allowance is spent
  'serviceClosed', // a technician's call after service mode closed
  'internal', // a bug on our side
] as const;

export type KioskProblem = (typeof KIOSK_PROBLEMS)[number];

export function isKioskProblem(v: unknown): v is KioskProblem {
  return typeof v === 'string' && (KIOSK_PROBLEMS as readonly string[]).includes(v);
}

/**
 * Problems after which an earlier booking attempt whose answer never came back may be the
 * patient's own booking: the kiosk looks at the visit list before it says «time taken».
 */
export const MAYBE_OWN_BOOKING: ReadonlySet<KioskProblem> = new Set(['slotTaken', 'alreadyBooked', 'referralUsed']);
