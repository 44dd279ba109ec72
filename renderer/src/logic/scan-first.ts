// Whether Welcome offers scanning as the main way in, and what its picture shows: the same
// answer for the screen and for the voice that reads it.
import type { KioskInfo } from '../../../electron/common/bridge-contract';
import type { HealthNotice } from './health-notice';

export type ScanFirst = {
  place: KioskInfo['scannerPlace'];
  /** What the configured scanner can read: a serial imager the paper policy too, a keyboard wedge only digits. */
  reads: 'serial' | 'keyboard';
};

/** null: no scanner, or the MIS is down (a scan could not start a booking either). */
export function scanFirst(info: Pick<KioskInfo, 'scanner' | 'scannerPlace'> | null, notice: HealthNotice | null): ScanFirst | null {
  if (!info || info.scanner === 'none' || notice?.blocksStart) return null;
  return { place: info.scannerPlace, reads: info.scanner };
}
