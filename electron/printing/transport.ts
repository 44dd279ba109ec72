// How bytes reach a printer. The facade only knows this interface, so the Electron shell can
// plug in the OS spooler (which cannot take ESC/POS and renders the slip itself).
import type { SlipData } from '../core/ports';
import type { PrinterStatus } from './status';

export interface SlipTransport {
  /** For logs: «tcp 10.0.0.5:9100», «device /dev/usb/lp0», «os Custom VKP80». */
  readonly description: string;
  /** Resolves once the printer (or the device driver) has taken every byte. */
  send(bytes: Uint8Array): Promise<void>;
  /** Only on two-way transports. */
  queryStatus?(): Promise<PrinterStatus>;
  /**
   * For transports that print a rendered slip instead of ESC/POS (the OS printer: see
   * `renderSlipHtml`). When present the facade calls this and never `send`.
   */
  printSlip?(slip: SlipData): Promise<void>;
}

export type PrinterErrorCode = 'unreachable' | 'timeout' | 'disconnected' | 'protocol' | 'device';

/** A transport fault. `message` is for logs (English, technical); the facade picks the patient's text. */
export class PrinterError extends Error {
  constructor(
    readonly code: PrinterErrorCode,
    message: string,
    cause?: unknown,
  ) {
    super(message, { cause });
    this.name = 'PrinterError';
  }
}

export function errnoCode(err: unknown): string | undefined {
  return typeof err === 'object' && err !== null && 'code' in err && typeof err.code === 'string' ? err.code : undefined;
}
