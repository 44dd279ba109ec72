// The update installer's "no patient at the screen" seen through the whole composition: the real
// kiosk core with Welcome's real polling (health every HEALTH_POLL_MS, scans every POLL_MS) is
// quiet after two minutes and may install in the window; a tap makes it a patient's screen again.
// infomat_patient_idle_seconds says the same on the metrics endpoint.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HEALTH_POLL_MS, SCAN_POLL_MS as POLL_MS } from '../../renderer/src/logic/polling';
import { KioskConfigSchema } from '../core/config/schema';
import { QUIET_MS, decideInstall } from '../core/updates/decide';
import { recordingLogger } from '../printing/test-helpers';
import type { RunningSimulator } from '../../simulator/server';
import { startTestSim } from '../../simulator/test-helpers';
import { createKioskCore, type KioskCore } from './kiosk-core';

// 02:30 in Moscow: inside the default 02:00–05:00 maintenance window.
const START = Date.parse('2026-11-27T02:30:00+03:00');
let clock = START;
let sim: RunningSimulator;
let dir: string;
let core: KioskCore;

beforeEach(async () => {
  clock = START;
  sim = await startTestSim();
  dir = await mkdtemp(path.join(os.tmpdir(), 'infomat-idle-'));
  const config = KioskConfigSchema.parse({
    kioskId: 'IDLE-01',
    api: { baseUrl: sim.url, timeoutMs: 2500, retries: 0 },
    printer: { enabled: false },
    scanner: { type: 'keyboard' },
    telemetry: { metricsPort: 0 },
  });
  core = await createKioskCore(config, { log: recordingLogger(), userDataDir: dir, now: () => new Date(clock) });
});
afterEach(async () => {
  await core.close();
  await sim.close();
  await rm(dir, { recursive: true, force: true });
});

/** Welcome left alone for `ms`: its polling as the screen does it, on the kiosk's clock. */
async function untouchedWelcome(ms: number): Promise<void> {
  for (let t = 0; t < ms; t += POLL_MS) {
    clock += POLL_MS;
    await core.dispatcher('takeScan', {});
    if (t % HEALTH_POLL_MS < POLL_MS) await core.dispatcher('kioskHealth', {});
  }
}

const decide = () =>
  decideInstall({
    now: new Date(clock),
    window: { start: '02:00', end: '05:00' },
    timeZone: 'Europe/Moscow',
    downloaded: '1.2.3',
    ...core.patientActivity(),
    quietMs: QUIET_MS,
    lastRestartNight: null,
  });

async function idleGauge(): Promise<number> {
  const text = await (await fetch(`${core.metricsUrl()}/metrics`)).text();
  return Number(/^infomat_patient_idle_seconds (\S+)$/m.exec(text)?.[1]);
}

describe('patient activity is a patient\'s', () => {
  it('Welcome\'s own polling is not a patient: after two quiet minutes the update installs; a tap stops it', async () => {
    await untouchedWelcome(QUIET_MS + 1000);
    expect(decide()).toMatchObject({ kind: 'install' });
    await core.dispatcher('patientInput', {});
    expect(decide()).toEqual({ kind: 'wait', reason: 'patient-at-screen' });
    // A scan is someone at the kiosk too, even on no listening screen.
    await untouchedWelcome(QUIET_MS + 1000);
    expect(decide()).toMatchObject({ kind: 'install' });
    await core.dispatcher('scanKeys', { digits: '5000000000000001' });
    expect(decide()).toEqual({ kind: 'wait', reason: 'patient-at-screen' });
  });

  it('infomat_patient_idle_seconds: ≥ 55 after 65 s on an untouched Welcome, < 10 right after taps', async () => {
    await untouchedWelcome(65_000);
    expect(await idleGauge()).toBeGreaterThanOrEqual(55);
    for (let i = 0; i < 3; i++) {
      clock += 1000;
      await core.dispatcher('patientInput', {});
    }
    await untouchedWelcome(2000);
    expect(await idleGauge()).toBeLessThan(10);
  });
});
