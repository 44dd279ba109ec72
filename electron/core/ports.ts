// Interfaces the core needs from the outside world. The printing layer and the Electron shell
// provide implementations; the core and its tests never know which.
import type { Ticket } from '../common/bridge-contract';

/** Everything printed on a slip. No patient name or policy number: the slip may be lost. */
export interface SlipData {
  ticket: Ticket;
  kioskId: string;
  /** ISO instant the slip was printed; shown in the clinic's zone. */
  printedAt: string;
  timeZone: string;
  /** True when the patient asked for another copy on purpose. */
  reprint: boolean;
}

export interface SlipPrintOutcome {
  jobId: string;
  ok: boolean;
  /** Russian, for the patient, when not ok: «В принтере закончилась бумага» … */
  message: string | null;
}

/**
 * Prints slips. Resolves for printer faults (ok: false) and never throws for them, so a
 * failed print can never undo or hide a booking that already stands.
 */
export interface SlipPrinter {
  printSlip(slip: SlipData): Promise<SlipPrintOutcome>;
}

/**
 * Structured logging. Implementations mask policy numbers and drop anything that looks like a
 * token; callers still never pass either. `audit` records bookings and prints without
 * personal data, for the clinic's staff.
 */
export interface Logger {
  info(event: string, data?: Record<string, unknown>): void;
  warn(event: string, data?: Record<string, unknown>): void;
  error(event: string, data?: Record<string, unknown>): void;
  audit(event: string, data?: Record<string, unknown>): void;
}

export const silentLogger: Logger = { info() {}, warn() {}, error() {}, audit() {} };
