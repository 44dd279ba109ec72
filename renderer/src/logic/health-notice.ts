// What Welcome tells the patient before they start, from the main process's pre-flight check.
import type { KioskHealth, KioskInfo } from '../../../electron/common/bridge-contract';
import { msg, type Msg } from '../../../electron/common/i18n/catalog';

export type HealthNotice = {
  kind: 'mis-down' | 'no-slip';
  text: Msg;
  /** Whether starting is pointless (every step after Identify needs the MIS). */
  blocksStart: boolean;
  /** The registry's phone to call instead, shown large after the text (MIS down, when configured). */
  phone: string | null;
};

/** Printer states in which no slip comes out (`disabled`: this kiosk prints none at all). */
const NO_SLIP = new Set<KioskHealth['printer']>(['paper-end', 'cover-open', 'offline', 'error', 'disabled']);

/** Before kioskInfo has answered: no phone, and the config's default estimate. */
const DEFAULT_RETRY_MINUTES = 5;

/**
 * The one notice to show, the most serious first; null when all is well or not known yet
 * (no check finished: Welcome stays as usual rather than alarming anyone). A printer that is
 * only low on paper still prints: that is the technician's business, not the patient's.
 * With the MIS down the patient learns when to come back and whom to call instead of booking.
 */
export function healthNotice(h: KioskHealth | null, info?: Pick<KioskInfo, 'clinicPhone' | 'misRetryMinutes'> | null): HealthNotice | null {
  if (!h) return null;
  if (h.mis === 'down') {
    const minutes = info?.misRetryMinutes ?? DEFAULT_RETRY_MINUTES;
    const phone = info?.clinicPhone.trim() || null;
    return { kind: 'mis-down', text: phone ? msg('welcome.misDownCall', { minutes }) : msg('welcome.misDown', { minutes }), blocksStart: true, phone };
  }
  if (NO_SLIP.has(h.printer)) {
    return { kind: 'no-slip', text: msg('welcome.noSlip'), blocksStart: false, phone: null };
  }
  return null;
}

/** A phone number as a voice says it: digit groups, not «minus». */
export function phoneForSpeech(phone: string): string {
  return phone.replace(/[-()]+/g, ' ').replace(/\s+/g, ' ').trim();
}
