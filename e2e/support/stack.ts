// The system under test, per Playwright worker: the MIS simulator, the virtual receipt
// printer, the kiosk core and the loopback browser host, all real and on loopback ports.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createKioskCore, type KioskCore } from '../../electron/compose/kiosk-core';
import { KioskConfigSchema } from '../../electron/core/config/schema';
import type { Logger, SpeechEngine, Utterance } from '../../electron/core/ports';
import { createEspeakEngine } from '../../electron/core/speech/espeak-engine';
import { startBrowserHost, type RunningBrowserHost } from '../../electron/host/browser-host';
import { kioskHostHooks } from '../../electron/host/run-host';
import { startVirtualPrinter, type RunningVirtualPrinter } from '../../electron/printing/virtual/server';
import { startSimulator, type RunningSimulator } from '../../simulator/server';
import { startN3Simulator, type RunningN3Simulator } from '../../simulator/n3/server';
import { HUB_GUID, KIOSK_LPU } from '../../simulator/n3/seed';
import { startTokenSpy, type TokenSpy } from './token-spy';
import { startDemoScanner, type DemoScanner } from '../../electron/demo/demo-scanner';
import { scanPayload, type ScanRequest } from '../../electron/demo/scan-payload';
import { writeFileSync } from 'node:fs';
import { E2E_SERVICE_PIN_HASH } from './service-pin';
import type { MisKind } from '../../electron/common/mis-kinds';

/** The driver types at machine speed: a repeated digit is not a tremor's bounce, so the shipped guards are off. */
export const MACHINE_SPEED_TOUCH = { repeatGuardMs: 0, pickerGuardMs: 0, spillGuardMs: 0 };

/**
 * The MIS down as the kiosk's health check sees it (its settings answer 503, SoftRust stacks),
 * until `stack.spy.clear()`: Welcome says so and its buttons are off within a health cycle.
 */
export function misDownForHealth(stack: Pick<Stack, 'spy'>): void {
  stack.spy.fault({ path: /^\/api\/v2\/settings\//, mode: { kind: 'replace', status: 503, body: '{"message":"down"}', contentType: 'application/json' }, times: 10_000 });
}

export type ScannerType = 'none' | 'serial' | 'keyboard';

export interface Stack {
  sim: RunningSimulator;
  /** The N3 simulator when the stack runs on N3 (`mis: 'n3'`); the kiosk then talks only to it. */
  n3: RunningN3Simulator | null;
  printer: RunningVirtualPrinter;
  core: KioskCore;
  host: RunningBrowserHost;
  spy: TokenSpy;
  /** Everything the core logged, to prove what never reaches a log. */
  logLines: string[];
  simHook(pathname: string, body?: unknown): Promise<void>;
  /** A simulator's read-only hook, e.g. the waiting-list requests it took (the N3 simulator's hooks are all POST). */
  simGet(pathname: string, method?: 'GET' | 'POST'): Promise<unknown>;
  /** What service mode asked of the shell («Перезапустить», «Выйти в систему»); nothing really restarts. */
  lifecycleCalls: Array<'restart' | 'quit'>;
  /**
   * Everything the screen asked the kiosk's voice to say, in order (voice guidance): the e2e
   * asserts the words. Each is also rendered by the real espeak-ng into
   * artifacts/e2e-speech/<worker>/ when the program is there, like the slips.
   */
  spoken: Array<Utterance & { interrupt: boolean }>;
  /** One scan through the virtual serial scanner (a socat pty the core opened with serialport). */
  scan(req: ScanRequest): void;
  close(): Promise<void>;
}

export interface StackOptions {
  kioskId?: string;
  /** The config's telemetry section (metrics off when absent). */
  telemetry?: Record<string, unknown>;
  scanner?: ScannerType;
  /** Which MIS the kiosk talks to: the SoftRust simulator (default), or the N3 HubService simulator. */
  mis?: MisKind;
  /**
   * The kiosk's tremor guards as shipped (same key within 150 ms, month picker's first 400 ms).
   * Off by default here: the driver taps «0000…» faster than a hand can, which the guard would
   * rightly take for a bounce; tremor.spec.ts runs with them on.
   */
  touchGuards?: boolean;
}

export async function startStack(name: string, opts: StackOptions = {}): Promise<Stack> {
  const logLines: string[] = [];
  const record = (level: string) => (event: string, data?: Record<string, unknown>) => {
    logLines.push(JSON.stringify({ level, event, ...data }));
  };
  const log: Logger = { info: record('info'), warn: record('warn'), error: record('error'), audit: record('audit') };
  const sim = await startSimulator({ port: 0, quiet: true });
  const n3 = opts.mis === 'n3' ? await startN3Simulator({ port: 0, quiet: true }) : null;
  const spy = await startTokenSpy(n3 ? n3.url : sim.url);
  // The virtual printer makes the folder itself, private (0700).
  const slipsDir = path.resolve('artifacts', 'e2e-slips', name);
  const printer = await startVirtualPrinter({ port: 0, outDir: slipsDir, quiet: true });
  const userDataDir = mkdtempSync(path.join(os.tmpdir(), 'infomat-e2e-'));
  let scanner: DemoScanner | null = null;
  if (opts.scanner === 'serial') {
    scanner = await startDemoScanner(path.join(userDataDir, 'scanner'));
    if (!scanner) throw new Error('the serial-scanner e2e tests need socat (scripts/setup.sh installs it)');
  }
  const config = KioskConfigSchema.parse({
    kioskId: opts.kioskId ?? 'E2E-01',
    scanner: scanner ? { type: 'serial', path: scanner.kioskPath, frameGapMs: 50 } : { type: opts.scanner ?? 'none' },
    api: n3
      ? { kind: 'n3', baseUrl: spy.url, timeoutMs: 5000, retries: 1, n3: { guid: HUB_GUID, idLpu: KIOSK_LPU } }
      : { baseUrl: spy.url, timeoutMs: 5000, retries: 1 },
    // Lost booking answers are reconciled by polling the patient's visits: 5 polls, 1 s apart.
    booking: { reconcilePolls: 5, reconcileIntervalMs: 1000 },
    printer: { transport: { type: 'tcp', host: '127.0.0.1', port: printer.port, timeoutMs: 3000 } },
    // One health cycle per second, so Welcome's notices show (and clear) within a test's patience.
    health: { intervalSeconds: 1 },
    // The registry's number Welcome gives while the MIS is down.
    clinic: { phone: '8-495-123-45-67' },
    ...(opts.telemetry ? { telemetry: opts.telemetry } : {}),
    service: { pinHash: E2E_SERVICE_PIN_HASH },
    ...(opts.touchGuards ? {} : { touch: MACHINE_SPEED_TOUCH }),
    // The kiosk's own engine, whatever voices the test machine's Chromium may have.
    voice: { engine: 'espeak-ng' },
  });
  const spoken: Stack['spoken'] = [];
  const speech = recordingSpeech(spoken, path.resolve('artifacts', 'e2e-speech', name), log);
  const lifecycleCalls: Array<'restart' | 'quit'> = [];
  const lifecycle = { restart: () => void lifecycleCalls.push('restart'), quit: () => void lifecycleCalls.push('quit') };
  const core = await createKioskCore(config, { log, userDataDir, lifecycle, version: '0.0.0-e2e', speech });
  // Wired as run-host wires it: a page opened through a new launch URL (or the page loaded again)
  // replaces the previous one and ends its patient session and service mode.
  const host = await startBrowserHost({
    ...kioskHostHooks(core),
    rendererDir: path.resolve('dist/renderer'),
    log,
  });
  return {
    sim,
    n3,
    printer,
    core,
    host,
    spy,
    logLines,
    lifecycleCalls,
    spoken,
    async simHook(pathname, body) {
      const res = await fetch((n3 ?? sim).url + pathname, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body ?? {}),
      });
      if (!res.ok) throw new Error(`simulator hook ${pathname}: HTTP ${res.status} ${await res.text()}`);
    },
    async simGet(pathname, method = 'GET') {
      const res = await fetch((n3 ?? sim).url + pathname, method === 'POST' ? { method, headers: { 'Content-Type': 'application/json' }, body: '{}' } : {});
      if (!res.ok) throw new Error(`simulator hook ${pathname}: HTTP ${res.status} ${await res.text()}`);
      return res.json();
    },
    scan(req) {
      if (!scanner) throw new Error('this stack has no serial scanner');
      writeFileSync(scanner.inPath, scanPayload(req));
    },
    async close() {
      core.endSession();
      await host.close();
      await core.close();
      await scanner?.close();
      await printer.close();
      await spy.close();
      await n3?.close();
      await sim.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * The kiosk's voice as the e2e hears it: every utterance recorded, and handed to the real
 * espeak-ng engine writing WAV files (no sound card needed). Without espeak-ng the words are
 * still recorded and the voice counts as present, so the screens behave as on a kiosk that has it.
 */
function recordingSpeech(spoken: Stack['spoken'], wavDir: string, log: Logger): SpeechEngine {
  const real = createEspeakEngine({ command: 'espeak-ng', rate: 90, volume: 100, log, wavDir });
  return {
    ready: async () => true,
    say(u, interrupt) {
      spoken.push({ ...u, interrupt });
      void real.ready().then((ok) => ok && real.say(u, interrupt));
    },
    stop: () => real.stop(),
    close: () => real.close(),
  };
}
