// Pre-flight health of the kiosk, in the main process: can it print, and can it reach the MIS?
// Checked at start, every `intervalMs` while no patient is at the screen (a check never competes
// with a patient's own calls) and, for the printer only, right before a patient identifies (the
// patient's own call tests the MIS). The Welcome screen reads the last answer through the bridge
// (kioskHealth) and warns before the first tap instead of after the thirtieth.
import type { KioskHealth, PrinterHealth } from '../../common/bridge-contract';
import type { Logger, SlipPrinter } from '../ports';
import type { MisReach } from './mis-probe';

export interface HealthMonitorDeps {
  /** null: this kiosk prints no slips. */
  printer: SlipPrinter | null;
  probeMis: () => Promise<MisReach>;
  intervalMs: number;
  /** True while no patient session is open: only then does the timer check. */
  idle: () => boolean;
  log: Logger;
  now?: () => Date;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (t: unknown) => void;
}

export interface HealthMonitor {
  /** The last known state; `unknown` parts until the first check finished. */
  last(): KioskHealth;
  /** Checks now; concurrent callers share one check. */
  check(): Promise<KioskHealth>;
  /**
   * Only the printer, now. As a patient starts, the MIS needs no probe: the patient's own first
   * call is the freshest proof, and a probe would be one more MIS request on every booking.
   */
  checkPrinter(): Promise<KioskHealth>;
  start(): void;
  stop(): void;
}

export const UNKNOWN_HEALTH: KioskHealth = { printer: 'unknown', mis: 'unknown', checkedAt: null };

export function createHealthMonitor(deps: HealthMonitorDeps): HealthMonitor {
  const now = deps.now ?? (() => new Date());
  let state: KioskHealth = deps.printer ? UNKNOWN_HEALTH : { ...UNKNOWN_HEALTH, printer: 'disabled' };
  let running: Promise<KioskHealth> | null = null;
  let timer: unknown = null;
  let stopped = true;

  async function printerHealth(): Promise<PrinterHealth> {
    if (!deps.printer) return 'disabled';
    try {
      return await deps.printer.readiness();
    } catch {
      // readiness() promises not to throw; a port that does is a printer we cannot vouch for.
      return 'error';
    }
  }

  async function runCheck(): Promise<KioskHealth> {
    const [printer, mis] = await Promise.all([printerHealth(), deps.probeMis().catch((): MisReach => 'down')]);
    return record(printer, mis);
  }

  function record(printer: PrinterHealth, mis: KioskHealth['mis']): KioskHealth {
    const next: KioskHealth = { printer, mis, checkedAt: now().toISOString() };
    // Logged on change only: a technician reads when the paper ran out, not 2 880 lines a day.
    if (next.printer !== state.printer || next.mis !== state.mis) {
      const level = printer === 'ready' || printer === 'unknown' || printer === 'disabled' ? (mis === 'ok' ? 'info' : 'warn') : 'warn';
      deps.log[level]('health.changed', { printer, mis, before: { printer: state.printer, mis: state.mis } });
    }
    state = next;
    return next;
  }

  let printerRunning: Promise<KioskHealth> | null = null;
  function checkPrinter(): Promise<KioskHealth> {
    // A full check in flight answers for the printer too.
    if (running) return running;
    if (!printerRunning) {
      printerRunning = printerHealth()
        .then((printer) => record(printer, state.mis))
        .finally(() => {
          printerRunning = null;
        });
    }
    return printerRunning;
  }

  function check(): Promise<KioskHealth> {
    if (!running) {
      running = runCheck().finally(() => {
        running = null;
      });
    }
    return running;
  }

  function schedule(): void {
    if (stopped) return;
    const set = deps.setTimer ?? ((fn: () => void, ms: number) => {
      const t = setTimeout(fn, ms);
      t.unref?.();
      return t;
    });
    timer = set(() => {
      timer = null;
      const tick = deps.idle() ? check().then(() => undefined) : Promise.resolve();
      void tick.finally(schedule);
    }, deps.intervalMs);
  }

  return {
    last: () => state,
    check,
    checkPrinter,
    start() {
      if (!stopped) return;
      stopped = false;
      void check().finally(schedule);
    },
    stop() {
      stopped = true;
      if (timer !== null) (deps.clearTimer ?? ((t) => clearTimeout(t as ReturnType<typeof setTimeout>)))(timer);
      timer = null;
    },
  };
}
