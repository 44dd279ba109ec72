// What Welcome tells the patient before they start, from the main process's pre-flight check.
import type { KioskHealth } from '../../../electron/common/bridge-contract';
import { msg, type Msg } from '../../../electron/common/i18n/catalog';

export type HealthNotice = {
  kind: 'mis-down' | 'no-slip';
  text: Msg;
  /** Whether starting is pointless (every step after Identify needs the MIS). */
  blocksStart: boolean;
};

/** Printer states in which no slip comes out (`disabled`: this kiosk prints none at all). */
const NO_SLIP = new Set<KioskHealth['printer']>(['paper-end', 'cover-open', 'offline', 'error', 'disabled']);

/**
 * The one notice to show, the most serious first; null when all is well or not known yet
 * (no check finished: Welcome stays as usual rather than alarming anyone). A printer that is
 * only low on paper still prints: that is the technician's business, not the patient's.
 */
export function healthNotice(h: KioskHealth | null): HealthNotice | null {
  if (!h) return null;
  if (h.mis === 'down') return { kind: 'mis-down', text: msg('welcome.misDown'), blocksStart: true };
  if (NO_SLIP.has(h.printer)) {
    return { kind: 'no-slip', text: msg('welcome.noSlip'), blocksStart: false };
  }
  return null;
}
