// What Welcome tells the patient before they start, from the main process's pre-flight check.
import type { KioskHealth } from '../../../electron/common/bridge-contract';

export const HEALTH_TEXTS = {
  noSlip: 'Талон не напечатается — номер покажем на экране, запишите или сфотографируйте его',
  misDown: 'Запись через инфомат временно недоступна — обратитесь в регистратуру',
} as const;

export type HealthNotice = {
  kind: 'mis-down' | 'no-slip';
  text: string;
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
  if (h.mis === 'down') return { kind: 'mis-down', text: HEALTH_TEXTS.misDown, blocksStart: true };
  if (NO_SLIP.has(h.printer)) {
    return { kind: 'no-slip', text: HEALTH_TEXTS.noSlip, blocksStart: false };
  }
  return null;
}
