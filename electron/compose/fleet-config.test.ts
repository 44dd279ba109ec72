// The hosts' wiring of the central configuration: a kiosk on its local file gets the fleet's
// document and restarts into it, confirms it, and a configuration it cannot even start on is
// given up at once (the host restarts onto the last good one).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadKioskConfig } from '../core/config/load';
import { signedConfig } from '../core/fleet-config/testing/documents';
import type { Logger } from '../core/ports';
import { startFeedServer, type FeedServer } from '../core/updates/testing/feed-server';
import { testKey } from '../core/updates/testing/releases';
import { bootConfig, giveUpTrialAfterStartFailure, heldLog, startFleetConfig } from './fleet-config';

const key = testKey();
let dir: string;
let server: FeedServer;
const events: string[] = [];
const log: Logger = { info: (e) => void events.push(e), warn: (e) => void events.push(e), error: (e) => void events.push(e), audit: (e) => void events.push(`audit:${e}`) };

beforeEach(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'infomat-compose-fleet-'));
  server = await startFeedServer();
  events.length = 0;
  writeFileSync(path.join(dir, 'config.json'), JSON.stringify({ kioskId: 'K-1', api: { baseUrl: 'https://mis.example.ru/api' }, fleet: { url: server.url } }));
});
afterEach(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

function boot() {
  const loaded = loadKioskConfig({ path: path.join(dir, 'config.json'), onMissing: 'problem' });
  if (!loaded.ok) throw new Error(loaded.problems.join('; '));
  return bootConfig(loaded, { userDataDir: path.join(dir, 'data'), log, keys: [key.pinned] });
}

const core = (h: { mis: 'ok' | 'down'; printer: 'ready' | 'offline' }) => {
  const refused: string[] = [];
  return {
    refused,
    patientActivity: () => ({ sessionActive: false, lastActivity: null }),
    checkHealth: async () => ({ ...h, checkedAt: null }),
    metrics: { configInfo() {}, configRefused: (r: string) => void refused.push(r) } as never,
  };
};

describe('compose: the central configuration in a host', () => {
  it('takes the fleet document, restarts into it, confirms it; a start failure on trial gives it up', async () => {
    server.files.set('fleet.json', signedConfig('fleet.json', 1, { language: 'en' }, [key]));
    const first = boot();
    expect(first.origin.source).toBe('local');
    let restarts = 0;
    const running = startFleetConfig(first, { core: core({ mis: 'ok', printer: 'ready' }), log, restart: () => void restarts++, fetch: (u, i) => fetch(u, i), keys: [key.pinned], autoCheck: false, tickMs: 60_000 });
    expect(await running.runner!.check()).toEqual({ kind: 'ready', version: 'f1' });
    expect(await running.runner!.tick()).toMatchObject({ kind: 'restarting' });
    running.stop();
    expect(restarts).toBe(1);

    const trial = boot();
    expect(trial.origin).toMatchObject({ version: 'f1', trial: true });
    expect(trial.config.language).toBe('en');
    const confirmed = startFleetConfig(trial, { core: core({ mis: 'ok', printer: 'ready' }), log, restart: () => {}, fetch: (u, i) => fetch(u, i), keys: [key.pinned], autoCheck: false, tickMs: 60_000 });
    expect(await confirmed.runner!.tick()).toEqual({ kind: 'confirmed', version: 'f1' });
    expect(confirmed.origin()).toMatchObject({ trial: false });
    confirmed.stop();

    server.files.set('fleet.json', signedConfig('fleet.json', 2, { language: 'ru' }, [key]));
    const again = startFleetConfig(boot(), { core: core({ mis: 'ok', printer: 'ready' }), log, restart: () => {}, fetch: (u, i) => fetch(u, i), keys: [key.pinned], autoCheck: false, tickMs: 60_000 });
    await again.runner!.check();
    await again.runner!.tick();
    again.stop();
    const broken = boot();
    expect(broken.origin).toMatchObject({ version: 'f2', trial: true });
    expect(giveUpTrialAfterStartFailure(broken, new Error('scanner port busy'), log)).toBe(true);
    expect(events).toContain('audit:config.rollback');
    const back = boot();
    expect(back.origin).toMatchObject({ version: 'f1', trial: false });
    expect(back.refusals.map((r) => r.reason)).toEqual(['unhealthy']);
    expect(giveUpTrialAfterStartFailure(back, new Error('x'), log)).toBe(false);
  });

  it('holds the boot lines until the file logger exists', () => {
    const held = heldLog();
    held.info('config.boot', { source: 'local' });
    held.audit('config.rollback');
    const got: string[] = [];
    held.replay({ info: (e) => void got.push(`info:${e}`), warn() {}, error() {}, audit: (e) => void got.push(`audit:${e}`) });
    held.replay({ info: (e) => void got.push(`again:${e}`), warn() {}, error() {}, audit() {} });
    expect(got).toEqual(['info:config.boot', 'audit:config.rollback']);
  });
});
