// The service-mode PIN lock through the whole composition, as a PIN guesser at the kiosk meets
// it: the real scrypt hash, the bridge, the private data folder, the metrics page. The kiosk is
// "restarted" by closing the core and building a new one on the same data folder; its
// monotonic clock starts again elsewhere, and its wall clock is set back and forward.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BridgeMethod } from '../common/bridge-contract';
import { KioskConfigSchema } from '../core/config/schema';
import { hashPin } from '../core/service/pin';
import { recordingLogger } from '../printing/test-helpers';
import type { RunningSimulator } from '../../simulator/server';
import { NOW, startTestSim } from '../../simulator/test-helpers';
import { createKioskCore, type KioskCore } from './kiosk-core';

const PIN = '246810';
const HASH = hashPin(PIN);
const MIN = 60_000;

let sim: RunningSimulator;
let dir: string;
let core: KioskCore | null = null;
let mono = 0;
let wall = new Date(NOW).getTime();
let log = recordingLogger();

beforeAll(async () => {
  sim = await startTestSim();
  dir = await mkdtemp(path.join(os.tmpdir(), 'infomat-pin-lock-'));
});
afterAll(async () => {
  await core?.close();
  await sim.close();
  await rm(dir, { recursive: true, force: true });
});

const config = () =>
  KioskConfigSchema.parse({
    kioskId: 'LOCK-01',
    api: { baseUrl: sim.url, timeoutMs: 2500, retries: 0 },
    printer: { enabled: false },
    telemetry: { metricsPort: 0 },
    service: { pinHash: HASH },
  });

/** Starts the kiosk (again) on the same data folder, its monotonic clock at `monoAtStart`. */
async function start(monoAtStart: number): Promise<void> {
  await core?.close();
  mono = monoAtStart;
  log = recordingLogger();
  core = await createKioskCore(config(), { log, userDataDir: dir, now: () => new Date(wall), clock: () => mono, version: '9.9.9' });
}

async function value(method: BridgeMethod, input: unknown = {}): Promise<unknown> {
  const r = await core!.dispatcher(method, input);
  if (!r.ok) throw new Error(`${method}: ${JSON.stringify(r.error)}`);
  return r.value;
}
const enter = (pin: string) => value('serviceEnter', { pin });
async function fiveWrong(): Promise<unknown> {
  for (let i = 1; i < 5; i++) await enter('000000');
  return enter('000000');
}
const lockouts = async () => {
  const text = await (await fetch(`${core!.metricsUrl()}/metrics`)).text();
  return Number(/^infomat_service_lockouts_total (\S+)$/m.exec(text)?.[1]);
};

describe('service-mode PIN lock in the composed kiosk', () => {
  it('survives restarts and clock jumps, escalates 5 → 15 → 60 → 60 minutes, and resets on the right PIN', async () => {
    await start(1_000);
    expect(await lockouts()).toBe(0);
    for (let left = 4; left >= 1; left--) expect(await enter('000000')).toEqual({ state: 'wrong', attemptsLeft: left });

    // A restart does not give the guesser five fresh tries.
    await start(5);
    expect(await enter('000000')).toEqual({ state: 'locked', minutesLeft: 5 });
    expect(await value('serviceGate')).toEqual({ state: 'locked', minutesLeft: 5 });
    expect(await lockouts()).toBe(1);
    mono += 5 * MIN;
    expect(await value('serviceGate')).toEqual({ state: 'ready', minutesLeft: null });

    // The second lock in a row is 15 minutes.
    expect(await fiveWrong()).toEqual({ state: 'locked', minutesLeft: 15 });
    mono += 3 * MIN;

    // Restart with the wall clock a day back: the lock is what was left, not a minute less.
    wall -= 24 * 60 * MIN;
    await start(42);
    expect(await value('serviceGate')).toEqual({ state: 'locked', minutesLeft: 12 });
    expect(await enter(PIN)).toEqual({ state: 'locked', minutesLeft: 12 });
    // Nor does the wall clock running a year ahead end it.
    wall += 365 * 24 * 60 * MIN;
    expect(await value('serviceGate')).toEqual({ state: 'locked', minutesLeft: 12 });
    // A lock resumed after a restart is not a new lockout.
    expect(await lockouts()).toBe(0);
    expect(log.entries.filter((e) => e.event === 'service.lock_resumed').map((e) => e.data)).toEqual([{ minutes: 12, level: 2 }]);
    mono += 12 * MIN;

    // Then 60 minutes, and 60 again.
    expect(await fiveWrong()).toEqual({ state: 'locked', minutesLeft: 60 });
    mono += 60 * MIN;
    expect(await fiveWrong()).toEqual({ state: 'locked', minutesLeft: 60 });
    mono += 60 * MIN;

    // The right PIN opens and starts the escalation again.
    expect(await enter(PIN)).toMatchObject({ state: 'open' });
    await value('serviceExit');
    expect(await fiveWrong()).toEqual({ state: 'locked', minutesLeft: 5 });
    expect(await lockouts()).toBe(3);

    const audits = log.entries.filter((e) => e.event === 'service.locked').map((e) => e.data?.minutes);
    expect(audits).toEqual([60, 60, 5]);
    const saved = await readFile(path.join(dir, 'service', 'pin-guard.json'), 'utf8');
    expect(saved).not.toContain(PIN);
    expect(saved).not.toContain('scrypt');
  }, 30_000);
});
