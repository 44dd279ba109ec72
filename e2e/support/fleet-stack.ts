// A kiosk on a central configuration server, for the e2e: the MIS simulator, the virtual
// printer, a loopback configuration server (the folder fleet.url names), and the kiosk started
// the way the browser host starts it (electron/host/run-host.ts): its local config.json read
// from disk, the configuration to start on chosen by compose/fleet-config.ts from its private
// data folder, the core and the browser host, then the configuration cycle. A restart (the
// cycle's, or «Перезапустить») is real: the core and the host are closed and started again
// from the same files, as the host's supervisor would; the page opens the new launch link.
// The configuration key is made in memory for the run and given as this build's pinned key;
// the checks are driven by the test (checkNow) instead of fleet.checkMinutes, and the quiet
// moment is 3 s instead of QUIET_MS.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createKioskCore, type KioskCore } from '../../electron/compose/kiosk-core';
import { bootConfig, startFleetConfig, type RunningFleetConfig } from '../../electron/compose/fleet-config';
import { loadKioskConfig } from '../../electron/core/config/load';
import type { FleetBoot } from '../../electron/core/fleet-config/boot';
import type { CheckResult } from '../../electron/core/fleet-config/runner';
import { signedConfig } from '../../electron/core/fleet-config/testing/documents';
import type { Logger } from '../../electron/core/ports';
import { startFeedServer, type FeedServer } from '../../electron/core/updates/testing/feed-server';
import { testKey, type TestKey } from '../../electron/core/updates/testing/releases';
import { startBrowserHost, type RunningBrowserHost } from '../../electron/host/browser-host';
import { kioskHostHooks } from '../../electron/host/run-host';
import { startVirtualPrinter, type RunningVirtualPrinter } from '../../electron/printing/virtual/server';
import { startSimulator, type RunningSimulator } from '../../simulator/server';
import { E2E_SERVICE_PIN_HASH } from './service-pin';
import { MACHINE_SPEED_TOUCH } from './stack';

export const FLEET_KIOSK = 'E2E-FLEET';
export const FLEET_CLINIC = 'C42';
export const QUIET_MS = 3000;
export const TRIAL_SECONDS = 10;

export interface FleetStack {
  sim: RunningSimulator;
  printer: RunningVirtualPrinter;
  server: FeedServer;
  key: TestKey;
  core(): KioskCore;
  host(): RunningBrowserHost;
  boot(): FleetBoot;
  fleet(): RunningFleetConfig;
  /** How many times the kiosk has restarted. */
  restarts(): number;
  /** Resolves once the kiosk has restarted `n` times in all and is serving again. */
  restarted(n: number, timeoutMs?: number): Promise<void>;
  /** Puts a signed document on the server (by the run's key, or the keys given). */
  publish(name: string, revision: number, config: Record<string, unknown>, keys?: TestKey[]): void;
  check(): Promise<CheckResult>;
  /** The kiosk's /metrics text. */
  metrics(): Promise<string>;
  logLines: string[];
  close(): Promise<void>;
}

export async function startFleetStack(name: string): Promise<FleetStack> {
  const logLines: string[] = [];
  const record = (level: string) => (event: string, data?: Record<string, unknown>) => void logLines.push(JSON.stringify({ level, event, ...data }));
  const log: Logger = { info: record('info'), warn: record('warn'), error: record('error'), audit: record('audit') };
  const sim = await startSimulator({ port: 0, quiet: true });
  const printer = await startVirtualPrinter({ port: 0, outDir: path.resolve('artifacts', 'e2e-slips', name), quiet: true });
  const server = await startFeedServer();
  const key = testKey();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'infomat-e2e-fleet-'));
  const userDataDir = path.join(dir, 'data');
  mkdirSync(userDataDir, { mode: 0o700 });
  const configFile = path.join(dir, 'config.json');
  // The kiosk's own file: who it is, its MIS and printer, and where its central configuration lives.
  writeFileSync(
    configFile,
    JSON.stringify(
      {
        kioskId: FLEET_KIOSK,
        api: { baseUrl: sim.url, timeoutMs: 5000, retries: 1 },
        printer: { transport: { type: 'tcp', host: '127.0.0.1', port: printer.port, timeoutMs: 2000 } },
        health: { intervalSeconds: 1 },
        telemetry: { metricsPort: 0, probeSeconds: 1 },
        service: { pinHash: E2E_SERVICE_PIN_HASH },
        touch: MACHINE_SPEED_TOUCH,
        fleet: { url: server.url, clinic: FLEET_CLINIC, trialSeconds: TRIAL_SECONDS },
      },
      null,
      2,
    ),
  );

  let core: KioskCore;
  let host: RunningBrowserHost;
  let boot: FleetBoot;
  let fleet: RunningFleetConfig | null = null;
  let restarts = 0;
  let restarting: Promise<void> = Promise.resolve();
  let closed = false;

  async function start(): Promise<void> {
    const loaded = loadKioskConfig({ path: configFile, onMissing: 'problem' });
    if (!loaded.ok) throw new Error(`e2e config.json: ${loaded.problems.join('; ')}`);
    boot = bootConfig(loaded, { userDataDir, log, keys: [key.pinned] });
    const origin = () => fleet?.origin() ?? boot.origin;
    core = await createKioskCore(boot.config, {
      log,
      userDataDir,
      version: '0.0.0-e2e',
      lifecycle: { restart: () => void restart(), quit: () => {} },
      configOrigin: origin,
    });
    host = await startBrowserHost({ ...kioskHostHooks(core), rendererDir: path.resolve('dist/renderer'), log });
    fleet = startFleetConfig(boot, {
      core,
      log,
      restart: () => void restart(),
      fetch: (url, init) => fetch(url, init),
      keys: [key.pinned],
      quietMs: QUIET_MS,
      tickMs: 500,
      autoCheck: false,
    });
  }

  async function stop(): Promise<void> {
    fleet?.stop();
    fleet = null;
    core.endSession();
    await host.close();
    await core.close();
  }

  function restart(): Promise<void> {
    restarting = restarting.then(async () => {
      if (closed) return;
      await stop();
      await start();
      restarts += 1;
    });
    return restarting;
  }

  await start();
  return {
    sim,
    printer,
    server,
    key,
    core: () => core,
    host: () => host,
    boot: () => boot,
    fleet: () => fleet!,
    restarts: () => restarts,
    async restarted(n, timeoutMs = 30_000) {
      const until = Date.now() + timeoutMs;
      while (restarts < n) {
        if (Date.now() > until) throw new Error(`the kiosk restarted ${restarts} times, not ${n}, within ${timeoutMs} ms`);
        await new Promise((r) => setTimeout(r, 100));
      }
      await restarting;
    },
    publish(docName, revision, config, keys = [key]) {
      server.files.set(docName, signedConfig(docName, revision, config, keys));
    },
    check: () => fleet!.runner!.check(),
    async metrics() {
      const res = await fetch(`${core.metricsUrl()}/metrics`);
      return res.text();
    },
    logLines,
    async close() {
      closed = true;
      await restarting;
      await stop();
      await printer.close();
      await sim.close();
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
