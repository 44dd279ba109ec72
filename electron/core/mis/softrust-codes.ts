// SoftRust's message codes in the kiosk's vocabulary: every code the seed and ../shared/api
// document (conventions-and-errors.md), documented and PROPOSED alike. The adapter translates
// each failure here before it leaves the Mis port; the table test runs every row.
import type { KioskProblem } from '../../common/problems';
import { ApiError } from '../api/api-error';
import { misText } from './mis-text';

export const SOFTRUST_PROBLEMS: Readonly<Record<string, KioskProblem>> = {
  // Token (seed): 5007 is healed once by the session; the others end it.
  '5007': 'credentialExpired',
  '5008': 'sessionExpired',
  '5009': 'sessionExpired',
  '5010': 'sessionExpired',
  // Cards and the patient (seed; 4002 PROPOSED)
  '4001': 'noCard',
  '5096': 'cardClosed',
  '5097': 'cardsUnavailable',
  '4002': 'patientNotFound',
  '4007': 'selfBookingBanned',
  // Referrals (seed 4031; PROPOSED 4032–4034)
  '4031': 'referralNotFound',
  '4032': 'referralNotFound',
  '4033': 'referralExpired',
  '4034': 'referralUsed',
  // Booking (seed 4008, 4009, 4029; PROPOSED 4035)
  '4008': 'alreadyBooked',
  '4009': 'slotTaken',
  '4035': 'slotTaken',
  '4029': 'ageOrSexRestricted',
  // Cancelling (PROPOSED 4040–4043; documented 4021/4022 on the call-doctor cancel)
  '4040': 'bookingNotFound',
  '4041': 'cancelTooLate',
  '4042': 'cancelNotAllowed',
  '4043': 'cancelNotAllowed',
  // Moving a booking (PROPOSED 4045): the booking named as replaced is not one the patient can move.
  '4045': 'bookingNotFound',
  // The waiting list (PROPOSED 4046)
  '4046': 'alreadyOnWaitingList',
  '4021': 'cancelTooLate',
  '4022': 'cancelNotAllowed',
  // The kiosk itself (documented 4442, 5403)
  '4442': 'clientNotAllowed',
  '5403': 'clientNotAllowed',
  '4044': 'clinicNotFound',
  // The request's form (PROPOSED 4000; documented 4014/4025 on the call-doctor form)
  '4000': 'requestInvalid',
  '4014': 'requestInvalid',
  '4025': 'requestInvalid',
  // Documented on the call-doctor method: an active call exists, like an existing booking.
  '4015': 'alreadyBooked',
  '5000': 'misUnavailable',
};

/** Codes whose text names facts the patient needs («Вы уже записаны … на {Время}»). */
const SHOWN: ReadonlySet<string> = new Set(['4008']);

/** A failure of the SoftRust client in the kiosk's words; anything else passes through. */
export function softrustError(err: unknown): unknown {
  if (!(err instanceof ApiError) || err.code === null) return err;
  const problem = SOFTRUST_PROBLEMS[err.code];
  // A refusal no table knows: the MIS's own words are all there is to tell the patient why.
  if (!problem) return err.kind === 'validation' ? err.as('refused', misText(err.serverMessage)) : err;
  return err.as(problem, SHOWN.has(err.code) ? misText(err.serverMessage) : null);
}
