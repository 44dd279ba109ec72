// The core's print result as the ticket screen shows it: one mapping for the automatic print,
// «Печать ещё раз» and the status poll alike.
import type { PrintResult } from '../../../electron/common/bridge-contract';
import type { PrintStatus } from './types';

export function printStatusOf(r: PrintResult): PrintStatus {
  const { state, reprintsLeft, canPrintAgain } = r;
  if (state === 'printed') return { phase: 'printed', reprintsLeft, canPrintAgain };
  // A fault is always given for these; the fallbacks are the printer wording of each state.
  const fault = r.fault ?? (state === 'uncertain' ? 'uncertain' : state === 'disabled' ? 'disabled' : 'internal');
  return { phase: state, fault, reprintsLeft, canPrintAgain };
}
