// One kiosk's update cycle against a loopback feed, with a stand-in for electron-updater that
// behaves as the real one does with our provider: its check reads the metadata through
// metadataForUpdater() and offers a higher version; download and install are recorded.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { recordingLogger } from '../../printing/test-helpers';
import type { RestartLedger } from './restart-ledger';
import { compareVersions, readReleaseFacts } from './release-facts';
import { unsignedBody } from './metadata-signature';
import { signedFeed } from './signed-feed';
import { startFeedServer, type FeedServer } from './testing/feed-server';
import { signedYml, testKey } from './testing/releases';
import { createUpdateRunner, type UpdateRunner, type UpdaterPort } from './update-runner';
import type { UpdateRefusalReason } from './refusals';

const FILE = 'latest-linux.yml';
const key = testKey();
const NIGHT = '2026-11-27T03:00:00+03:00';
const DAY = '2026-11-27T14:00:00+03:00';

let server: FeedServer;
beforeEach(async () => {
  server = await startFeedServer();
});
afterEach(async () => {
  await server.close();
});

function kiosk(opts: { running?: string; refused?: string[] } = {}) {
  const running = opts.running ?? '1.4.2';
  const log = recordingLogger();
  const counted: UpdateRefusalReason[] = [];
  const calls: string[] = [];
  let clock = new Date(DAY);
  let sessionActive = false;
  const nights: string[] = [];
  const refused: string[] = opts.refused ?? [];
  const ledger: RestartLedger = {
    lastNight: () => nights.at(-1) ?? null,
    record: (night) => void nights.push(night),
    refusedNight: () => refused.at(-1) ?? null,
    recordRefusal: (night) => void refused.push(night),
  };
  const feed = signedFeed({ url: server.url, fileName: FILE, keys: [key.pinned], fetch });
  const updater: UpdaterPort = {
    async check() {
      calls.push('check');
      const facts = readReleaseFacts(await runner.metadataForUpdater())!;
      return { available: compareVersions(facts.version, running) > 0, release: { version: facts.version, sha512: facts.sha512 } };
    },
    async download() {
      calls.push('download');
    },
    install() {
      calls.push('install');
    },
  };
  const runner: UpdateRunner = createUpdateRunner({
    feed,
    updater,
    log,
    metrics: { updateRefused: (r) => void counted.push(r) },
    ledger,
    kioskId: 'KIOSK-0042',
    window: { start: '02:00', end: '05:00' },
    timeZone: 'Europe/Moscow',
    quietMs: 120_000,
    activity: () => ({ sessionActive, lastActivity: null }),
    endSession: () => void calls.push('endSession'),
    now: () => clock,
  });
  return {
    runner,
    log,
    counted,
    calls,
    nights,
    refused,
    at: (iso: string) => void (clock = new Date(iso)),
    patient: (active: boolean) => void (sessionActive = active),
    refusals: () => log.entries.filter((e) => e.event === 'update.refused' && e.level === 'audit').map((e) => e.data),
  };
}

const publish = (version: string, opts?: { build?: string }) => server.files.set(FILE, signedYml(FILE, version, [key], opts));

describe('before downloading', () => {
  it('a signed release: verified, then downloaded; nothing refused', async () => {
    const k = kiosk();
    publish('1.5.0');
    await k.runner.check();
    expect(k.calls).toEqual(['check', 'download']);
    expect(k.runner.downloaded()?.version).toBe('1.5.0');
    expect(k.log.entries.map((e) => e.event)).toEqual(['update.metadata_verified', 'update.available', 'update.downloaded']);
    expect(k.counted).toEqual([]);
  });

  it.each([
    ['unsigned', () => unsignedBody(signedYml(FILE, '1.5.0', [key]))],
    ['bad-signature', () => Buffer.from(signedYml(FILE, '1.5.0', [key]).toString('utf8').replace('version: 1.5.0', 'version: 1.6.0'))],
    ['unknown-key', () => signedYml(FILE, '1.5.0', [testKey()])],
  ] as const)('%s metadata: refused before electron-updater sees it; nothing downloaded; audited and counted once', async (reason, file) => {
    const k = kiosk();
    server.files.set(FILE, file());
    await k.runner.check();
    expect(k.calls).toEqual(['check']);
    expect(k.runner.downloaded()).toBeNull();
    expect(k.refusals()).toEqual([expect.objectContaining({ stage: 'download', reason, file: FILE })]);
    expect(k.log.entries.filter((e) => e.event === 'update.refused').map((e) => e.level)).toEqual(['audit', 'warn']);
    expect(k.counted).toEqual([reason]);
    // Already said once as a refusal: not also a generic check failure.
    expect(k.log.entries.some((e) => e.event === 'update.check_failed')).toBe(false);
  });

  it('no metadata or no server: a failed check, not a refusal', async () => {
    const k = kiosk();
    await k.runner.check();
    expect(k.log.entries.find((e) => e.event === 'update.check_failed')?.data?.error).toMatch(/is not in the update feed/);
    expect(k.counted).toEqual([]);
  });
});

describe('before installing (the feed is read again)', () => {
  async function downloaded(k: ReturnType<typeof kiosk>) {
    publish('1.5.0');
    await k.runner.check();
    expect(k.runner.downloaded()?.version).toBe('1.5.0');
    k.calls.length = 0;
  }

  it('outside the window nothing is fetched; inside it, still offered as downloaded: installed', async () => {
    const k = kiosk();
    await downloaded(k);
    const before = server.requests.length;
    await k.runner.tick();
    expect(server.requests.length).toBe(before);
    k.at(NIGHT);
    await k.runner.tick();
    expect(server.requests.length).toBe(before + 1);
    expect(k.calls).toEqual(['endSession', 'install']);
    expect(k.nights).toEqual(['2026-11-27']);
    expect(k.log.entries.find((e) => e.event === 'update.installing')).toMatchObject({ level: 'audit', data: { version: '1.5.0', night: '2026-11-27' } });
  });

  it.each([
    ['pulled: the metadata removed after the download', 'pulled', (): void => void server.files.delete(FILE)],
    ['the previous version put back', 'version-lowered', () => publish('1.4.2')],
    ['the same version rebuilt', 'changed', () => publish('1.5.0', { build: 'rebuilt' })],
    ['the signature no longer valid', 'bad-signature', () => server.files.set(FILE, Buffer.from(signedYml(FILE, '1.5.0', [key]).toString('utf8').replace('size: 112735821', 'size: 2')))],
  ] as const)('%s: not installed that night (%s), audited and counted', async (_name, reason, change) => {
    const k = kiosk();
    await downloaded(k);
    change();
    k.at(NIGHT);
    await k.runner.tick();
    expect(k.calls).toEqual([]);
    expect(k.refusals()).toEqual([expect.objectContaining({ stage: 'install', reason, version: '1.5.0', file: FILE })]);
    expect(k.counted).toEqual([reason]);
    expect(k.runner.downloaded()).toBeNull();
    // Put back as it was and downloaded again the same night: still not installed tonight…
    publish('1.5.0');
    await k.runner.check();
    k.calls.length = 0;
    k.at('2026-11-27T04:00:00+03:00');
    await k.runner.tick();
    expect(k.calls).toEqual([]);
    expect(k.log.entries.filter((e) => e.event === 'update.waiting').at(-1)?.data).toMatchObject({ reason: 'refused-tonight' });
    // …but the next night.
    k.at('2026-11-28T03:00:00+03:00');
    await k.runner.tick();
    expect(k.calls).toEqual(['endSession', 'install']);
  });

  it('a refusal is remembered across a restart the same night: the next release offered waits for the next night', async () => {
    const k = kiosk();
    await downloaded(k);
    server.files.delete(FILE);
    k.at(NIGHT);
    await k.runner.tick();
    expect(k.refused).toEqual(['2026-11-27']);
    // The kiosk restarts (a power cut) and a newer release is offered within the same window.
    const after = kiosk({ refused: k.refused });
    publish('1.5.1');
    await after.runner.check();
    after.calls.length = 0;
    after.at('2026-11-27T04:00:00+03:00');
    await after.runner.tick();
    expect(after.calls).toEqual([]);
    expect(after.log.entries.filter((e) => e.event === 'update.waiting').at(-1)?.data).toMatchObject({ reason: 'refused-tonight' });
    after.at('2026-11-28T03:00:00+03:00');
    await after.runner.tick();
    expect(after.calls).toEqual(['endSession', 'install']);
  });

  it('the feed unreachable at the window: waits without refusing, installs once it answers', async () => {
    const k = kiosk();
    await downloaded(k);
    server.files.set(FILE, { status: 503 });
    k.at(NIGHT);
    await k.runner.tick();
    expect(k.calls).toEqual([]);
    expect(k.counted).toEqual([]);
    expect(k.log.entries.filter((e) => e.event === 'update.waiting').at(-1)?.data).toMatchObject({ reason: 'feed-unreachable', detail: expect.stringMatching(/HTTP 503/) });
    publish('1.5.0');
    await k.runner.tick();
    expect(k.calls).toEqual(['endSession', 'install']);
  });

  it('a newer version published meanwhile: the old download is not installed; the newer one is fetched and installed', async () => {
    const k = kiosk();
    await downloaded(k);
    publish('1.5.1');
    k.at(NIGHT);
    await k.runner.tick();
    expect(k.calls).toEqual(['check', 'download']);
    expect(k.counted).toEqual([]);
    expect(k.runner.downloaded()?.version).toBe('1.5.1');
    k.calls.length = 0;
    await k.runner.tick();
    expect(k.calls).toEqual(['endSession', 'install']);
  });

  it('a patient at the screen: no feed read, no install', async () => {
    const k = kiosk();
    await downloaded(k);
    k.at(NIGHT);
    k.patient(true);
    const before = server.requests.length;
    await k.runner.tick();
    expect(server.requests.length).toBe(before);
    expect(k.calls).toEqual([]);
  });
});
