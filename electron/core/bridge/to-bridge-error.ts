// Maps whatever the core threw to the one error shape the renderer understands. The patient
// sees the server's own Russian message for every documented code; for failures without one
// we say plainly what happened and what to do.
import { TEXTS } from '../../common/texts';
import { shortenFullNames, typograph } from '../../common/typograph';
import type { BridgeError } from '../../common/bridge-contract';
import { ApiError } from '../api/api-error';
import { BookingNotConfirmedError } from '../booking/booking-errors';
import { SessionError } from '../session/session-error';
import { PrinterUnavailableError } from './printer-unavailable-error';
import { ServiceModeError } from '../service/service-error';

// What happened, not what to do: the error panel adds the next step («Попробуйте ещё раз…»).
export const MESSAGES = {
  network: TEXTS.errors.misUnreachable,
  server: TEXTS.errors.misDown,
  protocol: TEXTS.errors.misGarbled,
  session: TEXTS.errors.session,
  internal: TEXTS.errors.internal,
} as const;

export function toBridgeError(err: unknown): BridgeError {
  if (err instanceof ApiError) {
    const message = err.serverMessage && err.serverMessage.trim() ? serverText(err.serverMessage) : MESSAGES[err.kind === 'auth' ? 'session' : err.kind === 'validation' ? 'protocol' : err.kind];
    return { kind: err.kind, code: err.code, message, httpStatus: err.httpStatus };
  }
  if (err instanceof BookingNotConfirmedError) return { kind: 'network', code: null, message: TEXTS.errors.bookingNotConfirmed, httpStatus: null };
  if (err instanceof SessionError) return { kind: 'session', code: null, message: MESSAGES.session, httpStatus: null };
  if (err instanceof ServiceModeError) return { kind: 'session', code: 'service', message: err.technicianMessage, httpStatus: null };
  if (err instanceof PrinterUnavailableError) return { kind: 'printer', code: null, message: err.message, httpStatus: null };
  return { kind: 'internal', code: null, message: MESSAGES.internal, httpStatus: null };
}

/**
 * The server's sentence as a public screen may show it: a full name («Вы уже записаны Сидоров
 * Алексей Николаевич…», code 4008) becomes surname and initials, and the text is typeset.
 */
export function serverText(message: string): string {
  return typograph(shortenFullNames(message.trim()));
}
