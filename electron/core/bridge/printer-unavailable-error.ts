import type { KioskProblem } from '../../common/problems';

/** Printing was refused before reaching the printer (no such ticket, reprint limit reached). */
export class PrinterUnavailableError extends Error {
  override readonly name = 'PrinterUnavailableError';
  constructor(readonly problem: Extract<KioskProblem, 'ticketUnknown' | 'reprintUsed'>) {
    super(problem);
  }
}
