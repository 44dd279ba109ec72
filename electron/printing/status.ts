// Real-time status (`DLE EOT n`). Asked before every print on a two-way transport so a patient
// is told «закончилась бумага» instead of walking away with nothing, and so we never leave a
// job in the printer's buffer that will come out later for the next person in the queue.

import type { PrinterFault } from '../common/printer-faults';

export interface PrinterStatus {
  online: boolean;
  coverOpen: boolean;
  paperEnd: boolean;
  paperNearEnd: boolean;
  /** Mechanical, cutter or unrecoverable error: needs a technician. */
  error: boolean;
  /** The four answer bytes (n = 1..4), for the log. */
  raw: number[];
}

export const DLE = 0x10;
export const EOT = 0x04;
/** n = 1 printer, 2 offline cause, 3 error cause, 4 roll paper sensor. */
export const STATUS_QUERY = Uint8Array.from([DLE, EOT, 1, DLE, EOT, 2, DLE, EOT, 3, DLE, EOT, 4]);

// Bit masks from Epson's ESC/POS reference for DLE EOT; the other vendors we support copy them.
export const BITS = {
  printer: { offline: 0x08 },
  offline: { coverOpen: 0x04, paperFeedButton: 0x08, paperEndStop: 0x20, error: 0x40 },
  error: { mechanical: 0x04, autocutter: 0x08, unrecoverable: 0x20, autoRecoverable: 0x40 },
  paper: { nearEnd: 0x0c, end: 0x60 },
} as const;

/** Every status byte has bit 1 and bit 4 set and bits 0 and 7 clear. */
export function isStatusByte(b: number): boolean {
  return (b & 0x93) === 0x12;
}

export class StatusParseError extends Error {}

export function parseStatus(bytes: ArrayLike<number>): PrinterStatus {
  if (bytes.length < 4) throw new StatusParseError(`expected 4 status bytes, got ${bytes.length}`);
  const raw = [bytes[0] ?? 0, bytes[1] ?? 0, bytes[2] ?? 0, bytes[3] ?? 0];
  const bad = raw.find((b) => !isStatusByte(b));
  if (bad !== undefined) throw new StatusParseError(`not a DLE EOT answer: 0x${bad.toString(16)}`);
  const [printer, offline, error, paper] = raw as [number, number, number, number];
  const paperEnd = (paper & BITS.paper.end) !== 0 || (offline & BITS.offline.paperEndStop) !== 0;
  return {
    online: (printer & BITS.printer.offline) === 0,
    coverOpen: (offline & BITS.offline.coverOpen) !== 0,
    paperEnd,
    paperNearEnd: !paperEnd && (paper & BITS.paper.nearEnd) !== 0,
    error:
      (offline & BITS.offline.error) !== 0 ||
      (error & (BITS.error.mechanical | BITS.error.autocutter | BITS.error.unrecoverable | BITS.error.autoRecoverable)) !== 0,
    raw,
  };
}

/** The four answer bytes a printer in this state sends; used by the virtual printer and tests. */
export function statusBytes(s: Omit<PrinterStatus, 'raw'>): [number, number, number, number] {
  const base = 0x12;
  const notReady = !s.online || s.coverOpen || s.paperEnd || s.error;
  return [
    base | (notReady ? BITS.printer.offline : 0),
    base | (s.coverOpen ? BITS.offline.coverOpen : 0) | (s.paperEnd ? BITS.offline.paperEndStop : 0) | (s.error ? BITS.offline.error : 0),
    base | (s.error ? BITS.error.unrecoverable : 0),
    base | (s.paperEnd ? BITS.paper.end | BITS.paper.nearEnd : s.paperNearEnd ? BITS.paper.nearEnd : 0),
  ];
}

/** Why this status forbids printing; null when it may print. */
export function blockingFault(s: PrinterStatus): PrinterFault | null {
  if (s.paperEnd) return 'paperEnd';
  if (s.coverOpen) return 'coverOpen';
  if (s.error) return 'error';
  if (!s.online) return 'offline';
  return null;
}
