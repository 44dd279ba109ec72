import { chmodSync, chownSync, mkdirSync, mkdtempSync, rmSync, statSync, symlinkSync, writeFileSync, utimesSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ensurePrivateDir, ensurePrivateDirSync, makePrivateTempDir, PrivateDirError, userStateDir } from './private-dir';
import { purgeOlderThan, startSweeper } from './retention';

const root = mkdtempSync(path.join(os.tmpdir(), 'infomat-private-test-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const posix = process.platform !== 'win32';
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

describe.runIf(posix)('private folders', () => {
  it('creates missing folders (and parents) 0700', async () => {
    const dir = path.join(root, 'a', 'b', 'c');
    expect(ensurePrivateDirSync(dir)).toBe(dir);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect(statSync(path.join(root, 'a')).mode & 0o777).toBe(0o700);
    expect(await ensurePrivateDir(dir)).toBe(dir); // an existing private one is fine
  });

  it('refuses a pre-existing folder writable by others (another user made it 0777 first)', async () => {
    const dir = path.join(root, 'shared');
    mkdirSync(dir);
    chmodSync(dir, 0o777);
    expect(() => ensurePrivateDirSync(dir)).toThrow(PrivateDirError);
    await expect(ensurePrivateDir(dir)).rejects.toMatchObject({ reason: 'shared-write' });
    expect(() => ensurePrivateDirSync(dir)).toThrow(/chmod 700/);
    chmodSync(dir, 0o775); // group-writable is refused too
    expect(() => ensurePrivateDirSync(dir)).toThrow(/права 775/);
  });

  it('refuses a folder owned by another user (simulated by the expected uid)', () => {
    const dir = path.join(root, 'mine');
    ensurePrivateDirSync(dir);
    const me = statSync(dir).uid;
    expect(() => ensurePrivateDirSync(dir, { uid: me + 1 })).toThrow(/принадлежит другому пользователю/);
  });

  it.runIf(isRoot)('refuses a folder really owned by another user (chown, needs root)', () => {
    const dir = path.join(root, 'nobody');
    mkdirSync(dir, { mode: 0o700 });
    chownSync(dir, 65534, 65534);
    expect(() => ensurePrivateDirSync(dir)).toThrow(expect.objectContaining({ reason: 'foreign-owner' }));
  });

  it('refuses a symlink or a file where the folder should be', () => {
    const target = path.join(root, 'target');
    mkdirSync(target, { mode: 0o700 });
    const link = path.join(root, 'link');
    symlinkSync(target, link);
    expect(() => ensurePrivateDirSync(link)).toThrow(expect.objectContaining({ reason: 'not-a-directory' }));
    const file = path.join(root, 'file');
    writeFileSync(file, 'x');
    expect(() => ensurePrivateDirSync(file)).toThrow();
  });

  it('makes temp folders with mkdtemp (random name, 0700)', () => {
    const a = makePrivateTempDir('x-', root);
    const b = makePrivateTempDir('x-', root);
    expect(a).not.toBe(b);
    expect(statSync(a).mode & 0o777).toBe(0o700);
  });

  it('puts the host state under XDG_STATE_HOME or ~/.local/state', () => {
    expect(userStateDir({ XDG_STATE_HOME: '/x/state' })).toBe('/x/state/infomat');
    expect(userStateDir({ XDG_STATE_HOME: 'relative' })).toBe(path.join(os.homedir(), '.local', 'state', 'infomat'));
    expect(userStateDir({})).toBe(path.join(os.homedir(), '.local', 'state', 'infomat'));
  });
});

describe('retention', () => {
  it('deletes matching files older than the cutoff only', async () => {
    const dir = makePrivateTempDir('ret-', root);
    const old = new Date(Date.now() - 40 * 86_400_000);
    for (const f of ['job-0001.bin', 'job-0001.txt', 'keep.me']) {
      writeFileSync(path.join(dir, f), 'x');
      utimesSync(path.join(dir, f), old, old);
    }
    writeFileSync(path.join(dir, 'job-0002.bin'), 'x');
    const gone = await purgeOlderThan(dir, new Date(Date.now() - 30 * 86_400_000), (n) => n.startsWith('job-'));
    expect(gone.sort()).toEqual(['job-0001.bin', 'job-0001.txt']);
    expect(existsSync(path.join(dir, 'keep.me'))).toBe(true);
    expect(existsSync(path.join(dir, 'job-0002.bin'))).toBe(true);
    expect(await purgeOlderThan(path.join(dir, 'missing'), new Date(), () => true)).toEqual([]);
  });

  it('sweeps at once, then on an unref’d timer that stop() clears', async () => {
    let runs = 0;
    const s = startSweeper(async () => void runs++, { everyMs: 3_600_000 });
    expect(runs).toBe(1);
    s.stop();
  });
});
