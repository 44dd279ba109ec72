// Runs the kiosk without Electron: the core and the loopback browser host in this Node
// process, the renderer in Debian's Chromium in app/kiosk mode (or just the URL printed when
// there is no display). `--demo` embeds the MIS simulator and the virtual printer, but only
// when the entry point passed them in (electron/demo/host-entry.ts); cli.ts passes nothing.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { bootKiosk, DemoRefusedError, type DemoStarter } from '../compose/boot';
import { loadKioskConfig } from '../core/config/load';
import { createFileLogger } from '../core/log';
import { startBrowserHost } from './browser-host';
import { CHROMIUM_FLAGS } from './chromium-flags';

// A patient must not pinch-zoom, swipe back or get a translate bar.
const KIOSK_FLAGS = [
  ...CHROMIUM_FLAGS,
  '--lang=ru',
  '--disable-features=Translate,TranslateUI',
  '--disable-pinch',
  '--overscroll-history-navigation=0',
  '--noerrdialogs',
  '--disable-infobars',
];

/**
 * Without a window manager (a bare X session, Xvfb) Chromium's --kiosk cannot size the window
 * to the screen, so it is told the screen's size explicitly when X can say it.
 */
function screenGeometry(): string[] {
  try {
    const out = execFileSync('xdpyinfo', { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 2000 });
    const m = /dimensions:\s+(\d+)x(\d+)/.exec(out);
    return m ? ['--window-position=0,0', `--window-size=${m[1]},${m[2]}`] : [];
  } catch {
    return [];
  }
}


export interface RunHostOptions {
  /** Only the demo entry point passes this; without it `--demo` is refused. */
  demo?: DemoStarter;
}

export async function runHost(opts: RunHostOptions = {}): Promise<void> {
  const { values } = parseArgs({
    options: {
      demo: { type: 'boolean', default: false },
      config: { type: 'string' },
      port: { type: 'string', default: '0' },
      open: { type: 'boolean', default: false },
      kiosk: { type: 'boolean', default: true },
      'slips-dir': { type: 'string' },
      renderer: { type: 'string', default: path.resolve('dist/renderer') },
    },
  });
  if (values.demo && !opts.demo) {
    console.error(new DemoRefusedError().message);
    process.exit(2);
  }

  // The same machine-wide file (or INFOMAT_CONFIG, or --config) as the Electron shell reads.
  const loaded = loadKioskConfig({ path: values.config, onMissing: values.demo ? 'demo' : 'problem' });
  if (!loaded.ok) {
    console.error(`Конфигурация ${loaded.path} неверна:`);
    for (const p of loaded.problems) console.error(`  ${p}`);
    process.exit(2);
  }
  if (loaded.config.demo && !opts.demo) {
    console.error(new DemoRefusedError().message);
    process.exit(2);
  }

  if (!existsSync(path.join(values.renderer, 'index.html'))) {
    console.error(`No built renderer in ${values.renderer}: run "npm run build" first.`);
    process.exit(2);
  }
  const userDataDir = path.join(os.tmpdir(), 'infomat-host');
  const logDir = loaded.config.logDir ?? path.join(userDataDir, 'logs');
  // The same redacting, rotating logger as the Electron shell: policy numbers masked, no tokens.
  const log = createFileLogger({ dir: logDir, kioskId: loaded.config.kioskId });
  console.log(`Logs: ${logDir}`);
  const booted = await bootKiosk({
    config: loaded.config,
    demoFlag: values.demo,
    demo: opts.demo,
    demoSlipsDir: path.resolve(values['slips-dir'] ?? path.join(os.tmpdir(), 'infomat-slips')),
    userDataDir,
    log,
  });
  const { core, demo } = booted;
  if (demo) {
    console.log(`Demo MIS simulator: ${demo.simulatorUrl}`);
    console.log(`Virtual receipt printer: 127.0.0.1:${demo.printerPort}, slips saved to ${demo.slipsDir}`);
  }
  const host = await startBrowserHost({ dispatcher: core.dispatcher, rendererDir: values.renderer, port: Number(values.port), log });
  console.log(`Kiosk: ${host.url}`);

  const hasDisplay = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
  let browser: ReturnType<typeof spawn> | null = null;
  if (values.open) {
    if (!hasDisplay) console.log('No display found: open the URL above in a browser.');
    else if (!existsSync('/usr/bin/chromium')) console.log('No /usr/bin/chromium: open the URL above in a browser.');
    else {
      const profile = mkdtempSync(path.join(os.tmpdir(), 'infomat-chromium-'));
      browser = spawn(
        '/usr/bin/chromium',
        [...KIOSK_FLAGS, ...screenGeometry(), `--user-data-dir=${profile}`, values.kiosk ? '--kiosk' : '--start-maximized', `--app=${host.url}`],
        { stdio: 'ignore' },
      );
      browser.on('exit', () => void shutdown());
    }
  }

  async function shutdown(): Promise<void> {
    browser?.kill();
    await host.close();
    await booted.close();
    log.close();
    process.exit(0);
  }
  process.on('SIGINT', () => void shutdown());
  process.on('SIGTERM', () => void shutdown());
}

