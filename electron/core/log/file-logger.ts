// A `Logger` writing one JSON object per line to size-rotated files: `infomat.log` for
// info/warn/error and `audit.log` for audit events (bookings, prints; no personal data).
// The folder is private (0700, refused if another user's), the files 0600, and files older
// than the retention period are deleted at start and once a day.
// Writes are synchronous on purpose: the volume is tiny and a line written just before a crash
// is the line you need. Every record goes through `redact`.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ensurePrivateDirSync } from '../fs/private-dir';
import { DAY_MS, DEFAULT_RETENTION_DAYS } from '../fs/retention';
import type { Logger } from '../ports';
import { redact, redactString } from './redact';

export type LogLevel = 'info' | 'warn' | 'error' | 'audit';

export interface FileLoggerOptions {
  dir: string;
  /** Rotate when the file would grow past this many bytes. Default 5 MiB. */
  maxBytes?: number;
  /** How many rotated files to keep besides the current one (`.1` … `.N`). Default 5. */
  keep?: number;
  /** Audit files rotate on their own; they are kept longer by default (20). */
  auditKeep?: number;
  /** Also print to stdout/stderr (dev). */
  echo?: boolean;
  kioskId?: string;
  now?: () => Date;
  /** Log files (current or rotated) not written for this many days are deleted. Default 30. */
  retentionDays?: number;
}

export interface FileLogger extends Logger {
  /** Closes file handles; later calls reopen them. */
  close(): void;
  readonly files: { log: string; audit: string };
}

export function createFileLogger(opts: FileLoggerOptions): FileLogger {
  ensurePrivateDirSync(opts.dir);
  const now = opts.now ?? (() => new Date());
  const main = new RotatingFile(path.join(opts.dir, 'infomat.log'), opts.maxBytes ?? 5 * 1024 * 1024, opts.keep ?? 5);
  const audit = new RotatingFile(path.join(opts.dir, 'audit.log'), opts.maxBytes ?? 5 * 1024 * 1024, opts.auditKeep ?? 20);
  const retentionMs = (opts.retentionDays ?? DEFAULT_RETENTION_DAYS) * DAY_MS;

  /** Age-based retention: any log file last written before the cutoff goes. */
  const sweep = (): void => {
    const cutoff = now().getTime() - retentionMs;
    let names: string[];
    try {
      names = fs.readdirSync(opts.dir);
    } catch {
      return;
    }
    for (const name of names) {
      if (!/^(infomat|audit)\.log(\.\d+)?$/.test(name)) continue;
      const file = path.join(opts.dir, name);
      try {
        if (fs.statSync(file).mtimeMs >= cutoff) continue;
        if (file === main.file) main.close();
        if (file === audit.file) audit.close();
        fs.rmSync(file, { force: true });
      } catch {
        // Gone meanwhile, or not ours to delete: the next sweep tries again.
      }
    }
  };
  sweep();
  const timer = setInterval(sweep, DAY_MS);
  timer.unref();

  const write = (level: LogLevel, event: string, data?: Record<string, unknown>) => {
    const record: Record<string, unknown> = { ts: now().toISOString(), level, event: redactString(String(event)) };
    if (opts.kioskId) record.kioskId = opts.kioskId;
    if (data !== undefined) {
      const clean = redact(data);
      if (clean && typeof clean === 'object' && !Array.isArray(clean)) {
        for (const [k, v] of Object.entries(clean)) if (!(k in record)) record[k] = v;
      } else {
        record.data = clean;
      }
    }
    let line: string;
    try {
      line = `${JSON.stringify(record)}\n`;
    } catch {
      line = `${JSON.stringify({ ts: record.ts, level, event: record.event, note: 'unserializable' })}\n`;
    }
    try {
      (level === 'audit' ? audit : main).append(line);
    } catch (err) {
      // Logging must never take the kiosk down (disk full, permissions…).
      process.stderr.write(`infomat: cannot write log: ${String((err as Error).message)}\n`);
    }
    if (opts.echo) (level === 'error' || level === 'warn' ? process.stderr : process.stdout).write(line);
  };

  return {
    info: (e, d) => write('info', e, d),
    warn: (e, d) => write('warn', e, d),
    error: (e, d) => write('error', e, d),
    audit: (e, d) => write('audit', e, d),
    close: () => {
      clearInterval(timer);
      main.close();
      audit.close();
    },
    files: { log: main.file, audit: audit.file },
  };
}

/** Size-based rotation: file → file.1 → … → file.keep (oldest dropped). */
export class RotatingFile {
  private fd: number | null = null;
  private size = 0;

  constructor(
    readonly file: string,
    private readonly maxBytes: number,
    private readonly keep: number,
  ) {}

  append(line: string): void {
    const bytes = Buffer.byteLength(line);
    if (this.fd === null) this.open();
    if (this.size > 0 && this.size + bytes > this.maxBytes) {
      this.rotate();
      this.open();
    }
    fs.writeSync(this.fd as number, line);
    this.size += bytes;
  }

  close(): void {
    if (this.fd !== null) fs.closeSync(this.fd);
    this.fd = null;
  }

  private open(): void {
    this.fd = fs.openSync(this.file, 'a', 0o600);
    // A file made by an older version (0640) is tightened too.
    if (process.platform !== 'win32') fs.fchmodSync(this.fd, 0o600);
    this.size = fs.fstatSync(this.fd).size;
  }

  private rotate(): void {
    this.close();
    if (this.keep <= 0) {
      fs.rmSync(this.file, { force: true });
      return;
    }
    fs.rmSync(`${this.file}.${this.keep}`, { force: true });
    for (let i = this.keep - 1; i >= 1; i--) {
      const from = `${this.file}.${i}`;
      if (fs.existsSync(from)) fs.renameSync(from, `${this.file}.${i + 1}`);
    }
    fs.renameSync(this.file, `${this.file}.1`);
  }
}
