// Which configuration a kiosk starts on. Without fleet.url in the local file: that file, as
// always. With one: a configuration on trial (written just before the restart that applies it),
// else the last good one from the server, else the local file until the server has answered.
// Every stored document's signature is checked again here; whatever does not check out is
// refused and the kiosk starts on what is left, never on nothing.
import type { KioskConfig } from '../config/schema';
import type { Logger } from '../ports';
import type { PinnedKey } from '../updates/metadata-signature';
import { MAX_TRIAL_BOOTS } from './decide';
import { effectiveConfig, localVersion, type LayerSet } from './effective';
import type { JsonObject } from './layers';
import type { ConfigRefusal } from './refusals';
import { readStoredSet, staleDocuments, wantedDocuments } from './sets';
import { bumpTrialBoot, fileFleetConfigStore, type FleetConfigStore, type StoredSet, type Trial } from './store';

export type ConfigSourceLabel = 'local' | 'central';

/** Where the running configuration came from (infomat_config_info, service mode). */
export interface ConfigOrigin {
  source: ConfigSourceLabel;
  /** f12.c7.k3 from the server; local.<hash> for the local file alone. */
  version: string;
  /** fleet.url, when the kiosk has a server. */
  url: string | null;
  /** When the central configuration was first run (ISO); null for the local file or while on trial. */
  appliedAt: string | null;
  /** The kiosk runs it on trial: not yet proven healthy. */
  trial: boolean;
}

/** The local file as the loader gave it. */
export interface LocalConfig {
  config: KioskConfig;
  raw: JsonObject;
  path: string;
  warnings: string[];
}

export interface FleetBoot {
  config: KioskConfig;
  origin: ConfigOrigin;
  warnings: string[];
  local: LocalConfig;
  /** The central set the kiosk runs (last good or on trial), or null. */
  current: { set: LayerSet; stored: StoredSet } | null;
  trial: Trial | null;
  /** Refusals decided at this start or before the last restart: for the metrics once they exist. */
  refusals: ConfigRefusal[];
  /** null without fleet.url, or when the data folder could not be used. */
  store: FleetConfigStore | null;
}

export interface BootOptions {
  dataDir: string;
  keys: readonly PinnedKey[];
  log: Logger;
  read?: (file: string) => string;
  /** Tests pass a store of their own. */
  store?: FleetConfigStore;
}

export function localOrigin(local: LocalConfig): ConfigOrigin {
  return { source: 'local', version: localVersion(local.raw), url: local.config.fleet.url ?? null, appliedAt: null, trial: false };
}

export function resolveBootConfig(local: LocalConfig, opts: BootOptions): FleetBoot {
  const { log } = opts;
  const onLocal = (store: FleetConfigStore | null, refusals: ConfigRefusal[]): FleetBoot => ({
    config: local.config,
    origin: localOrigin(local),
    warnings: local.warnings,
    local,
    current: null,
    trial: null,
    refusals,
    store,
  });
  const url = local.config.fleet.url;
  if (!url) return onLocal(null, []);
  let store: FleetConfigStore;
  try {
    store = opts.store ?? fileFleetConfigStore(opts.dataDir);
  } catch (err) {
    log.error('config.store_unavailable', { error: err instanceof Error ? err.message : String(err) });
    return onLocal(null, []);
  }
  const want = wantedDocuments(local.config.kioskId, local.config.fleet.clinic);
  const refusals: ConfigRefusal[] = [];
  const check = (stored: StoredSet) => {
    const read = readStoredSet(stored, want, opts.keys);
    if (!read.ok) return { ok: false as const, refusal: { reason: read.reason, detail: read.detail, version: stored.version } };
    const eff = effectiveConfig(local.raw, read.set, local.path, opts.read);
    if (!eff.ok) return { ok: false as const, refusal: { reason: 'invalid' as const, detail: 'the configuration fails the config schema', version: stored.version, problems: eff.problems } };
    return { ok: true as const, set: read.set, eff };
  };

  const trial = bumpTrialBoot(store);
  if (trial) {
    if (trial.boots > MAX_TRIAL_BOOTS) {
      const refusal: ConfigRefusal = { reason: 'unhealthy', detail: `the kiosk started ${trial.boots - 1} times on it without getting through the trial`, version: trial.set.version };
      log.audit('config.rollback', { version: trial.set.version, to: store.lastGood()?.version ?? 'local', detail: refusal.detail });
      store.abandonTrial(refusal);
    } else {
      const c = check(trial.set);
      if (c.ok) {
        log.info('config.trial_start', { version: trial.set.version, boot: trial.boots, previous: trial.previous });
        return {
          config: c.eff.config,
          origin: { source: 'central', version: trial.set.version, url, appliedAt: null, trial: true },
          warnings: [...local.warnings, ...c.eff.warnings],
          local,
          current: { set: c.set, stored: trial.set },
          trial,
          refusals: [...store.takeReports(), ...refusals],
          store,
        };
      }
      // It checked out when it was received: the local file or this build's keys changed since.
      log.audit('config.rollback', { version: trial.set.version, to: store.lastGood()?.version ?? 'local', detail: c.refusal.detail });
      store.abandonTrial(c.refusal);
    }
  }

  const reports = store.takeReports();
  let last = store.lastGood();
  const stale = last ? staleDocuments(last, want) : [];
  if (last && stale.length > 0) {
    // The technician moved the kiosk to another clinic or id: not a refusal, a fresh start.
    log.info('config.last_good_stale', { version: last.version, documents: stale });
    store.dropLastGood();
    last = null;
  }
  if (last) {
    const c = check(last);
    if (c.ok) {
      return {
        config: c.eff.config,
        origin: { source: 'central', version: last.version, url, appliedAt: last.appliedAt ?? null, trial: false },
        warnings: [...local.warnings, ...c.eff.warnings],
        local,
        current: { set: c.set, stored: last },
        trial: null,
        refusals: [...reports, ...refusals],
        store,
      };
    }
    log.error('config.last_good_refused', { version: last.version, reason: c.refusal.reason, detail: c.refusal.detail });
    refusals.push(c.refusal);
    store.dropLastGood();
  }
  return onLocal(store, [...reports, ...refusals]);
}
