// A booking POST whose answer was lost, late or unreadable may still have booked the cell.
// Retrying it blindly would hit 4009 (the patient's own booking) or book twice, so the kiosk
// asks the MIS for the patient's visits instead and looks for the one this attempt made.
import { clinicTime, clinicYmd } from '../../common/clinic-time';
import { ApiError } from '../api/api-error';
import type { TicketVisitWithLpu } from '../api/schemas';
import type { Logger } from '../ports';

/** What a booking is for: a referral, a speciality without one, or moving an existing booking. */
export type BookingKind = 'referral' | 'self' | 'reschedule';
export const BOOKING_KINDS: readonly BookingKind[] = ['referral', 'self', 'reschedule'];

/** The idempotency record of one booking attempt (no patient data). */
export interface BookingAttempt {
  kind: BookingKind;
  /** The referral's GUID, the speciality's code, or the GUID of the booking being moved. */
  purpose: string;
  lpuGuid: string;
  resourceGuid: string;
  date: string;
  time: string;
  startedAt: string;
}

export const attemptKey = (a: Omit<BookingAttempt, 'startedAt'>): string =>
  [a.kind, a.purpose, a.lpuGuid, a.resourceGuid, a.date, a.time].join('|');

/** Connection failures that prove the request never left: nothing can have been booked. */
const NEVER_SENT = /ECONNREFUSED|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH/;

/**
 * Whether a failed booking POST leaves the outcome unknown: no answer or a timeout after the
 * request went out, a 5xx or an MIS's own «internal fault» answer (it may have booked before
 * failing), or a 2xx we cannot read.
 */
export function outcomeUnknown(err: unknown): boolean {
  if (!(err instanceof ApiError)) return false;
  // The MIS said it failed (SoftRust 5000, N3 99 «технческая ошибка»): it may have booked first.
  if (err.problem === 'misUnavailable') return true;
  if (err.kind === 'network') return !NEVER_SENT.test(err.message);
  if (err.kind === 'server') return true;
  if (err.kind === 'protocol') return err.httpStatus === null || (err.httpStatus >= 200 && err.httpStatus < 300) || err.httpStatus >= 500;
  return false;
}

export function matchesAttempt(v: TicketVisitWithLpu, a: BookingAttempt, timeZone: string): boolean {
  try {
    return (
      v.lpu.guid.toLowerCase() === a.lpuGuid.toLowerCase() &&
      clinicYmd(v.beginTime, timeZone) === a.date &&
      clinicTime(v.beginTime, timeZone) === a.time &&
      (!v.docGuid || v.docGuid.toLowerCase() === a.resourceGuid.toLowerCase())
    );
  } catch {
    return false;
  }
}

export interface ReconcileOptions {
  polls: number;
  intervalMs: number;
  timeZone: string;
  log: Logger;
  sleep?: (ms: number) => Promise<void>;
  /** Stop polling when this turns true (the patient started over). */
  cancelled?: () => boolean;
}

/** Polls the patient's visits a few times; the visit this attempt made, or null. */
export async function findBookedVisit(
  listVisits: () => Promise<TicketVisitWithLpu[]>,
  attempt: BookingAttempt,
  opts: ReconcileOptions,
): Promise<TicketVisitWithLpu | null> {
  const sleep = opts.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  for (let i = 0; i < opts.polls; i++) {
    if (i > 0) await sleep(opts.intervalMs);
    if (opts.cancelled?.()) return null;
    try {
      const found = (await listVisits()).find((v) => matchesAttempt(v, attempt, opts.timeZone));
      if (found) {
        opts.log.info('booking.reconcile_found', { poll: i + 1 });
        return found;
      }
    } catch (err) {
      // A failed poll is not an answer: try again until the polls run out.
      opts.log.warn('booking.reconcile_poll_failed', { poll: i + 1, error: err instanceof Error ? err.message : String(err) });
    }
  }
  return null;
}
