// Maps whatever the core threw to the one error shape the renderer understands: the kind of
// failure and the kiosk's problem (common/problems.ts), which the screen words in the session's
// language and turns into the next step. The MIS's own text crosses only where an adapter chose
// to show it (ApiError.shown); everything else stays in the log.
import type { BridgeError } from '../../common/bridge-contract';
import type { KioskProblem } from '../../common/problems';
import { ApiError } from '../api/api-error';
import { BookingNotConfirmedError } from '../booking/booking-errors';
import { SessionError } from '../session/session-error';
import { PrinterUnavailableError } from './printer-unavailable-error';
import { ServiceModeError } from '../service/service-error';

const plain = (kind: BridgeError['kind'], problem: KioskProblem): BridgeError => ({ kind, problem, shown: null, httpStatus: null });

export function toBridgeError(err: unknown): BridgeError {
  if (err instanceof ApiError) return { kind: err.kind, problem: err.problem, shown: err.shown, httpStatus: err.httpStatus };
  if (err instanceof BookingNotConfirmedError) return plain('network', 'bookingNotConfirmed');
  if (err instanceof SessionError) return plain('session', 'sessionEnded');
  if (err instanceof ServiceModeError) return plain('session', 'serviceClosed');
  if (err instanceof PrinterUnavailableError) return plain('printer', err.problem);
  return plain('internal', 'internal');
}
