// The composition root: config in, one bridge dispatcher out. The Electron shell and the
// loopback browser host both build the kiosk through this function, so the two transports run
// exactly the same code. It is the only place that knows both the core and the printing layer,
// which keeps those two siblings free of a cycle.
import path from 'node:path';
import { createMisClient } from '../core/api/mis-client';
import { loadCaBundle } from '../core/api/tls';
import { BookingLedger } from '../core/booking/ledger';
import { createKioskService } from '../core/booking/kiosk-service';
import { createHealthMonitor } from '../core/health/health-monitor';
import { createMisProbe } from '../core/health/mis-probe';
import { createDispatcher, type BridgeDispatcher } from '../core/bridge/dispatcher';
import type { KioskConfig } from '../core/config/schema';
import type { Logger, SlipPrinter } from '../core/ports';
import { PatientSession } from '../core/session/patient-session';
import { createSlipPrinter, type JournaledSlipPrinter } from '../printing';
import type { SlipTransport } from '../printing/transport';

export interface KioskCoreDeps {
  log: Logger;
  /** The shell's OS printer, for `printer.transport.type = "os"` (only Electron can print there). */
  osTransport?: SlipTransport;
  /** Where durable state (the print journal) goes. */
  userDataDir: string;
  now?: () => Date;
  sleep?: (ms: number) => Promise<void>;
}

export interface KioskCore {
  dispatcher: BridgeDispatcher;
  /** null when this kiosk prints no slips. */
  slipPrinter: SlipPrinter | null;
  endSession(): void;
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

export async function createKioskCore(config: KioskConfig, deps: KioskCoreDeps): Promise<KioskCore> {
  if (!config.api.baseUrl) throw new Error('api.baseUrl is not set');
  // The config loader already checked the CA file; a failure here means it changed since.
  const trust = config.api.caFile ? loadCaBundle(config.api.caFile) : null;
  if (trust && !trust.ok) throw new Error(`api.caFile: ${trust.problem}`);
  const client = createMisClient({
    baseUrl: config.api.baseUrl,
    clientApplication: config.api.clientApplication,
    timeoutMs: config.api.timeoutMs,
    retries: config.api.retries,
    maxResponseBytes: config.api.maxResponseBytes,
    ca: trust?.ca,
    allowInsecureHttp: config.demo || config.api.allowInsecureHttp,
    log: deps.log,
  });
  const ledger = new BookingLedger();
  // The main-side wipe comes after the renderer's own idle dialog and countdown, as a safety
  // net for a renderer that crashed or froze with a patient's session open.
  const idleMs = (config.idle.seconds + config.idle.countdownSeconds + 30) * 1000;
  const session = new PatientSession(client, { idleMs, log: deps.log, onEnd: () => ledger.clear() });
  const slipPrinter = buildSlipPrinter(config, deps);
  const health = createHealthMonitor({
    printer: slipPrinter,
    // A patient would not wait longer than this at Welcome either.
    probeMis: createMisProbe({ baseUrl: config.api.baseUrl, clientApplication: config.api.clientApplication, timeoutMs: Math.min(config.api.timeoutMs, 5000), ca: trust?.ca }),
    intervalMs: config.health.intervalSeconds * 1000,
    idle: () => !session.active,
    log: deps.log,
    now: deps.now,
  });
  health.start();
  const service = createKioskService({ config, client, session, ledger, log: deps.log, slipPrinter, health, now: deps.now, sleep: deps.sleep });
  return {
    dispatcher: createDispatcher(service, deps.log),
    slipPrinter,
    endSession: () => session.end('patient'),
    close: async () => {
      health.stop();
      session.end('shutdown');
      slipPrinter?.close();
    },
  };
}
