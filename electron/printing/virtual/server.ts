// A receipt printer on a loopback port, for the demo mode, the tests and a developer without
// hardware. It speaks the part of a network ESC/POS printer the kiosk relies on: raw jobs on
// TCP, real-time `DLE EOT` answers from a settable state, and a job boundary at disconnect.
// Each job is kept three ways: the raw bytes, the text a person would read, and a real-size
// picture of the slip. The folder is private (0700, refused if another user's), the files 0600,
// and slips older than the retention period are deleted at start and daily.
import { promises as fs } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { ensurePrivateDir } from '../../core/fs/private-dir';
import { cutoffFor, DEFAULT_RETENTION_DAYS, purgeOlderThan, startSweeper } from '../../core/fs/retention';
import { DLE, EOT, statusBytes } from '../status';
import { decodeEscPos, decodedToText, EPSON_CODEPAGES, type CodepageTable } from './escpos-decode';
import { slipToPng } from './render-png';

export type VirtualStatus = 'ok' | 'paper-end' | 'paper-near-end' | 'cover-open' | 'offline';
export interface VirtualJob {
  id: string;
  bytes: number;
  text: string;
  textPath: string;
  /** Empty when the image renderer is not installed (a packaged kiosk in demo mode). */
  pngPath: string;
  binPath: string;
}
export interface RunningVirtualPrinter {
  port: number;
  host: string;
  close(): Promise<void>;
  setStatus(s: VirtualStatus): void;
  jobs(): VirtualJob[];
  /** The oldest job not yet returned by an earlier call; waits for one if there is none. */
  waitForJob(timeoutMs?: number): Promise<VirtualJob>;
}
export interface VirtualPrinterOptions {
  /** 0 picks a free port. Default 0 (the CLI defaults to 9100). */
  port?: number;
  host?: string;
  outDir: string;
  status?: VirtualStatus;
  quiet?: boolean;
  /** Roll width: 80 mm = 576 dots / 48 columns (default), 58 mm = 384 / 32. */
  widthMm?: 58 | 80;
  /** `ESC t` numbers this printer understands. Default: Epson's, plus 23 = WPC1251 of 58 mm clones. */
  codepages?: CodepageTable;
  /** Slips older than this many days are deleted at start and daily. Default 30. */
  retentionDays?: number;
  now?: () => Date;
}

/** A job ends at disconnect, or this long after a cut with nothing more arriving. */
const IDLE_AFTER_CUT_MS = 300;

function toFlags(s: VirtualStatus) {
  return {
    online: s !== 'offline',
    coverOpen: s === 'cover-open',
    paperEnd: s === 'paper-end',
    paperNearEnd: s === 'paper-near-end',
    error: false,
  };
}

async function nextJobNumber(dir: string): Promise<number> {
  const names = await fs.readdir(dir).catch(() => [] as string[]);
  const nums = names.map((n) => /^job-(\d+)\.bin$/.exec(n)?.[1]).filter((n): n is string => !!n).map(Number);
  return nums.length ? Math.max(...nums) + 1 : 1;
}

export async function startVirtualPrinter(opts: VirtualPrinterOptions): Promise<RunningVirtualPrinter> {
  const host = opts.host ?? '127.0.0.1';
  const widthMm = opts.widthMm ?? 80;
  const dots = widthMm === 58 ? 384 : 576;
  const columns = widthMm === 58 ? 32 : 48;
  const table = opts.codepages ?? { ...EPSON_CODEPAGES, 23: 'win1251' };
  const say = (line: string): void => {
    if (!opts.quiet) console.log(line);
  };
  await ensurePrivateDir(opts.outDir);
  const now = opts.now ?? (() => new Date());
  const retentionDays = opts.retentionDays ?? DEFAULT_RETENTION_DAYS;
  const purge = async (): Promise<void> => {
    const gone = await purgeOlderThan(opts.outDir, cutoffFor(now(), retentionDays), (n) => /^job-\d+\.(bin|txt|png)$/.test(n));
    if (gone.length) say(`[printer] ${gone.length} old slip files deleted (older than ${retentionDays} days)`);
  };
  await purge();
  let counter = await nextJobNumber(opts.outDir);
  let status: VirtualStatus = opts.status ?? 'ok';
  const done: VirtualJob[] = [];
  let delivered = 0;
  const waiters: Array<() => void> = [];
  const pending = new Set<Promise<void>>();
  const sockets = new Set<net.Socket>();

  async function saveJob(bytes: Buffer): Promise<void> {
    const flags = toFlags(status);
    if (!flags.online || flags.coverOpen || flags.paperEnd) {
      say(`[printer] ${bytes.length} bytes dropped: printer is ${status}`);
      return;
    }
    const id = `job-${String(counter++).padStart(4, '0')}`;
    const binPath = path.join(opts.outDir, `${id}.bin`);
    const textPath = path.join(opts.outDir, `${id}.txt`);
    const pngPath = path.join(opts.outDir, `${id}.png`);
    const decoded = decodeEscPos(bytes, table);
    const text = decodedToText(decoded, columns);
    await fs.writeFile(binPath, bytes, { mode: 0o600 });
    await fs.writeFile(textPath, text, { encoding: 'utf8', mode: 0o600 });
    let image = pngPath;
    try {
      await fs.writeFile(pngPath, await slipToPng(decoded, dots), { mode: 0o600 });
    } catch (err) {
      // A packaged kiosk may lack the image renderer (a dev dependency); text and bytes still count.
      image = '';
      say(`[printer] ${id}: no PNG (${err instanceof Error ? err.message : String(err)})`);
    }
    const job: VirtualJob = { id, bytes: bytes.length, text, textPath, pngPath: image, binPath };
    done.push(job);
    say(`[printer] ${id}: ${bytes.length} bytes → ${textPath}, ${image || '(no png)'}, ${binPath}`);
    for (const w of waiters.splice(0)) w();
  }

  function finish(bytes: Buffer): void {
    if (!bytes.length) return;
    const p = saveJob(bytes)
      .catch((err: unknown) => say(`[printer] failed to store a job: ${String(err)}`))
      .finally(() => pending.delete(p));
    pending.add(p);
  }

  const server = net.createServer((socket) => {
    sockets.add(socket);
    let job: Buffer[] = [];
    let carry = Buffer.alloc(0);
    let sawCut = false;
    let idle: NodeJS.Timeout | undefined;
    const flush = (): void => {
      clearTimeout(idle);
      finish(Buffer.concat(job));
      job = [];
      sawCut = false;
    };
    socket.on('data', (chunk: Buffer) => {
      clearTimeout(idle);
      let data = Buffer.concat([carry, chunk]);
      carry = Buffer.alloc(0);
      // DLE EOT is real-time: answered the moment it arrives, never part of the printed job.
      const keep: number[] = [];
      let i = 0;
      for (; i < data.length; i++) {
        if (data[i] === DLE && (i + 2 >= data.length || data[i + 1] === EOT)) {
          if (i + 2 >= data.length) break; // split across chunks: wait for the rest
          const n = data[i + 2] ?? 0;
          if (n >= 1 && n <= 4) {
            socket.write(Buffer.from([statusBytes(toFlags(status))[n - 1] ?? 0x12]));
            i += 2;
            continue;
          }
        }
        keep.push(data[i] ?? 0);
      }
      carry = data.subarray(i);
      data = Buffer.from(keep);
      if (!data.length) return;
      job.push(data);
      if (data.includes(Buffer.from([0x1d, 0x56]))) sawCut = true;
      if (sawCut) idle = setTimeout(flush, IDLE_AFTER_CUT_MS);
    });
    socket.on('error', () => undefined);
    socket.on('close', () => {
      sockets.delete(socket);
      flush();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as net.AddressInfo).port;
  // At start it already ran above; this timer repeats it daily (unref'd, cleared on close).
  const sweeper = startSweeper(purge, { everyMs: 86_400_000, onError: (err) => say(`[printer] purge failed: ${String(err)}`) });
  say(`[printer] virtual ESC/POS printer (${widthMm} mm) on ${host}:${port}, status ${status}, slips in ${opts.outDir}`);

  return {
    port,
    host,
    setStatus(s) {
      status = s;
      say(`[printer] status → ${s}`);
    },
    jobs: () => [...done],
    waitForJob(timeoutMs = 5000) {
      return new Promise<VirtualJob>((resolve, reject) => {
        let expired = false;
        const take = (): boolean => {
          if (expired) return true;
          const job = done[delivered];
          if (!job) return false;
          delivered++;
          clearTimeout(timer);
          resolve(job);
          return true;
        };
        const timer = setTimeout(() => {
          expired = true;
          reject(new Error(`no print job within ${timeoutMs} ms`));
        }, timeoutMs);
        if (take()) return;
        const retry = (): void => {
          if (!take()) waiters.push(retry);
        };
        waiters.push(retry);
      });
    },
    async close() {
      sweeper.stop();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const s of sockets) s.destroy();
      });
      await Promise.all([...pending]);
    },
  };
}
