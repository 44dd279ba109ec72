// The boot sequence shared by the Electron shell and the browser host: demo backends (only
// when the entry point brought them), then the kiosk core. Production entry points pass no
// demo starter, so nothing here can pull the simulator into a production bundle.
import type { KioskConfig } from '../core/config/schema';
import type { Logger } from '../core/ports';
import type { SlipTransport } from '../printing/transport';
import { createKioskCore, type KioskCore, type KioskCoreDeps } from './kiosk-core';
import type { KioskLifecycle } from '../core/service/lifecycle';

export interface DemoBackends {
  config: KioskConfig;
  simulatorUrl: string;
  printerPort: number;
  slipsDir: string;
  close(): Promise<void>;
}

/** Starts the MIS simulator and the virtual printer; given only by the demo entry points. */
export type DemoStarter = (config: KioskConfig, slipsDir: string) => Promise<DemoBackends>;

/** One line for the technician when a production build is asked for demo mode. */
export const DEMO_REFUSED =
  'Демо-режим недоступен: это рабочая сборка без симулятора МИС. Уберите --demo и "demo": true из конфигурации.';

export class DemoRefusedError extends Error {
  constructor() {
    super(DEMO_REFUSED);
    this.name = 'DemoRefusedError';
  }
}

export type DemoDecision = 'off' | 'on' | 'refused';

export function demoDecision(wanted: boolean, starter: DemoStarter | undefined): DemoDecision {
  if (!wanted) return 'off';
  return starter ? 'on' : 'refused';
}

export interface BootOptions {
  config: KioskConfig;
  /** `--demo` on the command line. */
  demoFlag: boolean;
  demo?: DemoStarter;
  demoSlipsDir: string;
  userDataDir: string;
  log: Logger;
  osTransport?: SlipTransport;
  /** The app's version, for the metrics. */
  version?: string;
  /** Restart and quit for service mode (the shell's own). */
  lifecycle?: KioskLifecycle;
  /** Where the configuration came from (compose/fleet-config.ts). */
  configOrigin?: KioskCoreDeps['configOrigin'];
}

export interface Booted {
  core: KioskCore;
  config: KioskConfig;
  demo: DemoBackends | null;
  close(): Promise<void>;
}

export async function bootKiosk(opts: BootOptions): Promise<Booted> {
  const decision = demoDecision(opts.config.demo || opts.demoFlag, opts.demo);
  if (decision === 'refused') throw new DemoRefusedError();
  const demo = decision === 'on' ? await opts.demo!({ ...opts.config, demo: true }, opts.demoSlipsDir) : null;
  const config = demo ? demo.config : opts.config;
  try {
    const core = await createKioskCore(config, {
      log: opts.log,
      userDataDir: opts.userDataDir,
      osTransport: opts.osTransport,
      version: opts.version,
      lifecycle: opts.lifecycle,
      configOrigin: opts.configOrigin,
    });
    return {
      core,
      config,
      demo,
      async close() {
        await core.close();
        await demo?.close();
      },
    };
  } catch (err) {
    await demo?.close();
    throw err;
  }
}
