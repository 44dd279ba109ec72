// The signature scheme on its own: what is signed, where the signature sits, which changes
// break it, rotation with two keys, and the keys this build pins.
import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { keyId, signMetadata, unsignedBody, verifyMetadata } from './metadata-signature';
import { loadPinnedKeys, pinnedReleaseKeys } from './pinned-keys';
import { releaseYml, testKey } from './testing/releases';

const FILE = 'latest-linux.yml';
const oldKey = testKey();
const newKey = testKey();

describe('update metadata signature', () => {
  it('signs the exact bytes electron-builder wrote: the file is them plus one comment line per key', () => {
    const yml = releaseYml('1.5.0');
    const signed = signMetadata(FILE, yml, [oldKey.privateKey]);
    expect(signed.subarray(0, yml.length).equals(yml)).toBe(true);
    const tail = signed.subarray(yml.length).toString('utf8');
    expect(tail).toMatch(new RegExp(`^# infomat-signature v1 key=${oldKey.pinned.id} sig=[A-Za-z0-9_-]{86}\\n$`));
    const v = verifyMetadata(FILE, signed, [oldKey.pinned]);
    expect(v).toMatchObject({ ok: true, keyId: oldKey.pinned.id });
    expect(v.ok && v.body.equals(yml)).toBe(true);
  });

  it('signing again replaces the block (after editing stagingPercentage, say) instead of stacking lines', () => {
    const once = signMetadata(FILE, releaseYml('1.5.0'), [oldKey.privateKey]);
    const edited = Buffer.from(unsignedBody(once).toString('utf8') + 'stagingPercentage: 50\n');
    const twice = signMetadata(FILE, edited, [oldKey.privateKey]);
    expect(twice.toString('utf8').match(/# infomat-signature/g)).toHaveLength(1);
    expect(verifyMetadata(FILE, twice, [oldKey.pinned]).ok).toBe(true);
    // The edit without signing again is refused.
    const stale = Buffer.concat([edited, once.subarray(unsignedBody(once).length)]);
    expect(verifyMetadata(FILE, stale, [oldKey.pinned])).toMatchObject({ ok: false, reason: 'bad-signature' });
  });

  it.each([
    ['no signature at all', 'unsigned', (s: Buffer) => unsignedBody(s)],
    ['one byte of the version changed', 'bad-signature', (s: Buffer) => Buffer.from(s.toString('utf8').replace('version: 1.5.0', 'version: 1.5.1'))],
    ['another installer hash', 'bad-signature', (s: Buffer) => Buffer.from(s.toString('utf8').replace(/sha512: ./g, 'sha512: X'))],
    ['a line added after the signature', 'bad-signature', (s: Buffer) => Buffer.concat([s, Buffer.from('stagingPercentage: 100\n')])],
    ['a truncated signature', 'bad-signature', (s: Buffer) => Buffer.from(s.toString('utf8').replace(/sig=(.{80}).*$/m, 'sig=$1'))],
    ['CRLF line ends (an FTP upload in text mode)', 'bad-signature', (s: Buffer) => Buffer.from(s.toString('utf8').replace(/\n/g, '\r\n'))],
  ] as const)('%s: refused as %s', (_name, reason, mangle) => {
    const signed = signMetadata(FILE, releaseYml('1.5.0'), [oldKey.privateKey]);
    expect(verifyMetadata(FILE, mangle(signed), [oldKey.pinned])).toMatchObject({ ok: false, reason });
  });

  it('a valid signature by a key this build does not pin: unknown-key (also when nothing is pinned)', () => {
    const signed = signMetadata(FILE, releaseYml('1.5.0'), [newKey.privateKey]);
    expect(verifyMetadata(FILE, signed, [oldKey.pinned])).toMatchObject({ ok: false, reason: 'unknown-key' });
    expect(verifyMetadata(FILE, signed, [])).toMatchObject({ ok: false, reason: 'unknown-key' });
  });

  it('the file name is signed: beta.yml served as latest.yml, or Windows metadata as Linux, is refused', () => {
    const beta = signMetadata('beta-linux.yml', releaseYml('1.6.0-beta.1'), [oldKey.privateKey]);
    expect(verifyMetadata('beta-linux.yml', beta, [oldKey.pinned]).ok).toBe(true);
    expect(verifyMetadata(FILE, beta, [oldKey.pinned])).toMatchObject({ ok: false, reason: 'bad-signature' });
    expect(verifyMetadata('latest.yml', beta, [oldKey.pinned])).toMatchObject({ ok: false, reason: 'bad-signature' });
  });

  it('rotation: a file signed by both keys is accepted by kiosks pinning either', () => {
    const both = signMetadata(FILE, releaseYml('1.5.0'), [oldKey.privateKey, newKey.privateKey]);
    expect(verifyMetadata(FILE, both, [oldKey.pinned])).toMatchObject({ ok: true, keyId: oldKey.pinned.id });
    expect(verifyMetadata(FILE, both, [newKey.pinned])).toMatchObject({ ok: true, keyId: newKey.pinned.id });
    expect(verifyMetadata(FILE, both, [oldKey.pinned, newKey.pinned]).ok).toBe(true);
  });

  it('a forged line naming a pinned key does not hide behind a valid one, nor pass alone', () => {
    const good = signMetadata(FILE, releaseYml('1.5.0'), [oldKey.privateKey]).toString('utf8');
    const forged = `# infomat-signature v1 key=${newKey.pinned.id} sig=${'A'.repeat(86)}\n`;
    expect(verifyMetadata(FILE, Buffer.from(good + forged), [oldKey.pinned, newKey.pinned]).ok).toBe(true);
    const onlyForged = unsignedBody(Buffer.from(good)).toString('utf8') + forged;
    expect(verifyMetadata(FILE, Buffer.from(onlyForged), [oldKey.pinned, newKey.pinned])).toMatchObject({ ok: false, reason: 'bad-signature' });
  });
});

describe('pinned release keys', () => {
  it('the keys shipped in release-keys.json load', () => {
    expect(() => pinnedReleaseKeys()).not.toThrow();
  });

  it('an entry whose id does not match its key, or a key that is not Ed25519, breaks loading', () => {
    const spki = (k: ReturnType<typeof testKey>) => k.pinned.key.export({ type: 'spki', format: 'der' }).toString('base64');
    expect(loadPinnedKeys([{ id: oldKey.pinned.id, publicKey: spki(oldKey) }])[0]!.id).toBe(oldKey.pinned.id);
    expect(() => loadPinnedKeys([{ id: newKey.pinned.id, publicKey: spki(oldKey) }])).toThrow(/does not match/);
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey;
    expect(() => loadPinnedKeys([{ id: keyId(rsa), publicKey: rsa.export({ type: 'spki', format: 'der' }).toString('base64') }])).toThrow(/not an Ed25519 key/);
  });
});
