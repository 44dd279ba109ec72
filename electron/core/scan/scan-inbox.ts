// Where scans wait for the screen. The renderer asks for a scan (`takeScan`) every ~300 ms
// while it shows Welcome or Identify, and only then; so "a poll came in the last
// `listenWindowMs`" is the same as "the kiosk is on Welcome or Identify". A scan arriving
// while nobody listens (another patient is choosing a doctor) is dropped, not kept for later:
// it must never identify someone the moment the previous patient steps back to Identify.
import type { Logger } from '../ports';
import { classifyScan, type ScanResult } from './classify-scan';
import type { PaperPolicy } from './policy-barcode';

export type ScanSource = 'serial' | 'keyboard';

export interface ScanInboxOptions {
  log: Logger;
  now?: () => number;
  /** How long after a poll the screen still counts as listening. */
  listenWindowMs?: number;
  /** Told of every scan, listened for or not (someone is at the kiosk). */
  onScan?: () => void;
  /** How long a handed-over paper policy waits for `identifyScanned`. */
  holdMs?: number;
}

export class ScanInbox {
  readonly #log: Logger;
  readonly #now: () => number;
  readonly #listenWindowMs: number;
  readonly #holdMs: number;
  readonly #onScan: () => void;
  #lastPoll = Number.NEGATIVE_INFINITY;
  #pending: { result: ScanResult } | null = null;
  #held: { policy: PaperPolicy; until: number } | null = null;

  constructor(opts: ScanInboxOptions) {
    this.#log = opts.log;
    this.#now = opts.now ?? Date.now;
    // Polls come every 300 ms, but a loaded kiosk (e2e on 2 busy cores) showed 2 s gaps between
    // them; 4 s still drops scans made while another patient is past Identify.
    this.#listenWindowMs = opts.listenWindowMs ?? 4000;
    this.#holdMs = opts.holdMs ?? 60_000;
    this.#onScan = opts.onScan ?? (() => {});
  }

  /** A scan's raw bytes from a scanner. Logs what kind it was, never what it says. */
  push(frame: Uint8Array, source: ScanSource): void {
    this.#onScan();
    const result = classifyScan(frame);
    const fields = { source, kind: result.kind, bytes: frame.length, ...(result.kind === 'policy' ? { version: result.policy.version } : {}) };
    if (this.#now() - this.#lastPoll > this.#listenWindowMs) {
      this.#log.audit('scan.ignored', { ...fields, reason: 'not on Welcome or Identify' });
      return;
    }
    this.#log.audit('scan.received', fields);
    this.#pending = { result };
  }

  /** The latest scan, once; marks the screen as listening. */
  take(): ScanResult | null {
    const now = this.#now();
    // After a gap in polling (the screen left Identify and came back) a scan that slipped in
    // just after the last poll belongs to that gap, not to this screen.
    const continuous = now - this.#lastPoll <= this.#listenWindowMs;
    this.#lastPoll = now;
    const p = this.#pending;
    this.#pending = null;
    return continuous && p ? p.result : null;
  }

  /** The screen left the listening screens: nothing pending is for the next one, and a scan until the next poll is ignored. */
  stopListening(): void {
    this.#lastPoll = Number.NEGATIVE_INFINITY;
    if (this.#pending) this.#log.audit('scan.ignored', { kind: this.#pending.result.kind, reason: 'the screen stopped listening' });
    this.#pending = null;
  }

  /** Keeps a paper policy in the main process until the screen asks to identify with it. */
  hold(policy: PaperPolicy): void {
    this.#held = { policy, until: this.#now() + this.#holdMs };
  }

  takeHeld(): PaperPolicy | null {
    const h = this.#held;
    this.#held = null;
    return h && h.until >= this.#now() ? h.policy : null;
  }

  /** The patient's session ended: nothing scanned for them survives it. */
  clear(): void {
    this.#pending = null;
    this.#held = null;
  }
}
