// Service mode as the core holds it: a technician's session, opened only by the PIN checked
// here (the hash never leaves the core), ended by «Вернуться», by its own idle timer, by a new
// renderer (a new page in either host: Electron's reload, the browser host's page load), or by
// a PIN lockout. Every service method refuses without it, so a renderer (or a script in one)
// cannot reach the test print, the restart or the log by calling the bridge.
// Opening it ends any patient session first: a technician never sees a patient's data.
import { randomUUID } from 'node:crypto';
import type { Ticket } from '../../common/bridge-contract';
import type {
  ServiceEnterResult,
  ServiceGate,
  ServiceLeaveResult,
  ServiceMisCheck,
  ServicePaper,
  ServicePrintResult,
  ServiceStatus,
} from '../../common/service-contract';
import { t, type Locale } from '../../common/i18n/locales';
import { ApiError } from '../api/api-error';
import type { KioskConfig } from '../config/schema';
import type { ConfigOrigin } from '../fleet-config/boot';
import type { MisReach } from '../health/mis-probe';
import type { Mis } from '../mis/port';
import type { Logger, SlipPrinter } from '../ports';
import type { PatientSession } from '../session/patient-session';
import { configSummary } from './config-summary';
import type { KioskLifecycle } from './lifecycle';
import { slipsLeft, type PaperCounter } from './paper-counter';
import { PinGuard, type PinAttempt } from './pin-guard';
import type { PinGuardStore } from './pin-guard-store';
import { ServiceModeError } from './service-error';

export interface ServiceModeDeps {
  config: KioskConfig;
  mis: Pick<Mis, 'capabilities' | 'start'>;
  session: Pick<PatientSession, 'end'>;
  slipPrinter: SlipPrinter | null;
  log: Logger;
  /** The last lines logged (already redacted). */
  logTail: () => string[];
  paper: PaperCounter;
  /** Where the PIN lockout survives a restart (kiosk-core: the private data folder); memory when absent. */
  pinStore?: PinGuardStore;
  lifecycle: KioskLifecycle;
  probeMis: () => Promise<MisReach>;
  version: string;
  /** Where the running configuration came from (core/fleet-config), for the technician. */
  configOrigin?: () => ConfigOrigin;
  now?: () => Date;
  /** Monotonic milliseconds: the MIS latency and the PIN lock (which the wall clock must not move). */
  clock?: () => number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (t: unknown) => void;
  verifyPin?: (pin: string, hash: string) => boolean;
  /** How long after answering the bridge the restart or quit happens (the answer must get out first). */
  lifecycleDelayMs?: number;
}

export type ServiceExitReason = 'technician' | 'idle' | 'renderer' | 'locked' | 'restart' | 'leave' | 'shutdown';

export interface ServiceMode {
  gate(): ServiceGate;
  enter(pin: string): ServiceEnterResult;
  active(): boolean;
  status(): Promise<ServiceStatus>;
  printTest(): Promise<ServicePrintResult>;
  paperReplaced(): ServicePaper;
  misCheck(): Promise<ServiceMisCheck>;
  logLines(): { lines: string[] };
  restart(): null;
  leaveToOs(pin: string): ServiceLeaveResult;
  exit(reason: ServiceExitReason): void;
  /** The kiosk is stopping: closes the session and writes what is left of a PIN lock. */
  close(): void;
}

const minutesOf = (ms: number) => Math.max(1, Math.ceil(ms / 60_000));

/** An obviously-not-a-booking ticket: a slip with it must never be mistaken for a real one. */
function testTicket(at: Date, kioskId: string, locale: Locale): Ticket {
  const iso = at.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const tr = t(locale);
  return {
    ticketGuid: randomUUID(),
    number: '000.00',
    room: tr('slip.testRoom'),
    floor: null,
    beginTime: iso,
    endTime: iso,
    doctorName: tr('slip.test'),
    doctorRole: '',
    speciality: '',
    resType: 'Room',
    clinic: { guid: randomUUID(), name: tr('slip.testClinic', { id: kioskId }), fullName: '', address: tr('slip.testInvalid'), phone: '' },
    bookedAt: null,
  };
}

export function createServiceMode(deps: ServiceModeDeps): ServiceMode {
  const { config, log } = deps;
  const now = deps.now ?? (() => new Date());
  const clock = deps.clock ?? (() => performance.now());
  const idleMs = config.service.idleSeconds * 1000;
  const setTimer =
    deps.setTimer ??
    ((fn: () => void, ms: number) => {
      const t = setTimeout(fn, ms);
      t.unref?.();
      return t;
    });
  const clearTimer = deps.clearTimer ?? ((t: unknown) => clearTimeout(t as ReturnType<typeof setTimeout>));
  const guard = new PinGuard({ pinHash: config.service.pinHash, log, verify: deps.verifyPin, clock, store: deps.pinStore, setTimer, clearTimer });
  let open = false;
  let timer: unknown = null;
  let lastTest: ServicePrintResult | null = null;

  const stopTimer = () => {
    if (timer !== null) clearTimer(timer);
    timer = null;
  };
  const touch = () => {
    stopTimer();
    timer = setTimer(() => exit('idle'), idleMs);
  };
  /** Every privileged method starts here: no service session, no answer. */
  const require = (action: string) => {
    if (!open) {
      log.audit('service.refused', { action, reason: 'not-in-service-mode' });
      throw new ServiceModeError(`${action}: no service session`);
    }
    touch();
  };
  function exit(reason: ServiceExitReason): void {
    stopTimer();
    if (!open) return;
    open = false;
    log.audit('service.exit', { reason });
  }
  const refusal = (a: Exclude<PinAttempt, { ok: true }>): Exclude<ServiceEnterResult, { state: 'open' }> => {
    if (a.reason === 'wrong') return { state: 'wrong', attemptsLeft: a.attemptsLeft };
    if (a.reason === 'locked') return { state: 'locked', minutesLeft: minutesOf(a.msLeft) };
    return { state: 'not-configured' };
  };
  const paper = (): ServicePaper => {
    const s = deps.paper.state();
    const { rollLengthM, slipLengthMm } = config.service;
    return { ...s, rollLengthM, slipLengthMm, slipsLeft: slipsLeft(s.printed, rollLengthM, slipLengthMm) };
  };
  const later = (fn: () => void) => {
    const t = setTimeout(fn, deps.lifecycleDelayMs ?? 300);
    t.unref?.();
  };

  return {
    gate() {
      const g = guard.gate();
      if (g.state === 'locked') return { state: 'locked', minutesLeft: minutesOf(g.msLeft) };
      if (g.state === 'not-configured') {
        log.warn('service.not_configured', { hint: 'set service.pinHash in the config: npx tsx scripts/service-pin-hash.ts' });
      }
      return { state: g.state, minutesLeft: null };
    },

    enter(pin) {
      const a = guard.attempt(pin, 'entry');
      if (!a.ok) {
        if (a.reason === 'not-configured') {
          log.warn('service.not_configured', { hint: 'set service.pinHash in the config: npx tsx scripts/service-pin-hash.ts' });
        }
        return refusal(a);
      }
      // The patient's token goes before the technician sees anything.
      deps.session.end('patient');
      open = true;
      touch();
      return { state: 'open', idleSeconds: config.service.idleSeconds };
    },

    active: () => open,

    async status() {
      require('status');
      const state = deps.slipPrinter ? await deps.slipPrinter.readiness() : 'disabled';
      return {
        printer: { state, journalFault: deps.slipPrinter?.journalFault() ?? null, lastTest },
        paper: paper(),
        about: { version: deps.version, kioskId: config.kioskId, items: configSummary(config, deps.version, deps.configOrigin?.()) },
        idleSeconds: config.service.idleSeconds,
      };
    },

    async printTest() {
      require('print_test');
      const at = now();
      if (!deps.slipPrinter) {
        log.audit('service.test_print', { state: 'disabled' });
        return (lastTest = { state: 'disabled', fault: 'disabled', at: at.toISOString() });
      }
      const outcome = await deps.slipPrinter.printSlip({
        ticket: testTicket(at, config.kioskId, config.language),
        kioskId: config.kioskId,
        printedAt: at.toISOString(),
        timeZone: config.timeZone,
        // The technician's slip speaks the kiosk's default language.
        locale: config.language,
        reprint: false,
        // The technician sees the slip patients get: large when the config prints all slips large.
        largePrint: config.printer.largePrint,
        test: true,
      });
      log.audit('service.test_print', { state: outcome.state, jobId: outcome.jobId });
      return (lastTest = { state: outcome.state, fault: outcome.fault, at: at.toISOString() });
    },

    paperReplaced() {
      require('paper_replaced');
      const before = deps.paper.state().printed;
      deps.paper.reset();
      log.audit('service.paper_replaced', { printedOnOldRoll: before });
      return paper();
    },

    async misCheck() {
      require('mis_check');
      const started = clock();
      const reach = await deps.probeMis().catch((): MisReach => 'down');
      const latencyMs = reach === 'ok' ? Math.max(0, Math.round(clock() - started)) : null;
      let clientApplication: ServiceMisCheck['clientApplication'] = 'not-supported';
      let note: string | null = null;
      if (deps.mis.capabilities.clientApplicationCheck) {
        if (reach !== 'ok') clientApplication = 'unknown';
        else {
          try {
            note = (await deps.mis.start()).note;
            clientApplication = 'valid';
          } catch (err) {
            const refusedByMis = err instanceof ApiError && (err.kind === 'validation' || err.kind === 'auth');
            clientApplication = refusedByMis ? 'refused' : 'unknown';
            note = err instanceof ApiError && err.serverMessage ? err.serverMessage : err instanceof Error ? err.message : String(err);
          }
        }
      }
      log.audit('service.mis_check', { reachable: reach === 'ok', latencyMs, clientApplication });
      return { reachable: reach === 'ok', latencyMs, clientApplication, note, checkedAt: now().toISOString() };
    },

    logLines() {
      require('log');
      log.audit('service.log_viewed', {});
      // The audit line above is in the tail too: the technician sees their own look.
      return { lines: deps.logTail().slice(-100) };
    },

    restart() {
      require('restart');
      log.audit('service.restart', {});
      exit('restart');
      later(() => deps.lifecycle.restart());
      return null;
    },

    leaveToOs(pin) {
      require('leave_to_os');
      const a = guard.attempt(pin, 'leave');
      if (!a.ok) {
        // Someone is guessing at an open service screen: close it.
        if (a.reason === 'locked') exit('locked');
        return refusal(a);
      }
      log.audit('service.leave_to_os', {});
      exit('leave');
      later(() => deps.lifecycle.quit());
      return { state: 'leaving' };
    },

    exit,

    close() {
      exit('shutdown');
      guard.dispose();
    },
  };
}
