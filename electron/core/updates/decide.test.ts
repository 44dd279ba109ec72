// The auto-update decisions, in the clinic's zone (Moscow) while the machine runs New York time.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decideInstall, firstCheckDelayMs, maintenanceNight, rolloutBucket, withinRollout, type InstallInput } from './decide';
import { fileRestartLedger } from './restart-ledger';

const MSK = 'Europe/Moscow';
const NIGHT = { start: '02:00', end: '05:00' };
const at = (iso: string) => new Date(iso);

describe('staged rollout', () => {
  it('a kiosk keeps its bucket: the same id, the same answer on every release', () => {
    expect(rolloutBucket('KIOSK-0042')).toBe(rolloutBucket('KIOSK-0042'));
    expect(rolloutBucket('KIOSK-0042')).not.toBe(rolloutBucket('KIOSK-0043'));
  });

  it('about stagingPercentage of a fleet of 2,000 takes the update, and a kiosk in at 10 % stays in at 50 %', () => {
    const fleet = Array.from({ length: 2000 }, (_, i) => rolloutBucket(`KIOSK-${String(i).padStart(4, '0')}`));
    for (const b of fleet) expect(b >= 0 && b < 100).toBe(true);
    const share = (pct: number) => fleet.filter((b) => withinRollout(b, pct)).length / fleet.length;
    expect(share(10)).toBeGreaterThan(0.07);
    expect(share(10)).toBeLessThan(0.13);
    expect(share(50)).toBeGreaterThan(0.45);
    expect(share(50)).toBeLessThan(0.55);
    expect(share(0)).toBe(0);
    expect(share(100)).toBe(1);
    for (const b of fleet) if (withinRollout(b, 10)) expect(withinRollout(b, 50)).toBe(true);
  });

  it('no stagingPercentage (or garbage) means everyone; a string percentage is read', () => {
    expect(withinRollout(99.9, undefined)).toBe(true);
    expect(withinRollout(99.9, null)).toBe(true);
    expect(withinRollout(99.9, 'abc')).toBe(true);
    expect(withinRollout(20, '10')).toBe(false);
    expect(withinRollout(5, '10')).toBe(true);
  });

  it('the first check is spread over the interval by the bucket', () => {
    expect(firstCheckDelayMs(0, 3_600_000)).toBe(0);
    expect(firstCheckDelayMs(50, 3_600_000)).toBe(1_800_000);
    expect(firstCheckDelayMs(99.99, 3_600_000)).toBeLessThan(3_600_000);
  });
});

describe('maintenance window (clinic time, not the machine\'s)', () => {
  it('02:00–05:00 Moscow', () => {
    expect(maintenanceNight(at('2026-11-27T01:59:00+03:00'), NIGHT, MSK)).toBeNull();
    expect(maintenanceNight(at('2026-11-27T02:00:00+03:00'), NIGHT, MSK)).toBe('2026-11-27');
    expect(maintenanceNight(at('2026-11-27T04:59:00+03:00'), NIGHT, MSK)).toBe('2026-11-27');
    expect(maintenanceNight(at('2026-11-27T05:00:00+03:00'), NIGHT, MSK)).toBeNull();
    // 02:30 in New York is 10:30 in Moscow: a clinic open for patients.
    expect(maintenanceNight(at('2026-11-27T02:30:00-05:00'), NIGHT, MSK)).toBeNull();
  });

  it('a window across midnight is one night, named by the evening it opened', () => {
    const w = { start: '23:00', end: '01:30' };
    expect(maintenanceNight(at('2026-11-27T23:10:00+03:00'), w, MSK)).toBe('2026-11-27');
    expect(maintenanceNight(at('2026-11-28T01:00:00+03:00'), w, MSK)).toBe('2026-11-27');
    expect(maintenanceNight(at('2026-11-28T01:30:00+03:00'), w, MSK)).toBeNull();
    expect(maintenanceNight(at('2026-03-01T00:10:00+03:00'), w, MSK)).toBe('2026-02-28');
  });

  it('in a zone with summer time the window follows the wall clock', () => {
    const berlin = 'Europe/Berlin';
    expect(maintenanceNight(at('2026-07-01T02:30:00+02:00'), NIGHT, berlin)).toBe('2026-07-01');
    expect(maintenanceNight(at('2026-12-01T02:30:00+01:00'), NIGHT, berlin)).toBe('2026-12-01');
  });
});

describe('install decision', () => {
  const base: InstallInput = {
    now: at('2026-11-27T03:00:00+03:00'),
    window: NIGHT,
    timeZone: MSK,
    downloaded: '1.5.0',
    sessionActive: false,
    lastActivity: at('2026-11-26T21:40:00+03:00'),
    quietMs: 120_000,
    lastRestartNight: null,
  };

  it('downloaded, inside the window, nobody at the screen: install, recorded as tonight', () => {
    expect(decideInstall(base)).toEqual({ kind: 'install', night: '2026-11-27' });
  });

  it.each([
    ['nothing downloaded yet', { downloaded: null }, 'nothing-downloaded'],
    ['at 14:00 with patients in the lobby', { now: at('2026-11-27T14:00:00+03:00') }, 'outside-window'],
    ['a patient is booking at 03:00', { sessionActive: true }, 'patient-at-screen'],
    ['someone touched the screen a minute ago (typing the policy, no session yet)', { lastActivity: at('2026-11-27T02:59:00+03:00') }, 'patient-at-screen'],
    ['this kiosk already restarted for an update tonight', { lastRestartNight: '2026-11-27' }, 'restarted-tonight'],
    ['a release was refused at the install check tonight', { refusedNight: '2026-11-27' }, 'refused-tonight'],
  ] as const)('%s: wait', (_name, change, reason) => {
    expect(decideInstall({ ...base, ...change })).toEqual({ kind: 'wait', reason });
  });

  it('the next night after a restart or a refusal is allowed again', () => {
    expect(decideInstall({ ...base, lastRestartNight: '2026-11-26' }).kind).toBe('install');
    expect(decideInstall({ ...base, refusedNight: '2026-11-26' }).kind).toBe('install');
  });
});

describe('restart ledger', () => {
  it('survives a restart (a new ledger on the same folder) and ignores a damaged file', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'infomat-updates-'));
    try {
      expect(fileRestartLedger(dir).lastNight()).toBeNull();
      fileRestartLedger(dir).record('2026-11-27', '1.5.0');
      expect(fileRestartLedger(dir).lastNight()).toBe('2026-11-27');
      writeFileSync(path.join(dir, 'update-restarts.json'), '{"night": "../../etc"}');
      expect(fileRestartLedger(dir).lastNight()).toBeNull();
      // A refusal night too, in its own file: a restart does not reset it.
      expect(fileRestartLedger(dir).refusedNight()).toBeNull();
      fileRestartLedger(dir).recordRefusal('2026-11-28', '1.5.1');
      expect(fileRestartLedger(dir).refusedNight()).toBe('2026-11-28');
      expect(fileRestartLedger(dir).lastNight()).toBeNull();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
