// Joins the central configuration (core/fleet-config) to a running kiosk, the same way for the
// Electron shell, the browser host and the e2e stack: which configuration to start on
// (bootConfig, before the core exists), then the cycle's timers with the core's patient
// activity and health and the host's restart (startFleetConfig, once it does).
import type { ConfigLoadResult } from '../core/config/load';
import type { Logger } from '../core/ports';
import { resolveBootConfig, type ConfigOrigin, type FleetBoot } from '../core/fleet-config/boot';
import { QUIET_MS } from '../core/fleet-config/decide';
import { pinnedConfigKeys } from '../core/fleet-config/pinned-keys';
import { createFleetConfigRunner, type FleetConfigRunner } from '../core/fleet-config/runner';
import type { FetchLike } from '../core/updates/feed-fetch';
import type { PinnedKey } from '../core/updates/metadata-signature';
import { firstCheckDelayMs, rolloutBucket } from '../core/updates/decide';
import type { KioskCore } from './kiosk-core';

/** How often the cycle looks at the screen and, on trial, at the printer and the MIS. */
const TICK_MS = 5_000;
/** A kiosk that starts asks the server within this long (spread over the fleet by its bucket). */
const FIRST_CHECK_WITHIN_MS = 60_000;

type LoadedConfig = Extract<ConfigLoadResult, { ok: true }>;

/** This build's configuration keys; none (a broken list) is logged, and every document is then refused. */
export function buildConfigKeys(log: Logger): PinnedKey[] {
  try {
    return pinnedConfigKeys();
  } catch (err) {
    log.error('config.keys_broken', { error: err instanceof Error ? err.message : String(err) });
    return [];
  }
}

/** The configuration to start on: the local file, or the server's (last good, or on trial). */
export function bootConfig(loaded: LoadedConfig, opts: { userDataDir: string; log: Logger; keys?: readonly PinnedKey[] }): FleetBoot {
  const keys = opts.keys ?? buildConfigKeys(opts.log);
  const boot = resolveBootConfig(
    { config: loaded.config, raw: loaded.raw, path: loaded.path, warnings: loaded.warnings },
    { dataDir: opts.userDataDir, keys, log: opts.log },
  );
  const { origin } = boot;
  opts.log.info('config.boot', { source: origin.source, version: origin.version, trial: origin.trial, server: origin.url ?? undefined });
  if (origin.url && keys.length === 0) opts.log.error('config.no_config_key', { reason: 'this build pins no configuration key: every document from the server is refused (README: Running a fleet)' });
  return boot;
}

export interface FleetConfigDeps {
  core: Pick<KioskCore, 'patientActivity' | 'checkHealth' | 'metrics'>;
  log: Logger;
  /** The host's restart: Electron relaunches, the browser host exits for its supervisor. */
  restart(): void;
  /** Electron's net.fetch in the shell, Node's fetch in the browser host and tests. */
  fetch: FetchLike;
  keys?: readonly PinnedKey[];
  /** Tests shorten the quiet moment (production: QUIET_MS, as for updates). */
  quietMs?: number;
  tickMs?: number;
  /** Tests drive the checks themselves (checkNow); production checks every fleet.checkMinutes. */
  autoCheck?: boolean;
  now?: () => Date;
}

export interface RunningFleetConfig {
  runner: FleetConfigRunner | null;
  origin(): ConfigOrigin;
  stop(): void;
}

export function startFleetConfig(boot: FleetBoot, deps: FleetConfigDeps): RunningFleetConfig {
  if (!boot.store || !boot.origin.url) return { runner: null, origin: () => boot.origin, stop() {} };
  const runner = createFleetConfigRunner({
    boot,
    keys: deps.keys ?? buildConfigKeys(deps.log),
    fetch: deps.fetch,
    log: deps.log,
    metrics: deps.core.metrics,
    activity: () => deps.core.patientActivity(),
    quietMs: deps.quietMs ?? QUIET_MS,
    health: () => deps.core.checkHealth(),
    restart: deps.restart,
    now: deps.now,
  });
  const timers: Array<ReturnType<typeof setTimeout>> = [];
  const every = (fn: () => unknown, ms: number) => {
    const t = setInterval(fn, ms);
    t.unref?.();
    timers.push(t);
  };
  if (deps.autoCheck ?? true) {
    const interval = boot.local.config.fleet.checkMinutes * 60_000;
    const first = setTimeout(
      () => {
        void runner.check();
        every(() => void runner.check(), interval);
      },
      firstCheckDelayMs(rolloutBucket(boot.local.config.kioskId), Math.min(interval, FIRST_CHECK_WITHIN_MS)),
    );
    first.unref?.();
    timers.push(first);
  }
  every(() => void runner.tick(), deps.tickMs ?? TICK_MS);
  return {
    runner,
    origin: () => runner.origin(),
    stop() {
      for (const t of timers) clearTimeout(t);
    },
  };
}

/**
 * The boot decides the configuration before the file logger exists (the log's retention may
 * come from the server): its lines wait here and are written once the logger is made.
 */
export function heldLog(): Logger & { replay(to: Logger): void } {
  const held: Array<[keyof Logger, string, Record<string, unknown> | undefined]> = [];
  const hold = (level: keyof Logger) => (event: string, data?: Record<string, unknown>) => void held.push([level, event, data]);
  return {
    info: hold('info'),
    warn: hold('warn'),
    error: hold('error'),
    audit: hold('audit'),
    replay(to) {
      for (const [level, event, data] of held.splice(0)) to[level](event, data);
    },
  };
}

/**
 * The kiosk could not start at all on a configuration on trial (the core refused it): it is
 * given up at once, and the caller restarts onto the last good one. false when there was no
 * trial (then the failure is the local file's, shown as always).
 */
export function giveUpTrialAfterStartFailure(boot: FleetBoot, err: unknown, log: Logger): boolean {
  if (!boot.trial || !boot.store) return false;
  const detail = `the kiosk did not start on it: ${err instanceof Error ? err.message : String(err)}`;
  boot.store.abandonTrial({ reason: 'unhealthy', detail, version: boot.trial.set.version });
  log.audit('config.rollback', { version: boot.trial.set.version, to: boot.store.lastGood()?.version ?? 'local', detail });
  return true;
}
