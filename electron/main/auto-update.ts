// Auto-update through electron-updater's generic provider (updates.url, updates.channel).
// Thin on purpose: when to install is decided by ../core/updates/decide.ts (tested without
// Electron); this file feeds it what electron-updater and the core know. It cannot run in this
// repository's CI (no Electron binary, no release feed): the decisions are what is tested.
import { autoUpdater, type UpdateInfo } from 'electron-updater';
import type { KioskCore } from '../compose/kiosk-core';
import type { KioskConfig } from '../core/config/schema';
import type { Logger } from '../core/ports';
import { QUIET_MS, decideInstall, firstCheckDelayMs, rolloutBucket, withinRollout, type InstallDecision } from '../core/updates/decide';
import { fileRestartLedger } from '../core/updates/restart-ledger';

/** How often the installer looks at the clock and the screen. */
const DECIDE_EVERY_MS = 60_000;

export interface AutoUpdates {
  stop(): void;
}

export function startAutoUpdates(config: KioskConfig, deps: { core: KioskCore; log: Logger; userDataDir: string }): AutoUpdates {
  const u = config.updates;
  if (!u.url) return { stop() {} };
  const { log, core } = deps;
  const bucket = rolloutBucket(config.kioskId);
  const ledger = fileRestartLedger(deps.userDataDir);

  autoUpdater.setFeedURL({ provider: 'generic', url: u.url, channel: u.channel });
  autoUpdater.channel = u.channel;
  autoUpdater.allowDowngrade = false;
  // Downloads run in the background as soon as a version is offered to this kiosk; installing
  // is ours to decide, never "whenever the app happens to quit".
  autoUpdater.autoDownload = true;
  autoUpdater.autoInstallOnAppQuit = false;
  autoUpdater.logger = {
    info: (m?: unknown) => log.info('update.updater', { message: String(m) }),
    warn: (m?: unknown) => log.warn('update.updater', { message: String(m) }),
    error: (m?: unknown) => log.error('update.updater', { message: String(m) }),
    debug: () => {},
  };
  // The kiosk's stable bucket instead of electron-updater's random per-install id, so a region
  // knows which kiosks get a release first and a reinstalled kiosk keeps its place.
  autoUpdater.isUserWithinRollout = (info: UpdateInfo) => withinRollout(bucket, info.stagingPercentage);

  let downloaded: string | null = null;
  let lastWait: InstallDecision | null = null;
  autoUpdater.on('update-downloaded', (info: UpdateInfo) => {
    downloaded = info.version;
    log.audit('update.downloaded', { version: info.version, kioskId: config.kioskId });
  });
  autoUpdater.on('error', (err: Error) => log.warn('update.error', { error: err.message }));

  const check = () => {
    autoUpdater.checkForUpdates().catch((err: unknown) => log.warn('update.check_failed', { error: String(err) }));
  };
  const decide = () => {
    const d = decideInstall({
      now: new Date(),
      window: u.maintenanceWindow,
      timeZone: config.timeZone,
      downloaded,
      ...core.patientActivity(),
      quietMs: QUIET_MS,
      lastRestartNight: ledger.lastNight(),
    });
    if (d.kind === 'wait') {
      if (downloaded && (lastWait?.kind !== 'wait' || lastWait.reason !== d.reason)) log.info('update.waiting', { version: downloaded, reason: d.reason });
      lastWait = d;
      return;
    }
    try {
      ledger.record(d.night, downloaded!);
    } catch (err) {
      // Without the record a failing new version could restart the kiosk all night: do not install.
      log.error('update.ledger_failed', { error: String(err) });
      return;
    }
    log.audit('update.installing', { version: downloaded, night: d.night, kioskId: config.kioskId });
    core.endSession();
    // Silent installer, then start the new version.
    autoUpdater.quitAndInstall(true, true);
  };

  const intervalMs = u.checkMinutes * 60_000;
  const timers: Array<ReturnType<typeof setTimeout>> = [];
  timers.push(
    setTimeout(() => {
      check();
      timers.push(setInterval(check, intervalMs));
    }, firstCheckDelayMs(bucket, intervalMs)),
  );
  timers.push(setInterval(decide, DECIDE_EVERY_MS));
  log.info('update.enabled', { channel: u.channel, window: `${u.maintenanceWindow.start}-${u.maintenanceWindow.end}`, bucket: Math.floor(bucket) });
  return {
    stop() {
      for (const t of timers) clearTimeout(t);
    },
  };
}
