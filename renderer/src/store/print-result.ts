// The core's print result as the ticket screen shows it: one mapping for the automatic print,
// «Печать ещё раз» and the status poll alike.
import type { PrintResult } from '../../../electron/common/bridge-contract';
import type { Locale } from '../../../electron/common/i18n/locales';
import type { FlowState, PrintStatus } from './types';

export function printStatusOf(r: PrintResult): PrintStatus {
  const { state, reprintsLeft, canPrintAgain } = r;
  if (state === 'printed') return { phase: 'printed', reprintsLeft, canPrintAgain };
  // A fault is always given for these; the fallbacks are the printer wording of each state.
  const fault = r.fault ?? (state === 'uncertain' ? 'uncertain' : state === 'disabled' ? 'disabled' : 'internal');
  return { phase: state, fault, reprintsLeft, canPrintAgain };
}

/**
 * How this patient's slip is printed: in the session's language, and large when they had large
 * print on — the screen's choice is the reader's choice. Sent only when on, so the call stays
 * what it was for everyone else.
 */
export function slipChoice(s: Pick<FlowState, 'language' | 'display'>): { language: Locale; largePrint?: true } {
  return s.display.print === 'large' ? { language: s.language, largePrint: true } : { language: s.language };
}
