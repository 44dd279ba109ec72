// Our provider inside the real electron-updater code (no Electron needed for this part): it
// parses the verified text with electron-updater's own reader, resolves the installers
// against the feed folder, and a refusal stops the check before anything is parsed.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { recordingLogger } from '../printing/test-helpers';
import { signedFeed } from '../core/updates/signed-feed';
import { startFeedServer, type FeedServer } from '../core/updates/testing/feed-server';
import { installerSha512, signedYml, testKey } from '../core/updates/testing/releases';
import { createUpdateRunner, UpdateRefusedError } from '../core/updates/update-runner';
import { unsignedBody } from '../core/updates/metadata-signature';
import { releaseOf, verifiedProvider } from './verified-provider';

const FILE = 'latest-linux.yml';
const key = testKey();
let server: FeedServer;
beforeEach(async () => {
  server = await startFeedServer();
});
afterEach(async () => {
  await server.close();
});

function provider() {
  const feed = signedFeed({ url: server.url, fileName: FILE, keys: [key.pinned], fetch });
  const log = recordingLogger();
  const notUsed = async () => {
    throw new Error('not used here');
  };
  const runner = createUpdateRunner({
    feed,
    updater: { check: notUsed, download: notUsed, install() {} },
    log,
    metrics: { updateRefused() {} },
    ledger: { lastNight: () => null, record() {}, refusedNight: () => null, recordRefusal() {} },
    kioskId: 'K',
    window: { start: '02:00', end: '05:00' },
    timeZone: 'Europe/Moscow',
    quietMs: 0,
    activity: () => ({ sessionActive: false, lastActivity: null }),
    endSession() {},
  });
  const Provider = verifiedProvider(feed, () => runner.metadataForUpdater());
  // What electron-updater's providerFactory passes for provider: 'custom'.
  const updater = { channel: null, isAddNoCacheQuery: false } as never;
  const runtime = { platform: 'linux', executor: null, isUseMultipleRangeRequest: false } as never;
  return { p: new Provider({ provider: 'custom' }, updater, runtime), log };
}

describe('verified provider (real electron-updater GenericProvider)', () => {
  it('hands electron-updater the signed metadata: version, staging, installer URL and SHA-512', async () => {
    server.files.set(FILE, signedYml(FILE, '1.5.0', [key], { stagingPercentage: 10 }));
    const { p } = provider();
    const info = await p.getLatestVersion();
    expect(info.version).toBe('1.5.0');
    expect(info.stagingPercentage).toBe(10);
    expect(info.files[0]!.sha512).toBe(installerSha512('1.5.0'));
    expect(p.resolveFiles(info)[0]!.url.href).toBe(`${server.url}Infomat-1.5.0.AppImage`);
    expect(releaseOf(info)).toEqual({ version: '1.5.0', sha512: [installerSha512('1.5.0')] });
    // One request, ours: electron-updater did not fetch the file a second time.
    expect(server.requests).toEqual([`/infomat/${FILE}`]);
  });

  it('unsigned metadata: the check fails with the refusal, nothing parsed', async () => {
    server.files.set(FILE, unsignedBody(signedYml(FILE, '1.5.0', [key])));
    const { p, log } = provider();
    await expect(p.getLatestVersion()).rejects.toBeInstanceOf(UpdateRefusedError);
    expect(log.entries.find((e) => e.event === 'update.refused')?.data).toMatchObject({ reason: 'unsigned', stage: 'download' });
  });
});
