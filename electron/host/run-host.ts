// Runs the kiosk without Electron: the core and the loopback browser host in this Node
// process, the renderer in Debian's Chromium in app/kiosk mode (or just the URL printed when
// there is no display). `--demo` embeds the MIS simulator and the virtual printer, but only
// when the entry point passed them in (electron/demo/host-entry.ts); cli.ts passes nothing.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { bootKiosk, DemoRefusedError, type DemoStarter } from '../compose/boot';
import { bootConfig, giveUpTrialAfterStartFailure, heldLog, startFleetConfig } from '../compose/fleet-config';
import type { KioskCore } from '../compose/kiosk-core';
import { loadKioskConfig } from '../core/config/load';
import { ensurePrivateDirSync, userStateDir } from '../core/fs/private-dir';
import { createFileLogger } from '../core/log';
import { startBrowserHost } from './browser-host';
import { KIOSK_CHROMIUM_FLAGS } from './chromium-flags';
import { announceLaunchUrl, launchChromium, type LaunchedChromium } from './launch-chromium';
import { startRendererWatchdog, type RunningWatchdog } from './renderer-watchdog';

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

/** The browser host runs from the project folder (it serves dist/renderer from there too). */
function packageVersion(): string {
  try {
    const v = (JSON.parse(readFileSync(path.resolve('package.json'), 'utf8')) as { version?: unknown }).version;
    return typeof v === 'string' ? v : 'unknown';
  } catch {
    return 'unknown';
  }
}

/**
 * How the host reaches the core: the bridge, and a new renderer (a launch, or the page loaded
 * again) ends the patient session and service mode, as Electron's reload does.
 */
export function kioskHostHooks(core: Pick<KioskCore, 'dispatcher' | 'endSession'>): { dispatcher: KioskCore['dispatcher']; onNewRenderer: () => void } {
  return { dispatcher: core.dispatcher, onNewRenderer: () => core.endSession() };
}

/** EX_TEMPFAIL: a supervisor that restarts on failure starts the kiosk again. */
export const EXIT_RESTART = 75;

export interface RunHostOptions {
  /** Only the demo entry point passes this; without it `--demo` is refused. */
  demo?: DemoStarter;
  /** The command line without what the entry point took for itself (default: process.argv). */
  args?: string[];
  /**
   * How the host's own Chromium is started, for an entry point that runs the kiosk with no
   * display (the soak, scripts/soak/kiosk-child.ts): headless, with extra switches (a DevTools
   * port for its driver). The production and demo entry points pass nothing.
   */
  browser?: { headless: boolean; extraArgs?: readonly string[] };
}

export async function runHost(opts: RunHostOptions = {}): Promise<void> {
  const { values } = parseArgs({
    args: opts.args,
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
  // A per-user private state folder (0700, refused if someone else's), not a fixed temp path.
  const stateDir = ensurePrivateDirSync(userStateDir());
  // With fleet.url, the server's configuration (last good, or on trial) laid on the file.
  const held = heldLog();
  const fleetBoot = bootConfig(loaded, { userDataDir: stateDir, log: held });
  const config = fleetBoot.config;
  const logDir = config.logDir ?? path.join(stateDir, 'logs');
  // The same redacting, rotating logger as the Electron shell: policy numbers masked, no tokens.
  const log = createFileLogger({ dir: logDir, kioskId: config.kioskId, retentionDays: config.retentionDays });
  held.replay(log);
  console.log(`Logs: ${logDir}`);
  let fleet: ReturnType<typeof startFleetConfig> | null = null;
  const booted = await bootKiosk({
    config,
    demoFlag: values.demo,
    demo: opts.demo,
    demoSlipsDir: path.resolve(values['slips-dir'] ?? path.join(stateDir, 'demo-slips')),
    userDataDir: stateDir,
    log,
    version: packageVersion(),
    // No Electron to relaunch us: «Перезапустить» exits with EXIT_RESTART for the supervisor
    // (systemd Restart=on-failure), «Выйти в систему» exits 0 and closes Chromium.
    lifecycle: { restart: () => void shutdown(EXIT_RESTART), quit: () => void shutdown(0) },
    configOrigin: () => fleet?.origin() ?? fleetBoot.origin,
  }).catch((err: unknown) => {
    // A configuration on trial the kiosk cannot even start on: back to the last good one.
    if (giveUpTrialAfterStartFailure(fleetBoot, err, log)) {
      log.close();
      process.exit(EXIT_RESTART);
    }
    throw err;
  });
  const { core, demo } = booted;
  // A new configuration from the server is applied by the same restart «Перезапустить» does.
  fleet = startFleetConfig(fleetBoot, { core, log, restart: () => void shutdown(EXIT_RESTART), fetch: (url, init) => fetch(url, init) });
  if (demo) {
    console.log(`Demo MIS simulator: ${demo.simulatorUrl}`);
    console.log(`Virtual receipt printer: 127.0.0.1:${demo.printerPort}, slips saved to ${demo.slipsDir}`);
  }
  const host = await startBrowserHost({
    ...kioskHostHooks(core),
    rendererDir: values.renderer,
    port: Number(values.port),
    log,
  });
  console.log(`Kiosk host: ${host.origin} (opens only through a one-time launch link)`);
  const metricsUrl = core.metricsUrl();
  if (metricsUrl) console.log(`Metrics: ${metricsUrl}/metrics`);

  const hasDisplay = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
  // Chromium gets a one-time code (spent on first use) and a private profile removed at exit;
  // the link is printed only when no browser is launched.
  let browser: LaunchedChromium | null = null;
  let watchdog: RunningWatchdog | null = null;
  let stopAnnouncing = () => {};
  const headless = opts.browser?.headless ?? false;
  if (values.open && (hasDisplay || headless) && existsSync('/usr/bin/chromium')) {
    const window = headless ? ['--headless=new'] : [...screenGeometry(), values.kiosk ? '--kiosk' : '--start-maximized'];
    let relaunching = false;
    const launch = (): LaunchedChromium =>
      launchChromium({
        host,
        args: [...KIOSK_CHROMIUM_FLAGS, ...window, ...(opts.browser?.extraArgs ?? [])],
        profileParent: stateDir,
        // The browser closed (by the technician, or it died): the host goes too, unless the
        // watchdog is replacing it.
        onExit: () => {
          if (!relaunching) void shutdown();
        },
      });
    browser = launch();
    // A kiosk screen (not a developer's window, which may be minimised and throttled) that
    // crashed or froze is replaced by a fresh browser on Welcome.
    if (values.kiosk || headless) {
      watchdog = startRendererWatchdog({
        lastSeen: () => host.rendererSeen(),
        log,
        relaunch: async () => {
          relaunching = true;
          try {
            await browser?.close();
            if (!stopping) browser = launch();
          } finally {
            relaunching = false;
          }
        },
      });
    }
  } else {
    const why = !values.open ? 'No browser launched' : !hasDisplay ? 'No display found' : 'No /usr/bin/chromium';
    stopAnnouncing = announceLaunchUrl(host, why);
  }

  let stopping = false;
  async function shutdown(code = 0): Promise<void> {
    if (stopping) return;
    stopping = true;
    stopAnnouncing();
    fleet?.stop();
    watchdog?.stop();
    await browser?.close();
    await host.close();
    await booted.close();
    log.close();
    process.exit(code);
  }
  process.on('SIGINT', () => void shutdown());
  process.on('SIGTERM', () => void shutdown());
}

