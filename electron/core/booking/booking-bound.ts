// How long a booking can take, at the longest: the POST (and, after an expired token, a new
// token and the POST again), then every reconciliation poll with its pause. What must not cut a
// booking short (leaving the screen, a technician's entry) waits this long for its outcome and
// no longer: the client's deadlines bound every step, this is their sum plus a margin.
import type { KioskConfig } from '../config/schema';

const MARGIN_MS = 5_000;

export function bookingBoundMs(config: Pick<KioskConfig, 'api' | 'booking'>): number {
  const call = config.api.timeoutMs;
  const { reconcilePolls, reconcileIntervalMs } = config.booking;
  return 3 * call + reconcilePolls * (call + reconcileIntervalMs) + MARGIN_MS;
}
