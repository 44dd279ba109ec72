// The central configuration's cycle on one kiosk, every step plain code under plain Node
// (compose/fleet-config.ts only gives it timers, the core's health and the host's restart):
//   check  read fleet.json, the clinic's and the kiosk's document from fleet.url; check each
//          signature against the pinned configuration keys, the revisions against what runs,
//          and the combined configuration against the config schema; a refusal is logged,
//          audited and counted, and the kiosk keeps what it runs;
//   tick   every few seconds: a configuration that passed waits for a quiet moment (no patient,
//          no technician, the screen untouched for QUIET_MS), is written as the trial with the
//          health the kiosk has now, and the kiosk restarts into it. After that restart the
//          tick watches the trial: each of the MIS and the printer that worked before must
//          work again within fleet.trialSeconds, or the kiosk goes back to its last good
//          configuration (at the next quiet moment) and refuses this one for good.
import type { Logger } from '../ports';
import type { MetricsSink } from '../telemetry/sink';
import type { FetchLike } from '../updates/feed-fetch';
import type { PinnedKey } from '../updates/metadata-signature';
import type { ConfigOrigin, FleetBoot } from './boot';
import { baselineOf, judgeTrial, quietMoment, revisionProblem, type Activity, type HealthReading, type TrialSeen } from './decide';
import { effectiveConfig, setHash, setVersion, type LayerSet } from './effective';
import { reportConfigRefusal, type ConfigRefusal } from './refusals';
import { fetchSet, readSet, storedSetOf, wantedDocuments } from './sets';
import type { StoredSet } from './store';

export interface FleetConfigRunnerDeps {
  boot: FleetBoot;
  keys: readonly PinnedKey[];
  fetch: FetchLike;
  log: Logger;
  metrics: Pick<MetricsSink, 'configRefused' | 'configInfo'>;
  activity(): Activity;
  quietMs: number;
  /** A fresh look at the printer and the MIS (the core's health monitor). */
  health(): Promise<HealthReading>;
  /** The host's restart (Electron relaunches itself; the browser host exits for its supervisor). */
  restart(): void;
  read?: (file: string) => string;
  now?: () => Date;
}

export type CheckResult =
  | { kind: 'unchanged' }
  | { kind: 'ready'; version: string }
  | { kind: 'refused'; reason: ConfigRefusal['reason'] }
  | { kind: 'unreachable'; detail: string }
  /** The set was given up as unhealthy before; the server has not offered another. */
  | { kind: 'refused-before'; version: string }
  /** Checks wait while a configuration is on trial or the kiosk is restarting. */
  | { kind: 'busy' };

export type TickResult =
  | { kind: 'idle' }
  | { kind: 'waiting'; version: string }
  | { kind: 'restarting'; version: string; why: 'apply' | 'rollback' }
  | { kind: 'trial'; version: string }
  | { kind: 'confirmed'; version: string }
  | { kind: 'rolling-back'; version: string };

export interface FleetConfigRunner {
  check(): Promise<CheckResult>;
  tick(): Promise<TickResult>;
  /** Where the running configuration came from; changes when a trial is confirmed. */
  origin(): ConfigOrigin;
}

export function createFleetConfigRunner(deps: FleetConfigRunnerDeps): FleetConfigRunner {
  const { boot, log } = deps;
  const store = boot.store;
  const url = boot.local.config.fleet.url;
  if (!store || !url) throw new Error('the configuration cycle needs fleet.url and its store');
  const now = deps.now ?? (() => new Date());
  const want = wantedDocuments(boot.local.config.kioskId, boot.local.config.fleet.clinic);
  const trialMs = boot.local.config.fleet.trialSeconds * 1000;
  let origin: ConfigOrigin = { ...boot.origin };
  const current: LayerSet | null = boot.current?.set ?? null;
  const currentHash = current ? setHash(current) : null;
  let pending: { stored: StoredSet; version: string } | null = null;
  let trial = boot.trial ? { startedAt: now(), seen: { mis: false, printer: false } as TrialSeen } : null;
  let rollback: ConfigRefusal | null = null;
  let restarting = false;
  /** One refusal is counted once per distinct documents, not at every check. */
  let lastRefusedKey: string | null = null;
  let lastWaitLogged: string | null = null;
  let lastSkipLogged: string | null = null;
  let checking: Promise<CheckResult> | null = null;
  let ticking = false;

  for (const r of boot.refusals) reportConfigRefusal(log, deps.metrics, r);

  const refuse = (key: string, r: ConfigRefusal): CheckResult => {
    pending = null;
    if (key !== lastRefusedKey) {
      lastRefusedKey = key;
      reportConfigRefusal(log, deps.metrics, r);
    }
    return { kind: 'refused', reason: r.reason };
  };

  async function runCheck(): Promise<CheckResult> {
    if (trial || restarting) return { kind: 'busy' };
    const got = await fetchSet(url!, want, deps.fetch);
    if (got.kind === 'unreachable') {
      log.warn('config.check_failed', { detail: got.detail });
      return got;
    }
    const bytesKey = [got.docs.fleet, got.docs.clinic?.bytes, got.docs.kiosk?.bytes].map((b) => b?.toString('base64') ?? '-').join('|');
    const read = readSet(got.docs, deps.keys);
    if (!read.ok) return refuse(bytesKey, { reason: read.reason, detail: read.detail });
    const set = read.set;
    const version = setVersion(set);
    const hash = setHash(set);
    if (hash === currentHash) {
      pending = null;
      return { kind: 'unchanged' };
    }
    if (store!.isRefused(hash)) {
      pending = null;
      if (lastSkipLogged !== hash) log.info('config.skipped', { version, reason: 'given up as unhealthy before; publish a new revision' });
      lastSkipLogged = hash;
      return { kind: 'refused-before', version };
    }
    const lowered = revisionProblem(current, set);
    if (lowered) return refuse(bytesKey, { reason: 'revision-lowered', detail: lowered, version });
    const eff = effectiveConfig(boot.local.raw, set, boot.local.path, deps.read);
    if (!eff.ok) return refuse(bytesKey, { reason: 'invalid', detail: 'the combined configuration fails the config schema', version, problems: eff.problems });
    if (pending?.stored.hash !== hash) log.info('config.received', { version, running: origin.version });
    pending = { stored: storedSetOf(set, url!, now()), version };
    return { kind: 'ready', version };
  }

  async function watchTrial(t: NonNullable<typeof trial>): Promise<TickResult> {
    const version = origin.version;
    if (rollback) return restartWhenQuiet('rollback', version);
    const h = await deps.health();
    t.seen = { mis: t.seen.mis || h.mis === 'ok', printer: t.seen.printer || baselineOf(h).printer };
    const verdict = judgeTrial({ baseline: boot.trial!.baseline, seen: t.seen, elapsedMs: now().getTime() - t.startedAt.getTime(), trialMs });
    if (verdict.kind === 'wait') return { kind: 'trial', version };
    if (verdict.kind === 'confirm') {
      const set = store!.confirmTrial(now());
      trial = null;
      origin = { ...origin, trial: false, appliedAt: set?.appliedAt ?? now().toISOString() };
      log.audit('config.applied', { version, previous: boot.trial!.previous, source: 'central' });
      return { kind: 'confirmed', version };
    }
    rollback = { reason: 'unhealthy', detail: verdict.detail, version };
    log.warn('config.unhealthy', { version, detail: verdict.detail, seen: t.seen, baseline: boot.trial!.baseline });
    // Given up at once (the next start, whenever it comes, is on the last good configuration);
    // counted by that start (refused.json): this process ends with the restart, its metrics too.
    store!.abandonTrial(rollback);
    log.audit('config.rollback', { version, to: store!.lastGood()?.version ?? 'local', detail: rollback.detail });
    return restartWhenQuiet('rollback', version);
  }

  function restartWhenQuiet(why: 'apply' | 'rollback', version: string): TickResult {
    if (!quietMoment(deps.activity(), now(), deps.quietMs)) {
      if (lastWaitLogged !== `${why}:${version}`) log.info('config.waiting', { version, for: why, reason: 'patient-at-screen' });
      lastWaitLogged = `${why}:${version}`;
      return why === 'rollback' ? { kind: 'rolling-back', version } : { kind: 'waiting', version };
    }
    restarting = true;
    deps.restart();
    return { kind: 'restarting', version, why };
  }

  async function tick(): Promise<TickResult> {
    if (restarting) return { kind: 'idle' };
    if (trial) return watchTrial(trial);
    if (!pending) return { kind: 'idle' };
    const p = pending;
    if (!quietMoment(deps.activity(), now(), deps.quietMs)) return restartWhenQuiet('apply', p.version);
    // What works now is what the new configuration must keep working.
    const baseline = baselineOf(await deps.health());
    if (pending !== p || restarting) return { kind: 'idle' };
    if (!quietMoment(deps.activity(), now(), deps.quietMs)) return restartWhenQuiet('apply', p.version);
    try {
      store!.beginTrial({ set: p.stored, decidedAt: now().toISOString(), boots: 0, baseline, previous: origin.version });
    } catch (err) {
      log.error('config.store_failed', { error: err instanceof Error ? err.message : String(err) });
      return { kind: 'idle' };
    }
    log.audit('config.applying', { version: p.version, previous: origin.version, baseline });
    return restartWhenQuiet('apply', p.version);
  }

  deps.metrics.configInfo(origin.version, origin.source);
  return {
    check() {
      checking ??= runCheck()
        .catch((err: unknown): CheckResult => {
          log.error('config.check_error', { error: err instanceof Error ? err.message : String(err) });
          return { kind: 'unreachable', detail: String(err) };
        })
        .finally(() => (checking = null));
      return checking;
    },
    async tick() {
      if (ticking) return { kind: 'idle' };
      ticking = true;
      try {
        return await tick();
      } finally {
        ticking = false;
      }
    },
    origin: () => origin,
  };
}
