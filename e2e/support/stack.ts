// The system under test, per Playwright worker: the MIS simulator, the virtual receipt
// printer, the kiosk core and the loopback browser host, all real and on loopback ports.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createKioskCore, type KioskCore } from '../../electron/compose/kiosk-core';
import { KioskConfigSchema } from '../../electron/core/config/schema';
import type { Logger } from '../../electron/core/ports';
import { startBrowserHost, type RunningBrowserHost } from '../../electron/host/browser-host';
import { startVirtualPrinter, type RunningVirtualPrinter } from '../../electron/printing/virtual/server';
import { startSimulator, type RunningSimulator } from '../../simulator/server';
import { startTokenSpy, type TokenSpy } from './token-spy';

export interface Stack {
  sim: RunningSimulator;
  printer: RunningVirtualPrinter;
  core: KioskCore;
  host: RunningBrowserHost;
  spy: TokenSpy;
  /** Everything the core logged, to prove what never reaches a log. */
  logLines: string[];
  simHook(pathname: string, body?: unknown): Promise<void>;
  close(): Promise<void>;
}

export async function startStack(name: string): Promise<Stack> {
  const logLines: string[] = [];
  const record = (level: string) => (event: string, data?: Record<string, unknown>) => {
    logLines.push(JSON.stringify({ level, event, ...data }));
  };
  const log: Logger = { info: record('info'), warn: record('warn'), error: record('error'), audit: record('audit') };
  const sim = await startSimulator({ port: 0, quiet: true });
  const spy = await startTokenSpy(sim.url);
  // The virtual printer makes the folder itself, private (0700).
  const slipsDir = path.resolve('artifacts', 'e2e-slips', name);
  const printer = await startVirtualPrinter({ port: 0, outDir: slipsDir, quiet: true });
  const config = KioskConfigSchema.parse({
    kioskId: 'E2E-01',
    api: { baseUrl: spy.url, timeoutMs: 5000, retries: 1 },
    printer: { transport: { type: 'tcp', host: '127.0.0.1', port: printer.port, timeoutMs: 3000 } },
    // One health cycle per second, so Welcome's notices show (and clear) within a test's patience.
    health: { intervalSeconds: 1 },
  });
  const userDataDir = mkdtempSync(path.join(os.tmpdir(), 'infomat-e2e-'));
  const core = await createKioskCore(config, { log, userDataDir });
  // A page opened through a new launch URL replaces the previous one and ends its patient session.
  const host = await startBrowserHost({
    dispatcher: core.dispatcher,
    rendererDir: path.resolve('dist/renderer'),
    log,
    onNewRenderer: () => core.endSession(),
  });
  return {
    sim,
    printer,
    core,
    host,
    spy,
    logLines,
    async simHook(pathname, body) {
      const res = await fetch(sim.url + pathname, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body ?? {}),
      });
      if (!res.ok) throw new Error(`simulator hook ${pathname}: HTTP ${res.status} ${await res.text()}`);
    },
    async close() {
      core.endSession();
      await host.close();
      await core.close();
      await printer.close();
      await spy.close();
      await sim.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
