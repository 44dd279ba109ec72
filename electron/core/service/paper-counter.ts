// How many slips went out since the technician last put in a new roll. The printer's own
// near-end sensor speaks only in the last metres; this counter lets the technician (and the
// service screen's estimate) see the roll running down long before that. Kept in the kiosk's
// private data folder so a restart does not forget the roll; a write that fails only costs
// the estimate, never a print.
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ensurePrivateDirSync } from '../fs/private-dir';
import type { Logger, SlipPrinter } from '../ports';

export interface PaperState {
  /** Slips printed (or sent without confirmation) since the last «Бумага заменена». */
  printed: number;
  /** When the roll was last replaced (ISO instant), null if never recorded on this kiosk. */
  resetAt: string | null;
}

export interface PaperCounter {
  state(): PaperState;
  add(n?: number): void;
  reset(): PaperState;
}

export interface PaperCounterOptions {
  dir: string;
  log: Logger;
  now?: () => Date;
}

const FILE = 'paper-counter.json';

function read(file: string): PaperState {
  try {
    const raw = JSON.parse(readFileSync(file, 'utf8')) as Partial<PaperState>;
    const printed = Number.isSafeInteger(raw.printed) && (raw.printed as number) >= 0 ? (raw.printed as number) : 0;
    const resetAt = typeof raw.resetAt === 'string' && !Number.isNaN(Date.parse(raw.resetAt)) ? raw.resetAt : null;
    return { printed, resetAt };
  } catch {
    return { printed: 0, resetAt: null };
  }
}

export function createPaperCounter(opts: PaperCounterOptions): PaperCounter {
  const now = opts.now ?? (() => new Date());
  let file: string | null = null;
  try {
    file = path.join(ensurePrivateDirSync(opts.dir), FILE);
  } catch (err) {
    opts.log.error('service.paper_counter_unavailable', { dir: opts.dir, error: String(err) });
  }
  let state: PaperState = file ? read(file) : { printed: 0, resetAt: null };

  const save = (): void => {
    if (!file) return;
    try {
      // Written whole then renamed: a power cut mid-write leaves the old count, not half a file.
      const tmp = `${file}.tmp`;
      writeFileSync(tmp, `${JSON.stringify(state)}\n`, { mode: 0o600 });
      renameSync(tmp, file);
    } catch (err) {
      opts.log.warn('service.paper_counter_write_failed', { error: String(err) });
    }
  };

  return {
    state: () => ({ ...state }),
    add(n = 1) {
      state = { ...state, printed: state.printed + n };
      save();
    },
    reset() {
      state = { printed: 0, resetAt: now().toISOString() };
      save();
      return { ...state };
    },
  };
}

/**
 * Slips left on the roll: what the configured roll holds minus what went out. An estimate — the
 * roll may not have been full, and a long slip takes more than the configured length.
 */
export function slipsLeft(printed: number, rollLengthM: number, slipLengthMm: number): number {
  const capacity = Math.floor((rollLengthM * 1000) / slipLengthMm);
  return Math.max(0, capacity - printed);
}

/** The same printer, counting each slip that came out (or may have) against the roll. */
export function countingSlipPrinter<P extends SlipPrinter>(printer: P, counter: PaperCounter): P {
  // The print-once guard answers a repeated original with the earlier job: no new paper used.
  const seen: string[] = [];
  return {
    ...printer,
    printSlip: async (slip) => {
      const outcome = await printer.printSlip(slip);
      if (outcome.state !== 'failed' && !seen.includes(outcome.jobId)) {
        seen.push(outcome.jobId);
        if (seen.length > 64) seen.shift();
        counter.add();
      }
      return outcome;
    },
  };
}

/** A counter that forgets on restart, for a core built without a data folder (unit tests). */
export function memoryPaperCounter(now: () => Date = () => new Date()): PaperCounter {
  let state: PaperState = { printed: 0, resetAt: null };
  return {
    state: () => ({ ...state }),
    add: (n = 1) => void (state = { ...state, printed: state.printed + n }),
    reset: () => ({ ...(state = { printed: 0, resetAt: now().toISOString() }) }),
  };
}
