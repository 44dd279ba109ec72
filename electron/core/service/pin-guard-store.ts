// Where the PIN guard keeps its count, so that pulling the plug (or a crash, or an update
// restart) gives a PIN guesser neither fresh attempts nor a shorter lock. Kept next to the
// paper counter in the kiosk's private data folder (0700, owner-checked), written whole and
// renamed. The lock is stored as the time it has LEFT, not as a wall-clock instant: the guard
// re-arms it on its own monotonic clock at start, so setting the system clock back (or a dead
// CMOS battery) can neither end it early nor stretch it for years, and time the kiosk spent
// switched off does not count towards it either.
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ensurePrivateDirSync } from '../fs/private-dir';
import type { Logger } from '../ports';

export interface PinGuardState {
  /** Wrong PINs since the last lock or the last right PIN. */
  wrong: number;
  /** Locks since the last right PIN: the next lock's length is chosen by it. */
  level: number;
  /** What is left of the current lock, ms; 0 when the keypad is open. */
  lockMsLeft: number;
}

export interface PinGuardStore {
  load(): PinGuardState;
  save(state: PinGuardState): void;
}

export const FRESH_PIN_GUARD_STATE: PinGuardState = { wrong: 0, level: 0, lockMsLeft: 0 };

const FILE = 'pin-guard.json';

const count = (v: unknown): number => (Number.isSafeInteger(v) && (v as number) >= 0 ? (v as number) : 0);

/** For a core built without a data folder (unit tests): forgets on restart. */
export function memoryPinGuardStore(initial: PinGuardState = FRESH_PIN_GUARD_STATE): PinGuardStore {
  let state = { ...initial };
  return { load: () => ({ ...state }), save: (s) => void (state = { ...s }) };
}

export function filePinGuardStore(opts: { dir: string; log: Logger; now?: () => Date }): PinGuardStore {
  const now = opts.now ?? (() => new Date());
  let file: string | null = null;
  try {
    file = path.join(ensurePrivateDirSync(opts.dir), FILE);
  } catch (err) {
    // The guard still counts and locks in memory; only a restart would forget.
    opts.log.error('service.pin_guard_unavailable', { dir: opts.dir, error: String(err) });
  }
  return {
    load() {
      if (!file) return { ...FRESH_PIN_GUARD_STATE };
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch {
        return { ...FRESH_PIN_GUARD_STATE }; // never written: nobody has typed a wrong PIN here yet
      }
      try {
        const raw = JSON.parse(text) as Partial<PinGuardState>;
        return { wrong: count(raw.wrong), level: count(raw.level), lockMsLeft: count(raw.lockMsLeft) };
      } catch (err) {
        // Written whole and renamed, so a damaged file was edited by hand; whoever can do that
        // can read the config too. Start counting again rather than lock the technician out.
        opts.log.error('service.pin_guard_damaged', { file, error: String(err) });
        return { ...FRESH_PIN_GUARD_STATE };
      }
    },
    save(state) {
      if (!file) return;
      try {
        const tmp = `${file}.tmp`;
        // savedAt is for a person reading the file; the guard never trusts the wall clock.
        writeFileSync(tmp, `${JSON.stringify({ ...state, savedAt: now().toISOString() })}\n`, { mode: 0o600 });
        renameSync(tmp, file);
      } catch (err) {
        opts.log.warn('service.pin_guard_write_failed', { error: String(err) });
      }
    },
  };
}
