/**
 * The booking POST failed in a way that leaves its outcome unknown and the patient's visits did
 * not show it after the reconciliation polls: we cannot say it was booked, so we say so.
 */
export class BookingNotConfirmedError extends Error {
  override readonly name = 'BookingNotConfirmedError';
}
