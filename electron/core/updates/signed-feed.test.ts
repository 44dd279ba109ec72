// The kiosk's read of its feed against a real loopback server: signed, unsigned, tampered and
// pulled metadata, the transport limits, and the check before installing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { channelFileName } from './channel-file';
import { checkBeforeInstall, type DownloadedRelease } from './install-check';
import { unsignedBody } from './metadata-signature';
import { signedFeed, type SignedFeed } from './signed-feed';
import { startFeedServer, type FeedServer } from './testing/feed-server';
import { installerSha512, signedYml, testKey } from './testing/releases';

const FILE = 'latest-linux.yml';
const key = testKey();
const stranger = testKey();
let server: FeedServer;

beforeEach(async () => {
  server = await startFeedServer();
});
afterEach(async () => {
  await server.close();
});

const feed = (limits?: { timeoutMs: number; maxBytes: number }): SignedFeed =>
  signedFeed({ url: server.url, fileName: FILE, keys: [key.pinned], fetch, limits });

describe('the file a kiosk reads, named as electron-updater names it', () => {
  it.each([
    ['latest', 'win32', 'x64', 'latest.yml'],
    ['latest', 'linux', 'x64', 'latest-linux.yml'],
    ['latest', 'linux', 'arm64', 'latest-linux-arm64.yml'],
    ['beta', 'linux', 'x64', 'beta-linux.yml'],
    ['beta', 'darwin', 'arm64', 'beta-mac.yml'],
  ] as const)('%s on %s %s: %s', (channel, platform, arch, file) => {
    expect(channelFileName(channel, platform, arch)).toBe(file);
  });
});

describe('reading the signed feed', () => {
  it('signed by a pinned key: verified, with the version and installer hash read from it', async () => {
    server.files.set(FILE, signedYml(FILE, '1.5.0', [key]));
    const r = await feed().read();
    expect(r).toMatchObject({ kind: 'verified', keyId: key.pinned.id, facts: { version: '1.5.0', sha512: [installerSha512('1.5.0')] } });
    // electron-updater gets the text without our signature lines.
    expect(r.kind === 'verified' && r.text).not.toContain('infomat-signature');
    expect(server.requests).toEqual([`/infomat/${FILE}`]);
  });

  it.each([
    ['unsigned (the file electron-builder wrote, uploaded as is)', 'unsigned', () => unsignedBody(signedYml(FILE, '1.5.0', [key]))],
    ['tampered (the version raised after signing)', 'bad-signature', () => Buffer.from(signedYml(FILE, '1.5.0', [key]).toString('utf8').replace('version: 1.5.0', 'version: 9.9.9'))],
    ['signed by a key this build does not pin', 'unknown-key', () => signedYml(FILE, '1.5.0', [stranger])],
    ['signed, but for the beta channel', 'bad-signature', () => signedYml('beta-linux.yml', '1.6.0-beta.1', [key])],
  ] as const)('%s: refused as %s', async (_name, reason, file) => {
    server.files.set(FILE, file());
    expect(await feed().read()).toMatchObject({ kind: 'refused', reason });
  });

  it('validly signed text that names no version: refused as malformed', async () => {
    const { signMetadata } = await import('./metadata-signature');
    server.files.set(FILE, signMetadata(FILE, Buffer.from('files: []\n'), [key.privateKey]));
    expect(await feed().read()).toMatchObject({ kind: 'refused', reason: 'malformed' });
  });

  it('no metadata in the folder: missing, not a refusal', async () => {
    expect(await feed().read()).toEqual({ kind: 'missing' });
    server.files.set(FILE, { status: 410 });
    expect(await feed().read()).toEqual({ kind: 'missing' });
  });

  it.each([
    ['a server error', { status: 503 }, /HTTP 503/],
    ['a redirect, not followed', { redirect: 'http://127.0.0.1:9/elsewhere.yml' }, /HTTP 302 \(a redirect/],
    ['a declared body over the cap', { declare: 10_000_000 }, /declares 10000000 bytes, over the 65536-byte limit/],
    ['an endless body', { stream: 10_000_000 }, /passed \d+ bytes, over the 65536-byte limit/],
    ['headers and then nothing', { hang: true }, /no complete answer within 300 ms/],
  ] as const)('%s: unreachable', async (_name, entry, detail) => {
    server.files.set(FILE, entry);
    const started = Date.now();
    const r = await feed({ timeoutMs: 300, maxBytes: 64 * 1024 }).read();
    expect(r.kind).toBe('unreachable');
    expect(r.kind === 'unreachable' && r.detail).toMatch(detail);
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('a server that is not there: unreachable', async () => {
    const url = server.url;
    await server.close();
    const r = await signedFeed({ url, fileName: FILE, keys: [key.pinned], fetch }).read();
    expect(r).toMatchObject({ kind: 'unreachable', detail: expect.stringMatching(/ECONNREFUSED/) });
  });

  it('https only, unless the feed is on this machine', () => {
    expect(() => signedFeed({ url: 'http://updates.example.ru/infomat', fileName: FILE, keys: [], fetch })).toThrow(/must be https/);
    expect(signedFeed({ url: 'https://updates.example.ru/infomat', fileName: FILE, keys: [], fetch }).fileUrl.href).toBe(`https://updates.example.ru/infomat/${FILE}`);
    expect(signedFeed({ url: 'http://localhost:8080/u/', fileName: FILE, keys: [], fetch }).fileUrl.href).toBe(`http://localhost:8080/u/${FILE}`);
  });
});

describe('the check before installing', () => {
  const downloaded: DownloadedRelease = { version: '1.5.0', sha512: [installerSha512('1.5.0')] };
  const recheck = async () => checkBeforeInstall(await feed().read(), downloaded);

  it('still offered, signed, with the same installer: confirmed (a widened rollout changes nothing)', async () => {
    server.files.set(FILE, signedYml(FILE, '1.5.0', [key], { stagingPercentage: 50 }));
    expect(await recheck()).toEqual({ kind: 'confirmed' });
  });

  it.each([
    ['the metadata was removed', 'pulled', (): Buffer | undefined => undefined],
    ['the previous version was put back', 'version-lowered', () => signedYml(FILE, '1.4.2', [key])],
    ['the same version, rebuilt with another installer', 'changed', () => signedYml(FILE, '1.5.0', [key], { build: 'rebuilt' })],
    ['the signature is no longer valid', 'bad-signature', () => Buffer.from(signedYml(FILE, '1.5.0', [key]).toString('utf8').replace('size: 112735821', 'size: 1'))],
    ['the metadata is now unsigned', 'unsigned', () => unsignedBody(signedYml(FILE, '1.5.0', [key]))],
    ['the metadata is now signed by a stranger', 'unknown-key', () => signedYml(FILE, '1.5.0', [stranger])],
  ] as const)('%s: refused as %s', async (_name, reason, now) => {
    const file = now();
    if (file) server.files.set(FILE, file);
    expect(await recheck()).toMatchObject({ kind: 'refused', reason });
  });

  it('a newer version is offered: superseded (download that one), not refused', async () => {
    server.files.set(FILE, signedYml(FILE, '1.5.1', [key]));
    expect(await recheck()).toEqual({ kind: 'superseded', version: '1.5.1' });
  });

  it('the feed cannot be read: unconfirmed, not installed and not refused', async () => {
    server.files.set(FILE, { status: 502 });
    expect(await recheck()).toMatchObject({ kind: 'unconfirmed' });
  });
});
