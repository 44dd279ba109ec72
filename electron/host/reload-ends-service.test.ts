// A reload in the browser host closes service mode (and the patient session) the way Electron's
// reload does: the real host, wired to the real composed core by run-host's own hooks, and a
// page load of the kiosk page with the current cookie, as Chromium sends it on F5.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Envelope } from '../common/bridge-contract';
import { createKioskCore, type KioskCore } from '../compose/kiosk-core';
import { KioskConfigSchema } from '../core/config/schema';
import { hashPin } from '../core/service/pin';
import { recordingLogger } from '../printing/test-helpers';
import type { RunningSimulator } from '../../simulator/server';
import { NOW, P, startTestSim } from '../../simulator/test-helpers';
import { startBrowserHost, type RunningBrowserHost } from './browser-host';
import { kioskHostHooks } from './run-host';

const PIN = '246810';

let sim: RunningSimulator;
let tmp: string;
let core: KioskCore;
let host: RunningBrowserHost;
const hostLog = recordingLogger();
const coreLog = recordingLogger();

beforeAll(async () => {
  sim = await startTestSim();
  tmp = mkdtempSync(path.join(os.tmpdir(), 'infomat-host-reload-'));
  const rendererDir = path.join(tmp, 'renderer');
  mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><html><head><title>t</title></head><body></body></html>');
  writeFileSync(path.join(rendererDir, 'assets', 'index-AbC123.js'), 'console.log(1)');
  const config = KioskConfigSchema.parse({
    kioskId: 'RELOAD-01',
    api: { baseUrl: sim.url, timeoutMs: 2500, retries: 0 },
    printer: { enabled: false },
    service: { pinHash: hashPin(PIN) },
  });
  core = await createKioskCore(config, { log: coreLog, userDataDir: path.join(tmp, 'state'), now: () => new Date(NOW) });
  host = await startBrowserHost({ ...kioskHostHooks(core), rendererDir, log: hostLog });
});
afterAll(async () => {
  await host.close();
  await core.close();
  await sim.close();
  rmSync(tmp, { recursive: true, force: true });
});

/** What the browser does with a launch URL: the cookie, then the page it was sent to. */
async function launch(): Promise<string> {
  const r = await fetch(host.issueLaunchUrl(), { redirect: 'manual' });
  expect(r.status).toBe(303);
  const cookie = r.headers.get('set-cookie')!.split(';')[0]!;
  expect((await page(cookie)).status).toBe(200);
  return cookie;
}
const page = (cookie: string, method = 'GET', pathname = '/') => fetch(`${host.origin}${pathname}`, { method, headers: { Cookie: cookie } });
async function call(cookie: string, method: string, input: unknown = {}): Promise<Envelope<unknown>> {
  const r = await fetch(`${host.origin}/__kiosk/call/${method}`, {
    method: 'POST',
    headers: { Cookie: cookie, 'Content-Type': 'application/json', 'X-Kiosk-Bridge': '1' },
    body: JSON.stringify(input),
  });
  expect(r.status).toBe(200);
  return (await r.json()) as Envelope<unknown>;
}
const serviceOpen = async (cookie: string) => (await call(cookie, 'serviceStatus')).ok;
const exits = () => coreLog.entries.filter((e) => e.event === 'service.exit').map((e) => e.data?.reason);

describe('browser host: a reload of the kiosk page', () => {
  it('closes service mode in the core, as Electron\'s reload does', async () => {
    const cookie = await launch();
    expect(await call(cookie, 'serviceEnter', { pin: PIN })).toMatchObject({ ok: true, value: { state: 'open' } });
    expect(await serviceOpen(cookie)).toBe(true);

    // Neither a HEAD, nor a file of the page, nor a bridge call is a new page.
    expect((await page(cookie, 'HEAD')).status).toBe(200);
    expect((await page(cookie, 'GET', '/assets/index-AbC123.js')).status).toBe(200);
    expect(await serviceOpen(cookie)).toBe(true);

    expect((await page(cookie)).status).toBe(200);
    expect(await call(cookie, 'serviceStatus')).toMatchObject({ ok: false, error: { kind: 'session' } });
    expect(exits()).toEqual(['renderer']);
    expect(hostLog.entries.filter((e) => e.event === 'host.renderer_reloaded')).toHaveLength(1);

    // The technician types the PIN again, as after Electron's reload.
    expect(await call(cookie, 'serviceEnter', { pin: PIN })).toMatchObject({ ok: true, value: { state: 'open' } });
    expect(await serviceOpen(cookie)).toBe(true);
  });

  it('ends the patient session too, and a page spelled /index.html is the same page', async () => {
    const cookie = await launch();
    expect((await call(cookie, 'identify', { policy: P.P1.n_pol, birthDate: P.P1.Birthday })).ok).toBe(true);
    expect((await call(cookie, 'listReferrals')).ok).toBe(true);
    expect((await page(cookie, 'GET', '/index.html')).status).toBe(200);
    expect(await call(cookie, 'listReferrals')).toMatchObject({ ok: false, error: { kind: 'session' } });
  });

  it('a new launch ends it once, not again at the page the launch leads to', async () => {
    const before = hostLog.entries.filter((e) => e.event === 'host.renderer_reloaded').length;
    const cookie = await launch();
    expect(await call(cookie, 'serviceEnter', { pin: PIN })).toMatchObject({ ok: true, value: { state: 'open' } });
    const exitsBefore = exits().length;
    const next = await launch(); // another browser: the first cookie is revoked, service mode closed
    expect(exits().slice(exitsBefore)).toEqual(['renderer']);
    expect(await call(next, 'serviceStatus')).toMatchObject({ ok: false, error: { kind: 'session' } });
    expect(hostLog.entries.filter((e) => e.event === 'host.renderer_reloaded').length).toBe(before);
  });
});
