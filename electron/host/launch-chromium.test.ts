// A killed host (crash, power cut, the supervisor's SIGKILL) cannot remove its Chromium profile;
// the next launch removes what is stale and nothing a live browser uses. Found by `npm run soak`:
// every kiosk process crash left a 7 MB profile folder behind in the state folder.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, utimesSync, existsSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { removeStaleProfiles } from './launch-chromium';

const root = mkdtempSync(path.join(os.tmpdir(), 'infomat-profiles-test-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function profile(parent: string, name: string, lock: string | null, ageMs = 0): string {
  const dir = path.join(parent, name);
  mkdirSync(path.join(dir, 'Default'), { recursive: true });
  writeFileSync(path.join(dir, 'Default', 'Preferences'), '{}');
  if (lock !== null) symlinkSync(lock, path.join(dir, 'SingletonLock'));
  const t = new Date(Date.now() - ageMs);
  utimesSync(dir, t, t);
  return dir;
}

describe('stale Chromium profiles', () => {
  it('removes the profiles of dead browsers and keeps the live one, a starting one and anything else', () => {
    const parent = mkdtempSync(path.join(root, 'state-'));
    const dead = profile(parent, 'chromium-dead01', `${os.hostname()}-2147483646`);
    const live = profile(parent, 'chromium-live01', `${os.hostname()}-${process.pid}`);
    const oldUnlocked = profile(parent, 'chromium-old001', null, 5 * 60_000);
    const starting = profile(parent, 'chromium-new001', null);
    const elsewhere = profile(parent, 'chromium-other1', 'another-host-1234');
    const logs = profile(parent, 'logs', null, 5 * 60_000);
    const removed = removeStaleProfiles(parent);
    expect(removed.sort()).toEqual(['chromium-dead01', 'chromium-old001']);
    expect(existsSync(dead)).toBe(false);
    expect(existsSync(oldUnlocked)).toBe(false);
    for (const kept of [live, starting, elsewhere, logs]) expect(existsSync(kept)).toBe(true);
    // Nothing left to remove the second time.
    expect(removeStaleProfiles(parent)).toEqual([]);
  });

  it('a missing parent folder is nothing to remove', () => {
    expect(removeStaleProfiles(path.join(root, 'missing'))).toEqual([]);
  });
});
