// The composition root: config in, one bridge dispatcher out. The Electron shell and the
// loopback browser host both build the kiosk through this function, so the two transports run
// exactly the same code. It is the only place that knows both the core and the printing layer,
// which keeps those two siblings free of a cycle.
import path from 'node:path';
import { loadCaBundle } from '../core/api/tls';
import { BookingLedger } from '../core/booking/ledger';
import { createKioskService } from '../core/booking/kiosk-service';
import type { BridgeMethod } from '../common/bridge-contract';
import { createPatientActivity, PATIENT_METHODS } from '../core/session/patient-activity';
import { createMis } from '../core/mis/create-mis';
import type { Mis } from '../core/mis/port';
import { DEFAULT_HUB_SERVICE_PATH } from '../core/mis/n3/soap';
import { createHealthMonitor } from '../core/health/health-monitor';
import { createMisProbe } from '../core/health/mis-probe';
import { createDispatcher, type BridgeDispatcher } from '../core/bridge/dispatcher';
import type { KioskConfig } from '../core/config/schema';
import { silentSpeech, type Logger, type SlipPrinter, type SpeechEngine } from '../core/ports';
import { createEspeakEngine } from '../core/speech/espeak-engine';
import { PatientSession } from '../core/session/patient-session';
import { ScanInbox } from '../core/scan/scan-inbox';
import type { SerialAccess } from '../core/scan/serial-scanner';
import { startScanner } from '../core/scan/start-scanner';
import { createSlipPrinter, type JournaledSlipPrinter } from '../printing';
import type { SlipTransport } from '../printing/transport';
import { countingLogger } from '../core/telemetry/counting-logger';
import type { MetricsSink } from '../core/telemetry/sink';
import { createTelemetry } from './telemetry';
import { tailLogger } from '../core/log/log-tail';
import { countingSlipPrinter, createPaperCounter } from '../core/service/paper-counter';
import { createServiceMode } from '../core/service/service-mode';
import { filePinGuardStore } from '../core/service/pin-guard-store';
import { unavailableLifecycle, type KioskLifecycle } from '../core/service/lifecycle';

export interface KioskCoreDeps {
  log: Logger;
  /** The shell's OS printer, for `printer.transport.type = "os"` (only Electron can print there). */
  osTransport?: SlipTransport;
  /** Where durable state (the print journal) goes. */
  userDataDir: string;
  now?: () => Date;
  /** Monotonic milliseconds (default performance.now): service mode's PIN lock and MIS latency. */
  clock?: () => number;
  sleep?: (ms: number) => Promise<void>;
  /** The app's version, for infomat_info. */
  version?: string;
  /** Serial ports for `scanner.type = "serial"`; the `serialport` package when absent (tests pass a mock). */
  serialAccess?: SerialAccess;
  /** The MIS adapter; built from the config when absent (tests pass one they can look into). */
  mis?: Mis;
  /** Restart and quit for service mode: app.relaunch in Electron, exit for the supervisor in the browser host. */
  lifecycle?: KioskLifecycle;
  /** The kiosk's own voice; espeak-ng from the config when absent (tests pass one that writes WAV files). */
  speech?: SpeechEngine;
}

export interface KioskCore {
  dispatcher: BridgeDispatcher;
  /** null when this kiosk prints no slips. */
  slipPrinter: SlipPrinter | null;
  endSession(): void;
  /** The metrics scrape address (http://host:port), or null when telemetry.metricsPort is not set. */
  metricsUrl(): string | null;
  /** Looks at the printer and the MIS now instead of at the next probe. */
  probeNow(): Promise<void>;
  /** Whether a patient may be at the screen, for the update installer's decision. */
  patientActivity(): { sessionActive: boolean; lastActivity: Date | null };
  /** Seconds since a patient last touched the kiosk (infomat_patient_idle_seconds). */
  patientIdleSeconds(): number;
  /** The metrics, for what only the shell sees (update refusals); a no-op without telemetry. */
  metrics: MetricsSink;
  close(): Promise<void>;
}

/**
 * The one "does this kiosk print?" decision: printing is enabled in the config and there is a
 * transport for its type (the OS printer exists only inside Electron).
 */
export function buildSlipPrinter(
  config: KioskConfig,
  deps: Pick<KioskCoreDeps, 'log' | 'osTransport' | 'userDataDir' | 'now'>,
): JournaledSlipPrinter | null {
  const p = config.printer;
  if (!p.enabled) return null;
  if (p.transport.type === 'os' && !deps.osTransport) {
    deps.log.error('printer.os_unavailable', { reason: 'the OS printer needs the Electron shell' });
    return null;
  }
  return createSlipPrinter(p, {
    journalDir: p.journalDir ?? path.join(deps.userDataDir, 'print-journal'),
    log: deps.log,
    transport: p.transport.type === 'os' ? deps.osTransport : undefined,
    now: deps.now,
    retentionDays: config.retentionDays,
  });
}

export async function createKioskCore(config: KioskConfig, given: KioskCoreDeps): Promise<KioskCore> {
  // The service screen shows the last lines of everything the core logs.
  const tail = tailLogger(given.log);
  const deps: KioskCoreDeps = { ...given, log: tail };
  if (!config.api.baseUrl) throw new Error('api.baseUrl is not set');
  // The config loader already checked the CA file; a failure here means it changed since.
  const trust = config.api.caFile ? loadCaBundle(config.api.caFile) : null;
  if (trust && !trust.ok) throw new Error(`api.caFile: ${trust.problem}`);
  // Someone at the screen: taps, keys, scans, a patient's own calls (never polling).
  const activity = createPatientActivity(deps.now);
  const telemetry = createTelemetry(config, { version: deps.version ?? 'unknown', log: deps.log, patientIdleSeconds: () => activity.idleSeconds() });
  const mis = deps.mis ?? createMis(config, {
    log: deps.log,
    ca: trust?.ca,
    onExchange: (e) => telemetry.sink.misRequest({ method: e.method, path: e.endpoint, status: e.status, seconds: e.ms / 1000 }),
  });
  // The documented client-application check: a refusal is logged for the technician and the
  // kiosk still starts (the patient then sees the MIS's own refusal on identification). Not
  // awaited: an unreachable MIS must not hold the welcome screen; until it answers the
  // schedule window is the kiosk's default.
  void mis.start().then(
    (info) => deps.log.info('mis.started', { kind: mis.kind, note: info.note }),
    (err: unknown) => deps.log.error('mis.start_failed', { kind: mis.kind, error: err instanceof Error ? err.message : String(err) }),
  );
  const ledger = new BookingLedger();
  // Voice guidance's own engine, unless the config speaks only with the OS voice (or not at all).
  const v = config.voice;
  const speech =
    deps.speech ??
    (v.enabled && v.engine !== 'os' ? createEspeakEngine({ command: v.espeakPath, rate: v.rate, volume: v.volume, log: deps.log }) : silentSpeech);
  // Asked now, so Welcome's first kioskInfo does not wait for the program to answer.
  void speech.ready();
  // The main-side wipe comes after the renderer's own idle dialog and countdown, as a safety
  // net for a renderer that crashed or froze with a patient's session open.
  // The screen's own idle watch ends a session first; this is the backstop for a screen that died.
  const idleMs = (Math.max(config.idle.seconds, config.idle.typingSeconds, config.idle.ticketUnprintedSeconds) + config.idle.countdownSeconds + 30) * 1000;
  // A scan is a person at the kiosk, even one the screen was not listening for.
  const scanInbox = new ScanInbox({ log: deps.log, onScan: () => activity.touch() });
  const session = new PatientSession(
    { getToken: (who) => mis.identify(who) },
    {
      idleMs,
      log: deps.log,
      onEnd: () => {
        ledger.clear();
        scanInbox.clear();
        speech.stop();
        mis.forgetPatients?.();
      },
      onEnded: telemetry.sink.sessionEnded,
    },
  );
  const serviceDir = path.join(deps.userDataDir, 'service');
  const paper = createPaperCounter({ dir: serviceDir, log: deps.log, now: deps.now });
  const built = buildSlipPrinter(config, deps);
  const slipPrinter = built && countingSlipPrinter(built, paper);
  const scanner = await startScanner(config.scanner, { inbox: scanInbox, log: deps.log, serialAccess: deps.serialAccess });
  // One probe for the health monitor and service mode's MIS check.
  const probeMis = createMisProbe({
    baseUrl: config.api.baseUrl,
    clientApplication: config.api.clientApplication,
    timeoutMs: Math.min(config.api.timeoutMs, 5000),
    ca: trust?.ca,
    n3: config.api.kind === 'n3' ? { servicePath: config.api.n3?.servicePath ?? DEFAULT_HUB_SERVICE_PATH, allowInsecureHttp: config.demo || config.api.allowInsecureHttp } : undefined,
  });
  const health = createHealthMonitor({
    printer: slipPrinter,
    // A patient would not wait longer than this at Welcome either.
    probeMis,
    intervalMs: config.health.intervalSeconds * 1000,
    idle: () => !session.active,
    log: deps.log,
    now: deps.now,
  });
  health.start();
  // Bookings, prints and PIN lockouts are counted from the audit events.
  const serviceLog = countingLogger(deps.log, telemetry.sink);
  const serviceMode = createServiceMode({
    config,
    mis,
    session,
    slipPrinter,
    log: serviceLog,
    logTail: () => tail.tail(),
    paper,
    // Next to the paper counter: a restart neither forgets wrong PINs nor ends a lock.
    pinStore: filePinGuardStore({ dir: serviceDir, log: deps.log, now: deps.now }),
    lifecycle: deps.lifecycle ?? unavailableLifecycle(deps.log),
    probeMis,
    version: deps.version ?? 'unknown',
    now: deps.now,
    clock: deps.clock,
  });
  const service = createKioskService({ config, mis, session, ledger, log: serviceLog, slipPrinter, scanInbox, health, serviceMode, speech, now: deps.now, sleep: deps.sleep });
  await telemetry.start({ printer: slipPrinter, misCheck: () => mis.start() });
  const dispatch = createDispatcher(service, deps.log, telemetry.sink);
  return {
    dispatcher: (method, input) => {
      if (typeof method === 'string' && PATIENT_METHODS.has(method as BridgeMethod)) activity.touch();
      return dispatch(method, input);
    },
    // A technician at work counts as someone at the screen: no update restart under them.
    patientActivity: () => ({ sessionActive: session.active || serviceMode.active(), lastActivity: activity.last() }),
    patientIdleSeconds: () => activity.idleSeconds(),
    slipPrinter,
    // A reloaded or replaced renderer closes service mode too: it must be entered again.
    endSession: () => {
      session.end('patient');
      serviceMode.exit('renderer');
    },
    metricsUrl: () => telemetry.url(),
    metrics: telemetry.sink,
    probeNow: () => telemetry.probeNow(),
    close: async () => {
      health.stop();
      serviceMode.close();
      session.end('shutdown');
      await telemetry.close();
      slipPrinter?.close();
      speech.close();
      await scanner.close();
    },
  };
}
