// The configuration cycle against a loopback server and a real store in a temp folder: a
// kiosk picks up a signed override at a quiet moment, restarts into it on trial, confirms it
// when the MIS and the printer come back, rolls back one that leaves it unhealthy, refuses a
// wrongly signed, invalid or replayed one and keeps running what it has. "Restarts" are a new
// boot from the same folder, as after the host's restart.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { validateConfigObject } from '../config/load';
import type { Logger } from '../ports';
import { startFeedServer, type FeedServer } from '../updates/testing/feed-server';
import { testKey } from '../updates/testing/releases';
import { resolveBootConfig, type FleetBoot, type LocalConfig } from './boot';
import type { HealthReading } from './decide';
import type { ConfigRefusalReason } from './refusals';
import { createFleetConfigRunner, type FleetConfigRunner } from './runner';
import { signedConfig } from './testing/documents';

const key = testKey();
const stranger = testKey();
const QUIET = 120_000;

interface Harness {
  boot: FleetBoot;
  runner: FleetConfigRunner;
  restarts: number;
  refused: ConfigRefusalReason[];
  info: Array<[string, string]>;
  events: Array<{ level: string; event: string; data?: Record<string, unknown> }>;
}

let server: FeedServer;
let dir: string;
let clock: Date;
let activity: { sessionActive: boolean; lastActivity: Date | null };
let health: HealthReading;

beforeEach(async () => {
  server = await startFeedServer();
  dir = mkdtempSync(path.join(os.tmpdir(), 'infomat-fleet-'));
  clock = new Date('2026-11-20T10:00:00Z');
  activity = { sessionActive: false, lastActivity: null };
  health = { printer: 'ready', mis: 'ok' };
});
afterEach(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

function local(extra: Record<string, unknown> = {}): LocalConfig {
  const raw = {
    kioskId: 'K-1',
    api: { baseUrl: 'https://mis.example.ru/api' },
    fleet: { url: server.url, clinic: 'C42', trialSeconds: 60 },
    ...extra,
  };
  const file = path.join(dir, 'config.json');
  const r = validateConfigObject(raw, file);
  if (!r.ok) throw new Error(r.problems.join('\n'));
  return { config: r.config, raw: r.raw, path: file, warnings: r.warnings };
}

/** One start of the kiosk: the boot from the folder, then the cycle. */
function start(extra?: Record<string, unknown>): Harness {
  const events: Harness['events'] = [];
  const rec = (level: string) => (event: string, data?: Record<string, unknown>) => void events.push({ level, event, data });
  const log: Logger = { info: rec('info'), warn: rec('warn'), error: rec('error'), audit: rec('audit') };
  const boot = resolveBootConfig(local(extra), { dataDir: dir, keys: [key.pinned], log });
  const h: Harness = { boot, runner: null as unknown as FleetConfigRunner, restarts: 0, refused: [], info: [], events };
  h.runner = createFleetConfigRunner({
    boot,
    keys: [key.pinned],
    fetch: (url, init) => fetch(url, init),
    log,
    metrics: { configRefused: (r) => void h.refused.push(r), configInfo: (v, s) => void h.info.push([v, s]) },
    activity: () => activity,
    quietMs: QUIET,
    health: async () => health,
    restart: () => void h.restarts++,
    now: () => clock,
  });
  return h;
}

const publish = (name: string, revision: number, config: Record<string, unknown>, keys = [key]) => server.files.set(name, signedConfig(name, revision, config, keys));
const later = (ms: number) => (clock = new Date(clock.getTime() + ms));

/** Fleet defaults only, applied and confirmed: the kiosk runs f1. */
async function onFleetDefaults(): Promise<Harness> {
  publish('fleet.json', 1, { idle: { seconds: 90 } });
  const first = start();
  expect(await first.runner.check()).toEqual({ kind: 'ready', version: 'f1' });
  expect(await first.runner.tick()).toMatchObject({ kind: 'restarting', why: 'apply' });
  const second = start();
  expect(await second.runner.tick()).toEqual({ kind: 'confirmed', version: 'f1' });
  return start();
}

describe('central configuration cycle', () => {
  it('without fleet.url the local file is all there is', () => {
    const raw = { kioskId: 'K-1', api: { baseUrl: 'https://mis.example.ru/api' } };
    const r = validateConfigObject(raw, '/x/config.json');
    if (!r.ok) throw new Error('bad fixture');
    const boot = resolveBootConfig({ config: r.config, raw: r.raw, path: '/x/config.json', warnings: [] }, { dataDir: dir, keys: [key.pinned], log: { info() {}, warn() {}, error() {}, audit() {} } });
    expect(boot.origin).toMatchObject({ source: 'local', version: expect.stringMatching(/^local\.[0-9a-f]{8}$/), url: null });
    expect(boot.store).toBeNull();
  });

  it('before the server answers, the kiosk runs its local file; fleet.json missing changes nothing', async () => {
    const h = start();
    expect(h.boot.origin.source).toBe('local');
    expect(await h.runner.check()).toMatchObject({ kind: 'unreachable', detail: expect.stringContaining('fleet.json') });
    expect(await h.runner.tick()).toEqual({ kind: 'idle' });
    expect(h.info).toEqual([[h.boot.origin.version, 'local']]);
  });

  it('picks up a signed clinic override at a quiet moment, restarts into it on trial and confirms it', async () => {
    const h = await onFleetDefaults();
    expect(h.boot.origin).toMatchObject({ source: 'central', version: 'f1', trial: false });
    expect(h.boot.config.idle.seconds).toBe(90);

    publish('clinics/C42.json', 1, { language: 'en' });
    activity = { sessionActive: true, lastActivity: clock };
    expect(await h.runner.check()).toEqual({ kind: 'ready', version: 'f1.c1' });
    expect(await h.runner.tick()).toEqual({ kind: 'waiting', version: 'f1.c1' });
    activity = { sessionActive: false, lastActivity: clock };
    later(QUIET - 1000);
    expect(await h.runner.tick()).toEqual({ kind: 'waiting', version: 'f1.c1' });
    expect(h.restarts).toBe(0);
    later(1000);
    expect(await h.runner.tick()).toEqual({ kind: 'restarting', version: 'f1.c1', why: 'apply' });
    expect(h.restarts).toBe(1);
    expect(h.events.find((e) => e.event === 'config.applying')?.data).toMatchObject({ version: 'f1.c1', previous: 'f1', baseline: { mis: true, printer: true } });

    const trial = start();
    expect(trial.boot.origin).toMatchObject({ source: 'central', version: 'f1.c1', trial: true });
    expect(trial.boot.config.language).toBe('en');
    expect(await trial.runner.check()).toEqual({ kind: 'busy' });
    expect(await trial.runner.tick()).toEqual({ kind: 'confirmed', version: 'f1.c1' });
    expect(trial.runner.origin()).toMatchObject({ trial: false, appliedAt: clock.toISOString() });
    expect(trial.events.find((e) => e.event === 'config.applied' && e.level === 'audit')).toBeTruthy();

    const next = start();
    expect(next.boot.origin).toMatchObject({ source: 'central', version: 'f1.c1', trial: false });
    expect(await next.runner.check()).toEqual({ kind: 'unchanged' });
  });

  it.each([
    ['wrongly signed', 'unknown-key', () => publish('clinics/C42.json', 2, { language: 'en' }, [stranger])],
    ['edited after signing', 'bad-signature', () => server.files.set('clinics/C42.json', Buffer.from(signedConfig('clinics/C42.json', 2, { language: 'en' }, [key]).toString().replace('"en"', '"ru"')))],
    ['invalid', 'invalid', () => publish('clinics/C42.json', 2, { idle: { seconds: 5 } })],
    ['a local-only setting', 'invalid', () => publish('clinics/C42.json', 2, { demo: true })],
    ['a replay of revision 1 over revision 1', 'revision-lowered', () => publish('fleet.json', 1, { idle: { seconds: 30 } })],
  ] as const)('a %s document is refused, counted once, and the kiosk keeps what it runs', async (_name, reason, mangle) => {
    const h = await onFleetDefaults();
    mangle();
    expect(await h.runner.check()).toEqual({ kind: 'refused', reason });
    expect(await h.runner.check()).toEqual({ kind: 'refused', reason });
    expect(h.refused).toEqual([reason]);
    expect(await h.runner.tick()).toEqual({ kind: 'idle' });
    expect(h.restarts).toBe(0);
    const audit = h.events.find((e) => e.event === 'config.refused' && e.level === 'audit');
    expect(audit?.data).toMatchObject({ reason });
    if (reason === 'invalid' && audit?.data?.problems) expect(audit.data.problems).toEqual([expect.stringMatching(/^idle\.seconds/)]);
    expect(start().boot.origin).toMatchObject({ source: 'central', version: 'f1' });
  });

  it('rolls back a configuration that leaves it unhealthy, counts it after the restart and never tries it again', async () => {
    const h = await onFleetDefaults();
    publish('clinics/C42.json', 1, { printer: { transport: { type: 'tcp', host: '10.9.9.9' } } });
    expect(await h.runner.check()).toMatchObject({ kind: 'ready' });
    expect(await h.runner.tick()).toMatchObject({ kind: 'restarting' });

    health = { printer: 'offline', mis: 'ok' };
    const trial = start();
    expect(trial.boot.origin).toMatchObject({ version: 'f1.c1', trial: true });
    expect(await trial.runner.tick()).toEqual({ kind: 'trial', version: 'f1.c1' });
    later(59_000);
    expect(await trial.runner.tick()).toEqual({ kind: 'trial', version: 'f1.c1' });
    activity = { sessionActive: true, lastActivity: clock };
    later(1_000);
    expect(await trial.runner.tick()).toEqual({ kind: 'rolling-back', version: 'f1.c1' });
    expect(trial.restarts).toBe(0);
    activity = { sessionActive: false, lastActivity: null };
    expect(await trial.runner.tick()).toEqual({ kind: 'restarting', version: 'f1.c1', why: 'rollback' });
    expect(trial.events.find((e) => e.event === 'config.rollback')?.data).toMatchObject({ version: 'f1.c1', to: 'f1', detail: expect.stringContaining('printer') });

    const back = start();
    expect(back.boot.origin).toMatchObject({ source: 'central', version: 'f1', trial: false });
    expect(back.refused).toEqual(['unhealthy']);
    expect(await back.runner.check()).toEqual({ kind: 'refused-before', version: 'f1.c1' });
    expect(start().refused).toEqual([]);
    // A new revision is tried again.
    publish('clinics/C42.json', 2, { language: 'en' });
    expect(await back.runner.check()).toEqual({ kind: 'ready', version: 'f1.c2' });
  });

  it('what was broken before is not held against the new configuration', async () => {
    const h = await onFleetDefaults();
    health = { printer: 'paper-end', mis: 'ok' };
    publish('clinics/C42.json', 1, { language: 'en' });
    await h.runner.check();
    await h.runner.tick();
    expect(await start().runner.tick()).toEqual({ kind: 'confirmed', version: 'f1.c1' });
  });

  it('a configuration the kiosk cannot start on is given up after three starts', async () => {
    const h = await onFleetDefaults();
    publish('kiosks/K-1.json', 1, { language: 'en' });
    await h.runner.check();
    await h.runner.tick();
    for (let i = 1; i <= 3; i++) expect(start().boot.origin).toMatchObject({ version: 'f1.k1', trial: true });
    const fourth = start();
    expect(fourth.boot.origin).toMatchObject({ version: 'f1', trial: false });
    expect(fourth.refused).toEqual(['unhealthy']);
  });

  it('a stored configuration that no longer checks out is refused at start; the kiosk falls back to its local file', async () => {
    await onFleetDefaults();
    const file = path.join(dir, 'fleet-config', 'last-good.json');
    writeFileSync(file, readFileSync(file, 'utf8').replace('90', '95'));
    const h = start();
    expect(h.boot.origin.source).toBe('local');
    expect(h.refused).toEqual(['bad-signature']);
    expect(h.events.some((e) => e.event === 'config.last_good_refused')).toBe(true);
  });

  it('the kiosk renamed to another clinic does not start on the old clinic\'s documents', async () => {
    const h = await onFleetDefaults();
    publish('clinics/C42.json', 1, { language: 'en' });
    await h.runner.check();
    await h.runner.tick();
    await start().runner.tick();
    const moved = start({ fleet: { url: server.url, clinic: 'C43' } });
    expect(moved.boot.origin.source).toBe('local');
    expect(moved.refused).toEqual([]);
    expect(moved.events.some((e) => e.event === 'config.last_good_stale')).toBe(true);
  });
});
