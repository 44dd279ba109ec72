// What the N3 adapter keeps for a patient (IdPat per clinic, the referral tree, booked slots)
// goes when their session ends, through the same onEnd as the booking ledger: «Начать заново»,
// «Готово» and the idle wipe all reach it. Checked on the real adapter against the N3 simulator.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BridgeMethod, Envelope, Referral } from '../common/bridge-contract';
import { KioskConfigSchema } from '../core/config/schema';
import { ApiError } from '../core/api/api-error';
import { createN3Adapter } from '../core/mis/n3/n3-adapter';
import type { Mis } from '../core/mis/port';
import { recordingLogger } from '../printing/test-helpers';
import { startN3Simulator, type RunningN3Simulator } from '../../simulator/n3/server';
import { HUB_GUID } from '../../simulator/n3/seed';
import { N3_NOW } from '../../simulator/n3/test-helpers';
import { createKioskCore, type KioskCore } from './kiosk-core';

let sim: RunningN3Simulator;
let dir: string;
let core: KioskCore;
/** The handles the adapter gave out, to knock on its door after the session ended. */
let handles: string[];
let mis: Mis;

beforeEach(async () => {
  sim = await startN3Simulator({ now: N3_NOW, quiet: true });
  dir = await mkdtemp(path.join(os.tmpdir(), 'infomat-n3-end-'));
  handles = [];
  const real = createN3Adapter({ baseUrl: sim.url, servicePath: '/HubService.svc', guid: HUB_GUID, idLpu: 101, timeZone: 'Europe/Moscow', timeoutMs: 5000, retries: 0, maxResponseBytes: 1 << 21 });
  mis = {
    ...real,
    capabilities: real.capabilities,
    identify: async (who) => {
      const c = await real.identify(who);
      handles.push(c.token);
      return c;
    },
  };
  const config = KioskConfigSchema.parse({
    kioskId: 'N3-END',
    api: { kind: 'n3', baseUrl: sim.url, n3: { guid: HUB_GUID, idLpu: 101 } },
    printer: { enabled: false },
  });
  core = await createKioskCore(config, { log: recordingLogger(), userDataDir: dir, now: () => new Date(N3_NOW), mis });
});

afterEach(async () => {
  await core.close();
  await sim.close();
  await rm(dir, { recursive: true, force: true });
});

async function value<T>(method: BridgeMethod, input: unknown = {}): Promise<T> {
  const r = (await core.dispatcher(method, input)) as Envelope<T>;
  if (!r.ok) throw new Error(`${method}: ${r.error.problem}`);
  return r.value;
}

const refused = (p: Promise<unknown>) => p.then(() => null, (e: unknown) => e as ApiError);

describe('N3 patient state and the session', () => {
  it.each([
    ['the patient ends the session', () => value('endSession')],
    ['the kiosk wipes it (idle, new renderer)', async () => core.endSession()],
  ])('is gone when %s', async (_, end) => {
    await value('identify', { policy: '7800000000000001', birthDate: '1979-04-12' });
    const ref = await value<Referral>('findReferral', { number: '4700000012345', surname: 'Петров' });
    // While the session lives, the adapter answers for this patient.
    await expect(mis.clinics(handles[0]!, ref.guid)).resolves.toHaveLength(1);
    await end();
    const after = await refused(mis.clinics(handles[0]!, ref.guid));
    expect(after).toMatchObject({ kind: 'auth', code: 'n3-session' });
  });
});
