// Demo mode: the kiosk runs out of the box against the embedded MIS simulator and a virtual
// receipt printer, both on loopback ports chosen by the OS. Only the demo entry points
// (electron/demo/*-entry.ts) import this file, so a production build contains none of it.
import { startSimulator } from '../../simulator/server';
import { startN3Simulator } from '../../simulator/n3/server';
import { startVirtualPrinter } from '../printing/virtual/server';
import type { DemoBackends } from '../compose/boot';
import type { KioskConfig } from '../core/config/schema';
import path from 'node:path';
import { demoScannerDir, startDemoScanner } from './demo-scanner';
import { n3DemoApi, type DemoMis } from './demo-mis';

/** `mis` from `--mis`; without it the config's api.kind picks the simulator. */
export async function startDemoBackends(config: KioskConfig, slipsDir: string, opts: { mis?: DemoMis | null } = {}): Promise<DemoBackends> {
  const kind = opts.mis ?? config.api.kind;
  const sim = kind === 'n3' ? await startN3Simulator({ port: 0, quiet: true }) : await startSimulator({ port: 0, quiet: true });
  if (kind === 'n3') console.log('Demo MIS: N3 HubService simulator; patients, referral numbers and surnames in simulator/n3/README.md');
  const printer = await startVirtualPrinter({ port: 0, outDir: slipsDir, quiet: true, retentionDays: config.retentionDays });
  // A virtual serial scanner unless the config names a real one; without socat, none.
  const scanner = config.scanner.type === 'none' ? await startDemoScanner(demoScannerDir(path.dirname(slipsDir))) : null;
  if (config.scanner.type === 'none') {
    console.log(scanner ? `Virtual scanner: npm run scanner -- --patient P1` : 'Virtual scanner: off (install socat for `npm run scanner`)');
  }
  return {
    config: {
      ...config,
      demo: true,
      api: kind === 'n3' ? n3DemoApi(config, sim.url) : { ...config.api, kind, baseUrl: sim.url },
      printer: {
        ...config.printer,
        enabled: true,
        transport: { type: 'tcp', host: '127.0.0.1', port: printer.port, timeoutMs: 5000 },
      },
      scanner: scanner ? { ...config.scanner, type: 'serial', path: scanner.kioskPath } : config.scanner,
    },
    simulatorUrl: sim.url,
    printerPort: printer.port,
    slipsDir,
    close: async () => {
      await Promise.allSettled([sim.close(), printer.close(), scanner?.close()]);
    },
  };
}
