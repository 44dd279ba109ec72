// The update cycle of one kiosk, with electron-updater behind a small port so every step is
// tested under plain Node (electron/main/auto-update.ts only adapts electron-updater to it):
//   check    electron-updater asks its provider for the metadata; the provider gets it from
//            metadataForUpdater(), i.e. only after our signature check, and a refusal stops
//            the check there; a newer version offered to this kiosk is then downloaded
//            (electron-updater verifies the installer against the SHA-512 in that signed
//            metadata, and on Windows its Authenticode publisher);
//   tick     every minute: may the kiosk install now (decide.ts)? If so, the feed is read and
//            verified again, and the release installed only if it is still offered as it was.
import type { Logger } from '../ports';
import type { MetricsSink } from '../telemetry/sink';
import { decideInstall, type InstallDecision, type MaintenanceWindow } from './decide';
import { checkBeforeInstall, type DownloadedRelease } from './install-check';
import { reportRefusal, type UpdateRefusal } from './refusals';
import type { RestartLedger } from './restart-ledger';
import type { SignedFeed } from './signed-feed';

export interface UpdaterPort {
  /** Asks for an update (electron-updater's checkForUpdates); null when the updater is inactive. */
  check(): Promise<{ available: boolean; release: DownloadedRelease } | null>;
  /** Downloads what the last check offered. */
  download(): Promise<void>;
  /** Quits, installs silently and starts the new version. */
  install(): void;
}

/** Thrown to electron-updater by metadataForUpdater(); already logged and counted. */
export class UpdateRefusedError extends Error {
  constructor(readonly refusal: UpdateRefusal) {
    super(`update refused (${refusal.reason}): ${refusal.detail}`);
    this.name = 'UpdateRefusedError';
  }
}

export interface UpdateRunnerDeps {
  feed: SignedFeed;
  updater: UpdaterPort;
  log: Logger;
  metrics: Pick<MetricsSink, 'updateRefused'>;
  ledger: RestartLedger;
  kioskId: string;
  window: MaintenanceWindow;
  timeZone: string;
  /** The screen must be untouched this long before a restart. */
  quietMs: number;
  activity(): { sessionActive: boolean; lastActivity: Date | null };
  endSession(): void;
  now?: () => Date;
}

export interface UpdateRunner {
  /** The verified metadata text for electron-updater's provider; throws when refused or unreadable. */
  metadataForUpdater(): Promise<string>;
  check(): Promise<void>;
  tick(): Promise<void>;
  /** What is downloaded and waiting for the window, if anything. */
  downloaded(): DownloadedRelease | null;
}

type Waiting = Extract<InstallDecision, { kind: 'wait' }>['reason'] | 'feed-unreachable';

export function createUpdateRunner(deps: UpdateRunnerDeps): UpdateRunner {
  const { feed, updater, log } = deps;
  const now = deps.now ?? (() => new Date());
  let downloaded: DownloadedRelease | null = null;
  // The ledger's copy survives a restart; this one survives a disk that refused the write.
  let refusedNight: string | null = deps.ledger.refusedNight();
  let lastWait: Waiting | null = null;
  let checking: Promise<void> | null = null;
  let ticking = false;

  const decide = () =>
    decideInstall({
      now: now(),
      window: deps.window,
      timeZone: deps.timeZone,
      downloaded: downloaded?.version ?? null,
      ...deps.activity(),
      quietMs: deps.quietMs,
      lastRestartNight: deps.ledger.lastNight(),
      refusedNight,
    });

  const waiting = (reason: Waiting, detail?: string) => {
    if (downloaded && lastWait !== reason) log.info('update.waiting', { version: downloaded.version, reason, ...(detail ? { detail } : {}) });
    lastWait = reason;
  };

  const refuse = (r: UpdateRefusal) => reportRefusal(log, deps.metrics, r);

  async function runCheck(): Promise<void> {
    let offered;
    try {
      offered = await updater.check();
    } catch (err) {
      if (!(err instanceof UpdateRefusedError)) log.warn('update.check_failed', { error: err instanceof Error ? err.message : String(err) });
      return;
    }
    if (!offered?.available) return;
    const release = offered.release;
    if (downloaded && downloaded.version === release.version && sameInstallers(downloaded, release)) return;
    log.info('update.available', { version: release.version });
    try {
      await updater.download();
    } catch (err) {
      log.warn('update.download_failed', { version: release.version, error: err instanceof Error ? err.message : String(err) });
      return;
    }
    downloaded = release;
    lastWait = null;
    log.audit('update.downloaded', { version: release.version, kioskId: deps.kioskId });
  }

  async function tick(): Promise<void> {
    const d = decide();
    if (d.kind === 'wait') return waiting(d.reason);
    const release = downloaded!;
    const check = checkBeforeInstall(await feed.read(), release);
    if (check.kind === 'unconfirmed') return waiting('feed-unreachable', check.detail);
    if (check.kind === 'refused') {
      refuse({ stage: 'install', reason: check.reason, detail: check.detail, file: feed.fileName, version: release.version });
      downloaded = null;
      refusedNight = d.night;
      deps.ledger.recordRefusal(d.night, release.version);
      return;
    }
    if (check.kind === 'superseded') {
      log.info('update.superseded', { version: release.version, offered: check.version });
      downloaded = null;
      await runner.check();
      return;
    }
    // The feed read took a moment: a patient may have stepped up meanwhile.
    const again = decide();
    if (again.kind === 'wait') return waiting(again.reason);
    try {
      deps.ledger.record(again.night, release.version);
    } catch (err) {
      // Without the record a failing new version could restart the kiosk all night: do not install.
      log.error('update.ledger_failed', { error: String(err) });
      return;
    }
    log.audit('update.installing', { version: release.version, night: again.night, kioskId: deps.kioskId });
    deps.endSession();
    updater.install();
  }

  const runner: UpdateRunner = {
    async metadataForUpdater() {
      const r = await feed.read();
      if (r.kind === 'verified') {
        log.info('update.metadata_verified', { file: feed.fileName, version: r.facts.version, key: r.keyId });
        return r.text;
      }
      if (r.kind === 'refused') {
        const refusal: UpdateRefusal = { stage: 'download', reason: r.reason, detail: r.detail, file: feed.fileName };
        refuse(refusal);
        throw new UpdateRefusedError(refusal);
      }
      throw new Error(r.kind === 'missing' ? `${feed.fileName} is not in the update feed (${feed.fileUrl.href})` : r.detail);
    },
    check() {
      checking ??= runCheck().finally(() => (checking = null));
      return checking;
    },
    async tick() {
      if (ticking) return;
      ticking = true;
      try {
        await tick();
      } finally {
        ticking = false;
      }
    },
    downloaded: () => downloaded,
  };
  return runner;
}

function sameInstallers(a: DownloadedRelease, b: DownloadedRelease): boolean {
  return a.sha512.length === b.sha512.length && a.sha512.every((h) => b.sha512.includes(h));
}
