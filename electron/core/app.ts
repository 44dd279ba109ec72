// Composition root of the core: config in, one bridge dispatcher out. The Electron main
// process and the loopback browser host both build the kiosk through this function, so the
// two transports run exactly the same code behind the bridge.
import path from 'node:path';
import { createMisClient } from './api/mis-client';
import { createDispatcher, type BridgeDispatcher } from './bridge/dispatcher';
import { createKioskService } from './booking/kiosk-service';
import type { KioskConfig } from './config/schema';
import type { Logger, SlipPrinter } from './ports';
import { PatientSession } from './session/patient-session';
import { createSlipPrinter } from '../printing';

export interface KioskCoreDeps {
  log: Logger;
  /** Overrides the printer built from the config (the shell's OS-printer fallback). */
  slipPrinter?: SlipPrinter;
  /** Where durable state (the print journal) goes. */
  userDataDir: string;
  now?: () => Date;
}

export interface KioskCore {
  dispatcher: BridgeDispatcher;
  endSession(): void;
  close(): Promise<void>;
}

export async function createKioskCore(config: KioskConfig, deps: KioskCoreDeps): Promise<KioskCore> {
  if (!config.api.baseUrl) throw new Error('api.baseUrl is not set');
  const client = createMisClient({
    baseUrl: config.api.baseUrl,
    clientApplication: config.api.clientApplication,
    timeoutMs: config.api.timeoutMs,
    retries: config.api.retries,
    log: deps.log,
  });
  // The main-side wipe comes after the renderer's own idle dialog and countdown, as a safety
  // net for a renderer that crashed or froze with a patient's session open.
  const idleMs = (config.idle.seconds + config.idle.countdownSeconds + 30) * 1000;
  const session = new PatientSession(client, { idleMs, log: deps.log });
  const slipPrinter =
    deps.slipPrinter ??
    (config.printer.enabled && config.printer.transport.type !== 'os'
      ? createSlipPrinter(config.printer, {
          journalDir: config.printer.journalDir ?? path.join(deps.userDataDir, 'print-journal'),
          log: deps.log,
        })
      : null);
  const service = createKioskService({ config, client, session, log: deps.log, slipPrinter, now: deps.now });
  return {
    dispatcher: createDispatcher(service, deps.log),
    endSession: () => session.end('patient'),
    close: async () => session.end('shutdown'),
  };
}
