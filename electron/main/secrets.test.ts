import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SecretStore, secretStorageDecision, type SafeStorageLike, type StorageBackend } from './secrets';

// Every temp folder of this file lives under one, removed after its tests.
const testRoot = mkdtempSync(path.join(tmpdir(), 'infomat-secrets-test-'));
afterAll(() => rmSync(testRoot, { recursive: true, force: true }));

describe('secretStorageDecision', () => {
  const base = { platform: 'linux' as NodeJS.Platform, encryptionAvailable: true, allowBasicText: false };
  it('refuses basic_text / unknown on Linux unless allowed', () => {
    expect(secretStorageDecision({ ...base, backend: 'basic_text' }).ok).toBe(false);
    expect(secretStorageDecision({ ...base, backend: 'unknown' }).ok).toBe(false);
    expect(secretStorageDecision({ ...base, backend: 'basic_text', allowBasicText: true })).toEqual({ ok: true, backend: 'basic_text' });
  });
  it('accepts a real keyring', () => {
    expect(secretStorageDecision({ ...base, backend: 'gnome_libsecret' })).toEqual({ ok: true, backend: 'gnome_libsecret' });
    expect(secretStorageDecision({ ...base, backend: 'kwallet5' }).ok).toBe(true);
  });
  it('accepts DPAPI on Windows, refuses when encryption is unavailable anywhere', () => {
    expect(secretStorageDecision({ ...base, platform: 'win32', backend: null })).toEqual({ ok: true, backend: 'dpapi' });
    expect(secretStorageDecision({ ...base, platform: 'win32', backend: null, encryptionAvailable: false }).ok).toBe(false);
  });
});

const fakeStorage = (backend: StorageBackend): SafeStorageLike => ({
  isEncryptionAvailable: () => true,
  encryptString: (s) => Buffer.from(`enc:${Buffer.from(s).toString('hex')}`),
  decryptString: (b) => Buffer.from(b.toString().slice(4), 'hex').toString(),
  getSelectedStorageBackend: () => backend,
});

describe('SecretStore', () => {
  it('stores only ciphertext and reads it back', () => {
    const dir = mkdtempSync(path.join(testRoot, 'sec-'));
    const s = SecretStore.open(dir, fakeStorage('gnome_libsecret'), { platform: 'linux', allowBasicText: false });
    expect(s.set('servicePinHash', 'scrypt$abc')).toBe(true);
    expect(readFileSync(path.join(dir, 'secrets.json'), 'utf8')).not.toContain('scrypt$abc');
    expect(s.get('servicePinHash')).toBe('scrypt$abc');
    s.delete('servicePinHash');
    expect(s.get('servicePinHash')).toBeNull();
  });
  it('does nothing with basic_text on Linux', () => {
    const dir = mkdtempSync(path.join(testRoot, 'sec-'));
    const s = SecretStore.open(dir, fakeStorage('basic_text'), { platform: 'linux', allowBasicText: false });
    expect(s.available).toBe(false);
    expect(s.set('k', 'v')).toBe(false);
    expect(s.get('k')).toBeNull();
  });
});
