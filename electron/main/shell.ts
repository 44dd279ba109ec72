// The Electron shell (bundled to dist/electron/main.js, CommonJS, `electron` external).
// Thin on purpose: every decision lives in policy.ts, crash-recovery.ts, ipc.ts, protocol.ts,
// ../core/config/load.ts, ../compose/boot.ts and the core; this file wires them to Electron.
// main.ts runs it without demo backends (production); ../demo/main-entry.ts runs it with them.
import * as path from 'node:path';
import { app, BrowserWindow, ipcMain, net, powerSaveBlocker, protocol, session, type BrowserWindowConstructorOptions } from 'electron';
import { bootKiosk, DemoRefusedError, type DemoStarter } from '../compose/boot';
import { bootConfig, giveUpTrialAfterStartFailure, heldLog, startFleetConfig, type RunningFleetConfig } from '../compose/fleet-config';
import type { BridgeDispatcher } from '../core/bridge/dispatcher';
import { loadKioskConfig } from '../core/config/load';
import type { KioskConfig } from '../core/config/schema';
import { createFileLogger, redact, type FileLogger } from '../core/log';
import type { Logger } from '../core/ports';
import { renderSlipHtml, slipPageSizeMm } from '../printing/html-slip';
import type { SlipTransport } from '../printing/transport';
import { startAutoUpdates } from './auto-update';
import { attachCrashRecovery } from './crash-recovery';
import { registerBridgeIpc } from './ipc';
import { applyEarlyLockdown, lockDownSession, removeApplicationMenu } from './lockdown';
import { createOsTransport } from './os-printer';
import { APP_SCHEME, appUrl, bundlePaths, loginItemSettingsFor, parseShellFlags } from './policy';
import { appSchemePrivileges, createAppRequestHandler } from './protocol';
import { configProblemsScreen, restartingScreen, startFailedScreen } from './service-screen';
import { createKioskWindow } from './window';

export interface ShellOptions {
  /** Only the demo entry point passes this; without it demo mode is refused. */
  demo?: DemoStarter;
}

const flags = parseShellFlags(process.argv, app.isPackaged);
const paths = bundlePaths(__dirname, path.join);

// Until the file logger exists (and for errors before `ready`): redacted console output.
const consoleLogger: Logger = {
  info: (e, d) => console.log(e, redact(d ?? {})),
  warn: (e, d) => console.warn(e, redact(d ?? {})),
  error: (e, d) => console.error(e, redact(d ?? {})),
  audit: (e, d) => console.log(e, redact(d ?? {})),
};
let log: FileLogger | null = null;
const getLog = (): Logger => log ?? consoleLogger;
let mainWindow: BrowserWindow | null = null;
let dispatcher: BridgeDispatcher | null = null;
let quitting = false;
const closers: Array<() => Promise<void> | void> = [];

export function runShell(opts: ShellOptions = {}): void {
  // ---------- before ready ----------
  protocol.registerSchemesAsPrivileged([appSchemePrivileges]);
  applyEarlyLockdown(flags, getLog);

  if (!app.requestSingleInstanceLock()) {
    app.quit();
  } else {
    app.on('second-instance', () => {
      if (mainWindow && !mainWindow.isDestroyed()) {
        if (mainWindow.isMinimized()) mainWindow.restore();
        mainWindow.focus();
      }
    });
    app.on('window-all-closed', () => app.quit());
    app.on('before-quit', (event) => {
      if (quitting) return;
      quitting = true;
      event.preventDefault();
      void shutdown().finally(() => app.exit(0));
    });
    for (const sig of ['SIGTERM', 'SIGINT'] as const) process.on(sig, () => app.quit());
    app.whenReady().then(() => start(opts), (err: unknown) => {
      getLog().error('shell.ready_failed', { error: err });
      app.exit(1);
    });
  }
}

async function start(opts: ShellOptions): Promise<void> {
  const version = app.getVersion();
  const userData = app.getPath('userData');
  const loaded = loadKioskConfig({ onMissing: flags.demo || !app.isPackaged ? 'demo' : 'problem' });
  // With fleet.url, the server's configuration (last good, or on trial) laid on the file.
  const held = heldLog();
  const fleetBoot = loaded.ok ? bootConfig(loaded, { userDataDir: userData, log: held }) : null;
  const config = fleetBoot?.config ?? null;
  const logDir = config?.logDir ?? path.join(userData, 'logs');
  log = createFileLogger({
    dir: logDir,
    echo: !app.isPackaged,
    kioskId: config?.kioskId,
    retentionDays: config?.retentionDays,
  });
  const logger = log;
  held.replay(logger);
  closers.push(() => logger.close());
  logger.info('shell.start', { version, packaged: app.isPackaged, dev: flags.dev, platform: process.platform, config: loaded.path });

  removeApplicationMenu();
  protocol.handle(APP_SCHEME, createAppRequestHandler({ root: paths.rendererRoot }));
  lockDownSession(session.defaultSession, flags, getLog);

  const blocker = powerSaveBlocker.start('prevent-display-sleep');
  closers.push(() => {
    if (powerSaveBlocker.isStarted(blocker)) powerSaveBlocker.stop(blocker);
  });
  const login = loginItemSettingsFor(process.platform, app.isPackaged, flags);
  if (login) app.setLoginItemSettings(login);

  const win = createKioskWindow({
    preloadPath: paths.preload,
    flags,
    hideCursor: config?.screen.hideCursor ?? false,
    log: logger,
    canClose: () => quitting || flags.dev,
  });
  mainWindow = win;
  registerBridgeIpc({ ipcMain, getWindow: () => mainWindow, getDispatcher: () => dispatcher, log: logger });

  if (!loaded.ok || !fleetBoot) {
    const problems = loaded.ok ? [] : loaded.problems;
    logger.error('shell.config_invalid', { path: loaded.path, problems });
    await win.loadURL(configProblemsScreen(loaded.path, problems, version));
    return;
  }
  for (const w of fleetBoot.warnings) logger.warn('shell.config_warning', { message: w });

  let fleet: RunningFleetConfig | null = null;
  // A new configuration from the server is applied by the same restart «Перезапустить» does.
  const relaunch = () => {
    app.relaunch();
    app.quit();
  };
  try {
    const booted = await bootKiosk({
      config: fleetBoot.config,
      demoFlag: flags.demo,
      demo: opts.demo,
      demoSlipsDir: path.join(userData, 'demo'),
      userDataDir: userData,
      log: logger,
      osTransport: osTransportFor(fleetBoot.config, logger),
      version,
      // Service mode's «Перезапустить» and «Выйти в систему»: the usual quit path (closers run).
      lifecycle: { restart: relaunch, quit: () => app.quit() },
      configOrigin: () => fleet?.origin() ?? fleetBoot.origin,
    });
    closers.push(() => booted.close());
    const core = booted.core;
    // Electron's net.fetch: the system's proxy and certificate store, as for the updates.
    const running = startFleetConfig(fleetBoot, { core, log: logger, restart: relaunch, fetch: (url, init) => net.fetch(url, init) });
    fleet = running;
    closers.push(() => running.stop());
    if (booted.demo) logger.info('shell.demo_mode', {});
    dispatcher = core.dispatcher;
    attachCrashRecovery(win, {
      appUrl: appUrl(),
      restartingUrl: restartingScreen(),
      log: logger,
      onBeforeReload: () => core.endSession(),
    });
    await win.loadURL(appUrl());
    logger.info('shell.ready', {});
    // Only a packaged app can install an update (electron-updater refuses in development).
    if (app.isPackaged && !booted.demo) {
      const updates = startAutoUpdates(booted.config, { core, log: logger, userDataDir: userData });
      closers.push(() => updates.stop());
    }
  } catch (err) {
    if (err instanceof DemoRefusedError) console.error(err.message);
    logger.error('shell.start_failed', { error: err });
    // A configuration on trial the kiosk cannot even start on: back to the last good one.
    if (giveUpTrialAfterStartFailure(fleetBoot, err, logger)) {
      relaunch();
      return;
    }
    const reason = err instanceof Error ? err.message : String(err);
    await win.loadURL(startFailedScreen(reason, version)).catch(() => undefined);
  }
}

function osTransportFor(config: KioskConfig, logger: Logger): SlipTransport | undefined {
  const t = config.printer.transport;
  if (t.type !== 'os') return undefined;
  return createOsTransport({
    deviceName: t.deviceName,
    widthMm: t.widthMm,
    renderHtml: renderSlipHtml,
    estimatePageMm: slipPageSizeMm,
    createWindow: (options: BrowserWindowConstructorOptions) =>
      new BrowserWindow({
        ...options,
        webPreferences: {
          ...options.webPreferences,
          // Restated literally (same values as os-printer.ts) so the static scan can see them here.
          contextIsolation: true,
          sandbox: true,
          nodeIntegration: false,
          disableBlinkFeatures: 'Auxclick',
        },
      }),
    log: logger,
  });
}

async function shutdown(): Promise<void> {
  getLog().info('shell.stop', {});
  for (const close of closers.splice(0).reverse()) {
    try {
      await close();
    } catch (err) {
      getLog().warn('shell.close_failed', { error: err });
    }
  }
}
