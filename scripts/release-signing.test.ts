// The release side of the update signature: key pairs, pinning, signing a release folder as
// electron-builder leaves it, and the refusals that keep a key out of the repository.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { unsignedBody, verifyMetadata } from '../electron/core/updates/metadata-signature';
import { loadPinnedKeys } from '../electron/core/updates/pinned-keys';
import { releaseYml } from '../electron/core/updates/testing/releases';
import { checkReleaseDir, isInside, makeKeyPair, pinKey, PROJECT_ROOT, readKeysFile, readPrivateKey, RELEASE_KEYS_FILE, signReleaseDir } from './release-signing';

let tmp: string;
let release: string;
let keysFile: string;
beforeEach(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'infomat-release-'));
  release = path.join(tmp, 'release');
  mkdirSync(release);
  // What electron-builder leaves in release/: metadata per platform and channel, and files that are not.
  writeFileSync(path.join(release, 'latest.yml'), releaseYml('1.5.0'));
  writeFileSync(path.join(release, 'latest-linux.yml'), releaseYml('1.5.0'));
  writeFileSync(path.join(release, 'beta-linux.yml'), releaseYml('1.6.0-beta.1'));
  writeFileSync(path.join(release, 'builder-debug.yml'), 'x64:\n  firstOrDefaultFilePatterns:\n    - "**/*"\n');
  writeFileSync(path.join(release, 'builder-effective-config.yaml'), 'appId: ru.infomat.kiosk\n');
  keysFile = path.join(tmp, 'release-keys.json');
  copyFileSync(RELEASE_KEYS_FILE, keysFile);
});
afterEach(() => {
  rmSync(tmp, { recursive: true, force: true });
});

describe('release keys', () => {
  it('keygen writes a 0600 PKCS#8 key outside the repo, never over an existing one; pinning adds the public key once', () => {
    const out = path.join(tmp, 'k.pem');
    const k = makeKeyPair(out, { note: 'test key' });
    expect(readFileSync(out, 'utf8')).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    expect(statSync(out).mode & 0o777).toBe(0o600);
    expect(() => makeKeyPair(out)).toThrow(/never overwritten/);
    pinKey(k.entry, keysFile);
    pinKey(k.entry, keysFile);
    const pinned = readKeysFile(keysFile).keys;
    expect(pinned.filter((e) => e.id === k.id)).toHaveLength(1);
    expect(pinned.at(-1)!.note).toBe('test key');
    expect(loadPinnedKeys(pinned).at(-1)!.id).toBe(k.id);
  });

  it('a passphrase encrypts the key; it is read back only with it', () => {
    const out = path.join(tmp, 'enc.pem');
    makeKeyPair(out, { passphrase: 'correct horse' });
    expect(readFileSync(out, 'utf8')).toMatch(/^-----BEGIN ENCRYPTED PRIVATE KEY-----/);
    expect(readPrivateKey(out, { passphrase: 'correct horse' }).asymmetricKeyType).toBe('ed25519');
    expect(() => readPrivateKey(out, { passphrase: 'wrong' })).toThrow();
  });

  it('a private key inside the repository is refused, for writing and for reading', () => {
    const inRepo = path.join(PROJECT_ROOT, 'build', 'release-key.pem');
    expect(isInside(inRepo)).toBe(true);
    expect(isInside(path.join(tmp, 'k.pem'))).toBe(false);
    expect(() => makeKeyPair(inRepo)).toThrow(/inside the repository/);
    expect(() => readPrivateKey(path.join(PROJECT_ROOT, 'package.json'))).toThrow(/inside the repository/);
  });
});

describe('signing a release folder', () => {
  it('signs every metadata file in place (the bytes electron-builder wrote kept), skips the rest; a kiosk accepts each under its own name', () => {
    const k = makeKeyPair(path.join(tmp, 'k.pem'));
    pinKey(k.entry, keysFile);
    const before = readFileSync(path.join(release, 'latest.yml'));
    const r = signReleaseDir(release, [readPrivateKey(path.join(tmp, 'k.pem'))], readKeysFile(keysFile).keys);
    expect(r.signed).toEqual([
      { file: 'beta-linux.yml', version: '1.6.0-beta.1' },
      { file: 'latest-linux.yml', version: '1.5.0' },
      { file: 'latest.yml', version: '1.5.0' },
    ]);
    expect(r.skipped).toEqual(['builder-debug.yml']);
    const after = readFileSync(path.join(release, 'latest.yml'));
    expect(unsignedBody(after).equals(before)).toBe(true);
    const keys = loadPinnedKeys(readKeysFile(keysFile).keys);
    for (const f of ['latest.yml', 'latest-linux.yml', 'beta-linux.yml']) expect(verifyMetadata(f, readFileSync(path.join(release, f)), keys).ok).toBe(true);
    expect(checkReleaseDir(release, readKeysFile(keysFile).keys).every((c) => c.ok)).toBe(true);
    // Edited after signing (stagingPercentage), then checked: refused until signed again.
    writeFileSync(path.join(release, 'latest.yml'), Buffer.concat([after, Buffer.from('stagingPercentage: 10\n')]));
    expect(checkReleaseDir(release, readKeysFile(keysFile).keys).find((c) => c.file === 'latest.yml')).toMatchObject({ ok: false, detail: expect.stringMatching(/^bad-signature/) });
  });

  it('refuses to sign with a key the build does not pin (the kiosks would refuse the release)', () => {
    makeKeyPair(path.join(tmp, 'k.pem'));
    expect(() => signReleaseDir(release, [readPrivateKey(path.join(tmp, 'k.pem'))], readKeysFile(keysFile).keys)).toThrow(/is pinned in release-keys.json/);
    expect(readFileSync(path.join(release, 'latest.yml')).equals(releaseYml('1.5.0'))).toBe(true);
  });

  it('the CLIs: keygen prints the key id; sign refuses an unpinned key; --check reports each file', () => {
    // tsx's compile cache and anything else temporary go into this test's own folder.
    const env = { ...process.env, INFOMAT_RELEASE_KEY_PASSPHRASE: '', TSX_DISABLE_CACHE: '1', TMPDIR: tmp };
    const run = (script: string, args: string[]) =>
      spawnSync(process.execPath, ['--import', 'tsx', path.join(PROJECT_ROOT, 'scripts', script), ...args], { cwd: PROJECT_ROOT, encoding: 'utf8', env });
    const key = path.join(tmp, 'cli.pem');
    const gen = run('release-keygen.ts', ['--out', key]);
    expect(gen.status, gen.stderr).toBe(0);
    expect(gen.stdout).toMatch(/key id: [0-9a-f]{16}/);
    const unpinned = readKeysFile().keys.length === 0;
    const sign = run('release-sign.ts', ['--key', key, '--dir', release]);
    expect(sign.status).toBe(1);
    expect(sign.stderr).toMatch(/is pinned in release-keys.json/);
    const check = run('release-sign.ts', ['--check', '--dir', release]);
    expect(check.status).toBe(1);
    expect(check.stdout).toMatch(/REFUSED latest\.yml: unsigned/);
    if (unpinned) expect(check.stdout).not.toMatch(/^ok/m);
  });
});
