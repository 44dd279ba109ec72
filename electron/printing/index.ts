// The printing layer's one entry point: config in, a SlipPrinter out. Every printer fault ends
// as an outcome with its `fault` (the patient reads `printer.<fault>` in their language) — never
// as an exception — because the booking already stands when we print and a failed slip must not
// look like a failed booking.
import { PrinterConfigSchema, type PrinterConfig } from '../core/config/schema';
import { startSweeper } from '../core/fs/retention';
import { silentLogger, slipId, type Logger, type PrintHistory, type PrinterReadiness, type SlipData, type SlipPrintOutcome, type SlipPrinter } from '../core/ports';
import { encodeSlip } from './escpos-encode';
import { PrintJournal, type JobRecord } from './print-journal';
import { resolveProfile, type ResolvedProfile } from './profiles';
import type { PrinterFault } from '../common/printer-faults';
import { blockingFault, type PrinterStatus } from './status';
import { PrinterError, type SlipTransport } from './transport';
import { createDeviceTransport } from './transport-device';
import { createTcpTransport } from './transport-tcp';

export { renderSlipHtml, slipPageSizeMm } from './html-slip';
export { buildSlipLayout, layoutToText, wrapWords, type SlipLayout, type SlipBlock } from './slip-layout';
export { encodeSlip, encodeLayout } from './escpos-encode';
export { resolveProfile, printerProfiles, type PrinterProfile, type ResolvedProfile } from './profiles';
export { parseStatus, blockingFault, type PrinterStatus } from './status';
export { PrinterError, type SlipTransport } from './transport';
export { createTcpTransport } from './transport-tcp';
export { createDeviceTransport } from './transport-device';
export type { JobRecord } from './print-journal';

export interface SlipPrinterOptions {
  journalDir: string;
  log?: Logger;
  /** Replaces the transport from the config, e.g. the OS printer from the Electron shell. */
  transport?: SlipTransport;
  now?: () => Date;
  /** Journal records older than this are purged at start and daily. Default 30 (config `retentionDays`). */
  retentionDays?: number;
}

export interface JournaledSlipPrinter extends SlipPrinter {
  jobs(): Promise<JobRecord[]>;
  /** Stops the daily journal purge. */
  close(): void;
}

/** The transport a config describes; null for `os`, which only the Electron shell can provide. */
export function transportFromConfig(config: PrinterConfig): SlipTransport | null {
  const t = config.transport;
  switch (t.type) {
    case 'tcp':
      return createTcpTransport({ host: t.host, port: t.port, timeoutMs: t.timeoutMs, statusQuery: t.statusQuery });
    case 'device':
      return createDeviceTransport({ path: t.path });
    case 'os':
      return null;
  }
}

function faultOf(err: unknown): PrinterFault {
  if (!(err instanceof PrinterError)) return 'internal';
  switch (err.code) {
    case 'unreachable':
    case 'timeout':
      return 'unreachable';
    case 'disconnected':
      return 'interrupted';
    case 'protocol':
      return 'offline';
    case 'device':
      return 'error';
  }
}

/** A failure that already knows its fault (status said no). */
class Refused extends Error {
  constructor(readonly fault: PrinterFault, detail: string, readonly sent: boolean) {
    super(detail);
  }
}

/** Every byte went out but the printer did not confirm the job. */
class Unconfirmed extends Error {}

export function readinessOf(s: PrinterStatus): PrinterReadiness {
  if (s.paperEnd) return 'paper-end';
  if (s.coverOpen) return 'cover-open';
  if (s.error) return 'error';
  if (!s.online) return 'offline';
  return s.paperNearEnd ? 'near-end' : 'ready';
}

function historyOf(journal: PrintJournal, ticketGuid: string): PrintHistory {
  const original = journal.original(ticketGuid);
  const copies = journal.copies(ticketGuid);
  const againAttempts = Math.max(0, (original?.attempts ?? 0) - 1) + copies.reduce((n, c) => n + c.attempts, 0);
  const last = [original, ...copies].filter((j): j is JobRecord => j !== undefined).sort((a, b) => a.updatedAt.localeCompare(b.updatedAt)).at(-1);
  let state: PrintHistory['original'] = 'none';
  if (original) {
    if (original.state === 'done') state = 'printed';
    else if (original.state === 'failed') state = original.sent ? 'failed-sent' : 'failed-unsent';
    else state = original.state;
  }
  return { original: state, againAttempts, lastFault: last?.state === 'failed' ? last.fault : null, originalAt: original?.createdAt ?? null };
}

export function createSlipPrinter(config: PrinterConfig, opts: SlipPrinterOptions): JournaledSlipPrinter {
  const log = opts.log ?? silentLogger;
  const parsed = PrinterConfigSchema.safeParse(config);
  if (!parsed.success) log.error('printer.config-invalid', { issues: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) });
  const cfg = parsed.success ? parsed.data : null;
  const profile: ResolvedProfile | null = cfg ? resolveProfile(cfg) : null;
  const transport = opts.transport ?? (cfg ? transportFromConfig(cfg) : null);
  if (cfg && !transport) log.error('printer.no-transport', { type: cfg.transport.type });

  // Opened on first use: the factory is synchronous and a broken journal folder must not stop
  // the kiosk from starting, nor printing, nor the print-once guard (it then lives in memory).
  let journalP: Promise<PrintJournal> | null = null;
  let opened: PrintJournal | null = null;
  const journal = (): Promise<PrintJournal> =>
    (journalP ??= PrintJournal.open(opts.journalDir, {
      now: opts.now,
      retentionDays: opts.retentionDays,
      onCorrupt: (file, err) => log.warn('print.journal-corrupt', { file, error: String(err) }),
    })
      .catch((err: unknown) => {
        log.error('print.journal-unavailable', { dir: opts.journalDir, error: String(err) });
        return PrintJournal.inMemory(`journal folder unusable: ${String(err)}`, opts.now);
      })
      .then((j) => (opened = j)));

  // The journal is opened (and purged) at start, then purged daily; the timer never keeps the
  // process alive and close() clears it.
  const sweeper = startSweeper(
    async () => {
      const purged = await (await journal()).purge();
      if (purged) log.info('print.journal-purged', { purged });
    },
    { onError: (err) => log.error('print.journal-purge-failed', { error: String(err) }) },
  );

  async function record<T>(what: string, fn: () => Promise<T>): Promise<void> {
    try {
      await fn();
    } catch (err) {
      log.error('print.journal-write-failed', { what, error: String(err) });
    }
  }

  async function deliver(slip: SlipData): Promise<number | null> {
    if (!transport || !profile) throw new Refused('notConfigured', 'no transport or invalid printer config', false);
    if (transport.printSlip) {
      await transport.printSlip(slip);
      return null;
    }
    if (transport.queryStatus) {
      const status = await transport.queryStatus();
      const block = blockingFault(status);
      if (block) throw new Refused(block, `printer status refuses: ${JSON.stringify(status)}`, false);
      if (status.paperNearEnd) log.warn('printer.paper-near-end', { transport: transport.description });
    }
    const bytes = encodeSlip(slip, profile);
    try {
      await transport.send(bytes);
    } catch (err) {
      // Nothing was sent only when the connection never opened.
      if (err instanceof PrinterError && err.code === 'unreachable') throw new Refused(faultOf(err), err.message, false);
      throw err;
    }
    if (transport.queryStatus) {
      // The answer after the job proves the printer read it; paper running out or the cover
      // opening meanwhile leaves a torn slip, which the patient must not take for a good one.
      let after: PrinterStatus;
      try {
        after = await transport.queryStatus();
      } catch (err) {
        // Every byte was written: the slip most likely came out. Counting it as failed would
        // let each tap print another full slip.
        throw new Unconfirmed(err instanceof Error ? err.message : String(err));
      }
      if (after.paperEnd || after.coverOpen || after.error) {
        throw new Refused(blockingFault(after) ?? 'error', `printer status after job: ${JSON.stringify(after)}`, true);
      }
    }
    return bytes.length;
  }

  async function attempt(slip: SlipData): Promise<SlipPrintOutcome> {
    const j = await journal();
    let jobId = `${slipId(slip)}-${Date.now().toString(36)}`;
    try {
      jobId = (await j.begin(slip)).jobId;
    } catch (err) {
      log.error('print.journal-write-failed', { what: 'begin', error: String(err) });
      jobId = j.list().at(-1)?.jobId ?? jobId;
    }
    const started = performance.now();
    try {
      const bytes = await deliver(slip);
      await record('done', () => j.markDone(jobId, bytes));
      log.info('print.sent', { jobId, bytes, ms: Math.round(performance.now() - started), transport: transport?.description, reprint: slip.reprint });
      return { jobId, state: 'printed', fault: null };
    } catch (err) {
      const detail = err instanceof Error ? err.message : String(err);
      if (err instanceof Unconfirmed) {
        await record('uncertain', () => j.markUncertain(jobId, null, detail));
        log.warn('print.unconfirmed', { jobId, detail, transport: transport?.description });
        return { jobId, state: 'uncertain', fault: 'uncertain' };
      }
      const fault = err instanceof Refused ? err.fault : faultOf(err);
      const sent = err instanceof Refused ? err.sent : true;
      await record('failed', () => j.markFailed(jobId, fault, detail, sent));
      const level = err instanceof Refused || err instanceof PrinterError ? 'warn' : 'error';
      log[level]('print.failed', { jobId, code: err instanceof PrinterError ? err.code : undefined, detail, sent, transport: transport?.description });
      return { jobId, state: 'failed', fault };
    }
  }

  async function printOnce(slip: SlipData): Promise<SlipPrintOutcome> {
    if (!slip.reprint) {
      // The original goes out again only if it never reached the printer; anything else asks
      // for a copy, which the core marks ПОВТОРНАЯ.
      const prev = (await journal()).original(slipId(slip));
      if (prev && !(prev.state === 'failed' && !prev.sent)) {
        log.info('print.already-printed', { jobId: prev.jobId, state: prev.state });
        return { jobId: prev.jobId, state: prev.state === 'done' ? 'printed' : prev.state === 'failed' ? 'failed' : 'uncertain', fault: prev.state === 'done' ? null : prev.state === 'failed' ? prev.fault : 'uncertain' };
      }
    }
    return attempt(slip);
  }

  // One job at a time: a second tap must see the first job's journal entry, and the printer
  // would interleave two jobs' bytes anyway.
  let tail: Promise<unknown> = Promise.resolve();
  function serial<T>(fn: () => Promise<T>, fallback: T): Promise<T> {
    const run = tail.then(fn).catch((err: unknown) => {
      log.error('print.bug', { error: err instanceof Error ? err.stack ?? err.message : String(err) });
      return fallback;
    });
    tail = run;
    return run;
  }

  return {
    printSlip: (slip) =>
      serial(() => printOnce(slip), { jobId: slip?.ticket?.ticketGuid ?? slip?.summary?.id ?? '', state: 'failed', fault: 'internal' }),
    history: async (ticketGuid) => historyOf(await journal(), ticketGuid),
    readiness: () =>
      serial(async (): Promise<PrinterReadiness> => {
        if (!transport?.queryStatus) return 'unknown';
        try {
          return readinessOf(await transport.queryStatus());
        } catch {
          return 'offline';
        }
      }, 'unknown'),
    journalFault: () => opened?.fault ?? null,
    jobs: async () => (await journal()).list(),
    close: () => sweeper.stop(),
  };
}
