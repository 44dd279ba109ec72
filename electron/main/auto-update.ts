// Auto-update through electron-updater (updates.url, updates.channel), adapted to the core's
// update cycle (../core/updates/update-runner.ts), which holds every decision: the signature
// check of the metadata before anything is downloaded, when to install, and the second look
// at the feed before installing. This file only connects electron-updater to it and cannot run
// in this repository's CI (no Electron binary, no release feed); the provider it installs is
// tested with the real electron-updater code (verified-provider.test.ts).
import { net } from 'electron';
import { autoUpdater, type UpdateInfo } from 'electron-updater';
import type { KioskCore } from '../compose/kiosk-core';
import type { KioskConfig } from '../core/config/schema';
import type { Logger } from '../core/ports';
import { channelFileName } from '../core/updates/channel-file';
import { QUIET_MS, firstCheckDelayMs, rolloutBucket, withinRollout } from '../core/updates/decide';
import type { PinnedKey } from '../core/updates/metadata-signature';
import { pinnedReleaseKeys } from '../core/updates/pinned-keys';
import { fileRestartLedger } from '../core/updates/restart-ledger';
import { signedFeed } from '../core/updates/signed-feed';
import { createUpdateRunner, UpdateRefusedError } from '../core/updates/update-runner';
import { releaseOf, verifiedProvider } from './verified-provider';

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
  // Without a usable key the cycle still runs: every release is then refused (unknown-key),
  // which the log and the metrics show; the kiosk itself keeps serving patients.
  let keys: PinnedKey[] = [];
  try {
    keys = pinnedReleaseKeys();
  } catch (err) {
    log.error('update.release_keys_broken', { error: err instanceof Error ? err.message : String(err) });
  }
  if (keys.length === 0) log.error('update.no_release_key', { reason: 'this build pins no usable release key (README: Signing releases)' });

  // Electron's net.fetch: the system's proxy and certificate store, as electron-updater's downloads.
  const feed = signedFeed({ url: u.url, fileName: channelFileName(u.channel, process.platform, process.arch), keys, fetch: (url, init) => net.fetch(url, init) });
  const runner = createUpdateRunner({
    feed,
    log,
    metrics: core.metrics,
    ledger: fileRestartLedger(deps.userDataDir),
    kioskId: config.kioskId,
    window: u.maintenanceWindow,
    timeZone: config.timeZone,
    quietMs: QUIET_MS,
    activity: () => core.patientActivity(),
    endSession: () => core.endSession(),
    updater: {
      async check() {
        const r = await autoUpdater.checkForUpdates();
        return r && { available: r.isUpdateAvailable, release: releaseOf(r.updateInfo) };
      },
      async download() {
        await autoUpdater.downloadUpdate();
      },
      // Silent installer, then start the new version.
      install: () => autoUpdater.quitAndInstall(true, true),
    },
  });

  autoUpdater.setFeedURL({ provider: 'custom', updateProvider: verifiedProvider(feed, () => runner.metadataForUpdater()), url: u.url, channel: u.channel });
  autoUpdater.channel = u.channel;
  autoUpdater.allowDowngrade = false;
  // Downloads only after the runner saw the check's verified answer; installing is ours to
  // decide, never "whenever the app happens to quit" (a release pulled meanwhile included).
  autoUpdater.autoDownload = false;
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
  // A refusal is already in the audit log as update.refused.
  autoUpdater.on('error', (err: Error) => {
    if (!(err instanceof UpdateRefusedError)) log.warn('update.error', { error: err.message });
  });

  const check = () => void runner.check();
  const intervalMs = u.checkMinutes * 60_000;
  const timers: Array<ReturnType<typeof setTimeout>> = [];
  timers.push(
    setTimeout(() => {
      check();
      timers.push(setInterval(check, intervalMs));
    }, firstCheckDelayMs(bucket, intervalMs)),
  );
  timers.push(setInterval(() => void runner.tick(), DECIDE_EVERY_MS));
  log.info('update.enabled', {
    channel: u.channel,
    file: feed.fileName,
    keys: keys.map((k) => k.id),
    window: `${u.maintenanceWindow.start}-${u.maintenanceWindow.end}`,
    bucket: Math.floor(bucket),
  });
  return {
    stop() {
      for (const t of timers) clearTimeout(t);
    },
  };
}
