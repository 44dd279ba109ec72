// The operator's side of the central configuration: a folder mirroring the server signed in
// place, checked as a kiosk of this build would read it, and nothing signed when a document or
// a combination would be refused by the kiosks anyway.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readConfigDocument } from '../electron/core/fleet-config/document';
import { loadPinnedKeys } from '../electron/core/updates/pinned-keys';
import { checkConfigDir, signConfigDir } from './fleet-config-signing';
import { entryOf, makeKeyPair, readPrivateKey } from './release-signing';

let tmp: string;
let dir: string;
beforeEach(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'infomat-fleet-sign-'));
  dir = path.join(tmp, 'fleet-config');
  mkdirSync(path.join(dir, 'clinics'), { recursive: true });
  mkdirSync(path.join(dir, 'kiosks'), { recursive: true });
  const put = (name: string, doc: unknown) => writeFileSync(path.join(dir, name), JSON.stringify(doc, null, 2) + '\n');
  put('fleet.json', { revision: 3, note: 'region defaults', config: { idle: { seconds: 90 }, updates: { url: 'https://updates.example.ru/infomat' } } });
  put('clinics/C42.json', { revision: 7, config: { language: 'en', printer: { enabled: false } } });
  put('kiosks/KIOSK-42-01.json', { revision: 1, config: { screen: { orientation: 'portrait' } } });
});
afterEach(() => rmSync(tmp, { recursive: true, force: true }));

function key(name: string) {
  const file = path.join(tmp, name);
  makeKeyPair(file);
  const k = readPrivateKey(file);
  return { file, k, entry: entryOf(k) };
}

describe('fleet:config', () => {
  it('signs every document in place; a kiosk of a build pinning the key reads each', () => {
    const a = key('a.pem');
    const { signed } = signConfigDir(dir, [a.k], { pinned: [a.entry] });
    expect(signed).toEqual([
      { name: 'fleet.json', revision: 3 },
      { name: 'clinics/C42.json', revision: 7 },
      { name: 'kiosks/KIOSK-42-01.json', revision: 1 },
    ]);
    const r = readConfigDocument('clinics/C42.json', readFileSync(path.join(dir, 'clinics/C42.json')), loadPinnedKeys([a.entry]));
    expect(r).toMatchObject({ ok: true, doc: { revision: 7, config: { language: 'en' } } });
    const check = checkConfigDir(dir, { pinned: [a.entry] });
    expect(check.documents.every((d) => d.ok)).toBe(true);
    expect(check.combinations.map((c) => [c.layers, c.ok])).toEqual([
      ['fleet.json', true],
      ['fleet.json + clinics/C42.json', true],
      ['fleet.json + kiosks/KIOSK-42-01.json', true],
    ]);
    // Signing again replaces the block; an edit without signing is refused.
    signConfigDir(dir, [a.k], { pinned: [a.entry] });
    const file = path.join(dir, 'fleet.json');
    expect(readFileSync(file, 'utf8').match(/# infomat-signature/g)).toHaveLength(1);
    writeFileSync(file, readFileSync(file, 'utf8').replace('90', '95'));
    expect(checkConfigDir(dir, { pinned: [a.entry] }).documents[0]).toMatchObject({ ok: false, detail: expect.stringMatching(/^bad-signature/) });
  });

  it('signs nothing when a combination fails the schema, a document sets a local-only setting, or no key is pinned', () => {
    const a = key('a.pem');
    const before = readFileSync(path.join(dir, 'fleet.json'), 'utf8');
    writeFileSync(path.join(dir, 'kiosks/KIOSK-42-01.json'), JSON.stringify({ revision: 2, config: { idle: { seconds: 5 } } }));
    expect(() => signConfigDir(dir, [a.k], { pinned: [a.entry] })).toThrow(/fleet\.json \+ kiosks\/KIOSK-42-01\.json: idle\.seconds/);
    writeFileSync(path.join(dir, 'kiosks/KIOSK-42-01.json'), JSON.stringify({ revision: 2, config: { kioskId: 'KIOSK-99' } }));
    expect(() => signConfigDir(dir, [a.k], { pinned: [a.entry] })).toThrow(/only the kiosk's own config\.json may set/);
    writeFileSync(path.join(dir, 'kiosks/KIOSK-42-01.json'), JSON.stringify({ revision: 2, config: {} }));
    expect(() => signConfigDir(dir, [a.k], { pinned: [] })).toThrow(/not pinned|none of the keys/);
    expect(readFileSync(path.join(dir, 'fleet.json'), 'utf8')).toBe(before);
  });

  it('check names the refusal of each document: unsigned, or signed by a key this build does not pin', () => {
    const a = key('a.pem');
    const b = key('b.pem');
    signConfigDir(dir, [b.k], { pinned: [b.entry] });
    const check = checkConfigDir(dir, { pinned: [a.entry] });
    expect(check.documents.map((d) => d.detail.split(':')[0])).toEqual(['unknown-key', 'unknown-key', 'unknown-key']);
    expect(check.combinations).toEqual([{ layers: 'fleet.json', ok: false, problems: [expect.stringContaining('no fleet.json')] }]);
  });

  it('the CLI: check exits 1 on an unsigned folder and prints each document', () => {
    // Node with tsx's loader, not the tsx CLI: the CLI keeps an IPC folder (tsx-<uid>) in the temp folder.
    // Anything temporary goes into this test's own folder.
    const env = { ...process.env, TSX_DISABLE_CACHE: '1', TMPDIR: tmp };
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/fleet-config.ts', 'check', '--dir', dir], { encoding: 'utf8', env });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('REFUSED fleet.json: unsigned');
    expect(r.stdout).toContain('REFUSED clinics/C42.json: unsigned');
  });
});
