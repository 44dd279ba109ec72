import { chmod, readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PrintJournal } from './print-journal';
import { sampleSlip } from './sample-slips';
import { tempDir } from './test-helpers';

describe('PrintJournal', () => {
  it('records a job before sending, then done, in files that survive a reopen', async () => {
    const dir = await tempDir('journal');
    const j = await PrintJournal.open(dir);
    const rec = await j.begin(sampleSlip());
    expect(rec).toMatchObject({ state: 'pending', attempts: 1, reprint: false });
    const onDisk = JSON.parse(await readFile(path.join(dir, `job-${rec.jobId}.json`), 'utf8')) as { state: string };
    expect(onDisk.state).toBe('pending');
    await j.markFailed(rec.jobId, 'paperEnd', 'paper end', false);
    expect(j.original(rec.ticketGuid)).toMatchObject({ state: 'failed', sent: false });
    const again = await j.begin(sampleSlip());
    expect(again).toMatchObject({ jobId: rec.jobId, attempts: 2, createdAt: rec.createdAt });
    await j.markDone(rec.jobId, 740);

    const reopened = await PrintJournal.open(dir);
    expect(reopened.original(rec.ticketGuid)).toMatchObject({ jobId: rec.jobId, state: 'done', bytes: 740, sent: true });
    const r1 = await reopened.begin(sampleSlip({ reprint: true }));
    const r2 = await reopened.begin(sampleSlip({ reprint: true }));
    expect([r1.jobId, r2.jobId]).toEqual([`${rec.jobId}-r1`, `${rec.jobId}-r2`]);
    expect((await readdir(dir)).filter((f) => f.includes('.tmp-'))).toEqual([]);
  });

  it('keeps its folder 0700 and its files 0600, and refuses a folder others can write to', async () => {
    const dir = path.join(await tempDir('journal'), 'j');
    const j = await PrintJournal.open(dir);
    const rec = await j.begin(sampleSlip());
    expect((await stat(dir)).mode & 0o777).toBe(0o700);
    expect((await stat(path.join(dir, `job-${rec.jobId}.json`))).mode & 0o777).toBe(0o600);
    const shared = await tempDir('journal');
    await chmod(shared, 0o777);
    await expect(PrintJournal.open(shared)).rejects.toMatchObject({ reason: 'shared-write' });
  });

  it('purges old records while open (the printer calls it daily)', async () => {
    const dir = await tempDir('journal');
    let now = new Date('2026-01-01T10:00:00Z');
    const j = await PrintJournal.open(dir, { now: () => now, retentionDays: 30 });
    await j.begin(sampleSlip());
    expect(await j.purge()).toBe(0);
    now = new Date('2026-02-15T10:00:00Z');
    expect(await j.purge()).toBe(1);
    expect(j.list()).toEqual([]);
    expect(await readdir(dir)).toEqual([]);
  });

  it('forgets jobs older than the retention period', async () => {
    const dir = await tempDir('journal');
    let now = new Date('2026-01-01T10:00:00Z');
    const j = await PrintJournal.open(dir, { now: () => now });
    const rec = await j.begin(sampleSlip());
    await j.markDone(rec.jobId, 1);
    now = new Date('2026-02-15T10:00:00Z');
    const later = await PrintJournal.open(dir, { now: () => now, retentionDays: 30 });
    expect(later.list()).toEqual([]);
    expect(await readdir(dir)).toEqual([]);
  });
});
