// A durable record of print jobs, one JSON file per job, each replaced atomically (write a
// temp file, fsync, rename). It exists so a restart of the kiosk — or a patient tapping
// «Печать» twice — never puts a second copy of a ticket into the lobby unless a reprint was
// asked for, and so a job that failed can be sent again with the same id.
// Records hold the slip itself (no patient name or policy number is ever on it) so a failed
// job can be retried without the booking flow. The folder is private (0700, refused if another
// user's), the files 0600, and records older than the retention period are purged at open and
// by `purge()` (the printer calls it daily).
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { ensurePrivateDir } from '../core/fs/private-dir';
import { DAY_MS, DEFAULT_RETENTION_DAYS } from '../core/fs/retention';
import { slipId, type SlipData } from '../core/ports';
import { DEFAULT_LOCALE, isLocale } from '../common/i18n/locales';
import { PRINTER_FAULTS, type PrinterFault } from '../common/printer-faults';

/**
 * pending: begun, outcome not recorded (a crash mid-job: treat as possibly printed).
 * done: the printer confirmed. uncertain: every byte went out but the printer did not confirm.
 * failed: see `sent` — whether any byte may have reached the paper.
 */
export type JobState = 'pending' | 'done' | 'uncertain' | 'failed';

export interface JobRecord {
  jobId: string;
  ticketGuid: string;
  reprint: boolean;
  state: JobState;
  attempts: number;
  /** Whether bytes of the last attempt may have reached the printer (a torn or partial slip). */
  sent: boolean;
  createdAt: string;
  updatedAt: string;
  /** Why the last attempt failed (the patient reads it in their language). */
  fault: PrinterFault | null;
  /** Technical detail of the last failure, for the technician. */
  detail: string | null;
  bytes: number | null;
  slip: SlipData;
}

const FILE_PREFIX = 'job-';

function safeId(s: string): string {
  return s.replace(/[^A-Za-z0-9-]/g, '_').slice(0, 80);
}

export class PrintJournal {
  private readonly jobs = new Map<string, JobRecord>();
  /** Set when a record could not be written: the guard then holds in memory only. */
  fault: string | null = null;

  private constructor(
    /** null: a journal in memory only, used when the folder cannot be used at all. */
    readonly dir: string | null,
    private readonly now: () => Date,
    private readonly retentionDays: number,
  ) {}

  /**
   * When the journal folder is unusable the kiosk still must not print a ticket twice: the
   * same rules hold in memory until the next start (the technician sees the fault).
   */
  static inMemory(reason: string, now?: () => Date): PrintJournal {
    const j = new PrintJournal(null, now ?? (() => new Date()), DEFAULT_RETENTION_DAYS);
    j.fault = reason;
    return j;
  }

  static async open(
    dir: string,
    opts: { now?: () => Date; onCorrupt?: (file: string, err: unknown) => void; retentionDays?: number } = {},
  ): Promise<PrintJournal> {
    // A kiosk prints a few hundred slips a day; a month covers every reprint a patient can ask
    // for (the visit is long over) and keeps the folder small.
    const journal = new PrintJournal(dir, opts.now ?? (() => new Date()), opts.retentionDays ?? DEFAULT_RETENTION_DAYS);
    const cutoff = journal.cutoff();
    await ensurePrivateDir(dir);
    for (const name of await fs.readdir(dir)) {
      const file = path.join(dir, name);
      // A temp file is a write that was interrupted before its rename: the old record stands.
      if (name.includes('.tmp-')) {
        await fs.rm(file, { force: true });
        continue;
      }
      if (!name.startsWith(FILE_PREFIX) || !name.endsWith('.json')) continue;
      try {
        const rec = JSON.parse(await fs.readFile(file, 'utf8')) as JobRecord;
        // Records from before `sent` existed: a job not marked failed may have printed.
        if (typeof rec.sent !== 'boolean') rec.sent = rec.state !== 'failed';
        // Records from before faults replaced sentences: a failure whose reason is gone is «internal».
        if (!(PRINTER_FAULTS as readonly unknown[]).includes(rec.fault)) rec.fault = rec.state === 'failed' ? 'internal' : null;
        // Records from before slips had a language: they were printed in the default one.
        if (rec.slip && !isLocale(rec.slip.locale)) rec.slip.locale = DEFAULT_LOCALE;
        delete (rec as { message?: unknown }).message;
        if (typeof rec.jobId !== 'string' || typeof rec.ticketGuid !== 'string') throw new Error('not a job record');
        if (Date.parse(rec.updatedAt) < cutoff) await fs.rm(file, { force: true });
        else journal.jobs.set(rec.jobId, rec);
      } catch (err) {
        opts.onCorrupt?.(file, err);
      }
    }
    return journal;
  }

  private cutoff(): number {
    return this.now().getTime() - this.retentionDays * DAY_MS;
  }

  /** Deletes the records last changed before the retention period; returns how many. */
  async purge(): Promise<number> {
    const cutoff = this.cutoff();
    let n = 0;
    for (const rec of [...this.jobs.values()]) {
      if (Date.parse(rec.updatedAt) >= cutoff) continue;
      if (this.dir !== null) await fs.rm(path.join(this.dir, `${FILE_PREFIX}${rec.jobId}.json`), { force: true });
      this.jobs.delete(rec.jobId);
      n++;
    }
    return n;
  }

  list(): JobRecord[] {
    return [...this.jobs.values()].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  }

  get(jobId: string): JobRecord | undefined {
    return this.jobs.get(jobId);
  }

  /** The original (not a copy) print job of this ticket, if one was begun. */
  original(ticketGuid: string): JobRecord | undefined {
    return this.jobs.get(safeId(ticketGuid));
  }

  /** Copies marked ПОВТОРНАЯ begun for this ticket. */
  copies(ticketGuid: string): JobRecord[] {
    return this.list().filter((j) => j.ticketGuid === ticketGuid && j.reprint);
  }

  /**
   * Records the job before any byte is sent. The original print of a ticket keeps one id
   * across retries; every reprint gets its own, kept when that reprint is retried.
   */
  async begin(slip: SlipData, retryOf?: string): Promise<JobRecord> {
    const guid = slipId(slip);
    const base = safeId(guid);
    let jobId = retryOf ?? base;
    if (slip.reprint && !retryOf) {
      const n = this.list().filter((j) => j.ticketGuid === guid && j.reprint).length + 1;
      jobId = `${base}-r${n}`;
    }
    const at = this.now().toISOString();
    const prev = this.jobs.get(jobId);
    const rec: JobRecord = {
      jobId,
      ticketGuid: guid,
      reprint: slip.reprint,
      state: 'pending',
      attempts: (prev?.attempts ?? 0) + 1,
      sent: false,
      createdAt: prev?.createdAt ?? at,
      updatedAt: at,
      fault: null,
      detail: null,
      bytes: null,
      slip,
    };
    await this.write(rec);
    return rec;
  }

  async markDone(jobId: string, bytes: number | null): Promise<JobRecord> {
    return this.update(jobId, { state: 'done', sent: true, bytes, fault: null, detail: null });
  }

  async markUncertain(jobId: string, bytes: number | null, detail: string): Promise<JobRecord> {
    return this.update(jobId, { state: 'uncertain', sent: true, bytes, fault: null, detail });
  }

  async markFailed(jobId: string, fault: PrinterFault, detail: string | null, sent: boolean): Promise<JobRecord> {
    return this.update(jobId, { state: 'failed', sent, fault, detail });
  }

  private async update(jobId: string, patch: Partial<JobRecord>): Promise<JobRecord> {
    const prev = this.jobs.get(jobId);
    if (!prev) throw new Error(`unknown print job ${jobId}`);
    const rec = { ...prev, ...patch, updatedAt: this.now().toISOString() };
    await this.write(rec);
    return rec;
  }

  /**
   * The record counts in memory before it is persisted: if the disk refuses, the print-once
   * guard still holds for this run, and the failure is reported (thrown) to be logged.
   */
  private async write(rec: JobRecord): Promise<void> {
    this.jobs.set(rec.jobId, rec);
    if (this.dir === null) return;
    try {
      await this.persist(this.dir, rec);
    } catch (err) {
      this.fault = `journal write failed: ${err instanceof Error ? err.message : String(err)}`;
      throw err;
    }
  }

  private async persist(dir: string, rec: JobRecord): Promise<void> {
    const file = path.join(dir, `${FILE_PREFIX}${rec.jobId}.json`);
    const tmp = `${file}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
    const handle = await fs.open(tmp, 'wx', 0o600);
    try {
      await handle.writeFile(JSON.stringify(rec, null, 2));
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(tmp, file);
    // The rename itself must survive a power cut; directories cannot be fsynced on Windows.
    await fs
      .open(dir, 'r')
      .then(async (d) => {
        try {
          await d.sync();
        } finally {
          await d.close();
        }
      })
      .catch(() => undefined);
  }
}
