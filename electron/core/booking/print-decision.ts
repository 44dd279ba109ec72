// What «print» and «print again» mean for one ticket, decided from the print journal alone.
// The renderer only asks; this table is the one place that knows about retries and copies.
import type { PrintHistory, PrinterReadiness } from '../ports';

export type PrintAction =
  /** The automatic first print. */
  | { kind: 'original' }
  /** The original never reached the printer: the same slip again, not marked. */
  | { kind: 'resend' }
  /** Something came out (or may have): a copy marked ПОВТОРНАЯ. */
  | { kind: 'copy' }
  /**
   * Nothing to print now, and why: the reprint allowance is spent, the printer says it cannot
   * print, or null when the state on screen already says it.
   */
  | { kind: 'none'; why: 'reprintUsed' | 'blocked' | null };

/** A printer that says it cannot print: offering «Печать ещё раз» would only fail again. */
export function printerBlocked(r: PrinterReadiness): boolean {
  return r === 'paper-end' || r === 'cover-open' || r === 'error' || r === 'offline';
}

export function decidePrint(
  again: boolean,
  h: PrintHistory,
  limit: number,
  readiness: PrinterReadiness,
): PrintAction {
  if (!again) return h.original === 'none' ? { kind: 'original' } : { kind: 'none', why: null };
  if (h.original === 'none') return { kind: 'original' };
  if (h.againAttempts >= limit) return { kind: 'none', why: 'reprintUsed' };
  if (printerBlocked(readiness)) return { kind: 'none', why: 'blocked' };
  return h.original === 'failed-unsent' ? { kind: 'resend' } : { kind: 'copy' };
}

/** Whether «Печать ещё раз» may be offered after this history. */
export function canPrintAgain(h: PrintHistory, limit: number, readiness: PrinterReadiness): boolean {
  return h.original !== 'none' && h.original !== 'pending' && h.againAttempts < limit && !printerBlocked(readiness);
}
