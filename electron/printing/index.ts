// The printing layer's one entry point: config in, a SlipPrinter out. Every printer fault ends
// as `{ ok: false, message }` in Russian for the patient — never as an exception — because the
// booking already stands when we print and a failed slip must not look like a failed booking.
import { PrinterConfigSchema, type PrinterConfig } from '../core/config/schema';
import { startSweeper } from '../core/fs/retention';
import { silentLogger, type Logger, type SlipData, type SlipPrintOutcome, type SlipPrinter } from '../core/ports';
import { encodeSlip } from './escpos-encode';
import { PrintJournal, type JobRecord } from './print-journal';
import { resolveProfile, type ResolvedProfile } from './profiles';
import { PRINTER_MESSAGES, blockingMessage } from './status';
import { PrinterError, type SlipTransport } from './transport';
import { createDeviceTransport } from './transport-device';
import { createTcpTransport } from './transport-tcp';

export { startVirtualPrinter } from './virtual/server';
export type { RunningVirtualPrinter, VirtualJob, VirtualStatus } from './virtual/server';
export { renderSlipHtml, slipPageSizeMm } from './html-slip';
export { buildSlipLayout, layoutToText, wrapWords, type SlipLayout, type SlipBlock } from './slip-layout';
export { encodeSlip, encodeLayout } from './escpos-encode';
export { resolveProfile, printerProfiles, type PrinterProfile, type ResolvedProfile } from './profiles';
export { parseStatus, blockingMessage, PRINTER_MESSAGES, type PrinterStatus } from './status';
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
  /** Sends a failed job again under the same id. */
  retry(jobId: string): Promise<SlipPrintOutcome>;
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

function patientMessage(err: unknown): string {
  if (!(err instanceof PrinterError)) return PRINTER_MESSAGES.internal;
  switch (err.code) {
    case 'unreachable':
    case 'timeout':
      return PRINTER_MESSAGES.unreachable;
    case 'disconnected':
      return PRINTER_MESSAGES.interrupted;
    case 'protocol':
      return PRINTER_MESSAGES.offline;
    case 'device':
      return PRINTER_MESSAGES.error;
  }
}

/** A failure that already carries the patient's message (status said no). */
class Refused extends Error {
  constructor(readonly patientMessage: string, detail: string) {
    super(detail);
  }
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
  // the kiosk from starting, nor stop printing (a slip matters more than its record).
  let journalP: Promise<PrintJournal | null> | null = null;
  const journal = (): Promise<PrintJournal | null> =>
    (journalP ??= PrintJournal.open(opts.journalDir, {
      now: opts.now,
      retentionDays: opts.retentionDays,
      onCorrupt: (file, err) => log.warn('print.journal-corrupt', { file, error: String(err) }),
    }).catch((err: unknown) => {
      log.error('print.journal-unavailable', { dir: opts.journalDir, error: String(err) });
      return null;
    }));

  // The journal is opened (and purged) at start, then purged daily; the timer never keeps the
  // process alive and close() clears it.
  const sweeper = startSweeper(
    async () => {
      const purged = (await (await journal())?.purge()) ?? 0;
      if (purged) log.info('print.journal-purged', { purged });
    },
    { onError: (err) => log.error('print.journal-purge-failed', { error: String(err) }) },
  );

  async function record<T>(what: string, fn: () => Promise<T>): Promise<T | null> {
    try {
      return await fn();
    } catch (err) {
      log.error('print.journal-write-failed', { what, error: String(err) });
      return null;
    }
  }

  async function deliver(slip: SlipData): Promise<number | null> {
    if (!transport || !profile) throw new Refused(PRINTER_MESSAGES.notConfigured, 'no transport or invalid printer config');
    if (transport.printSlip) {
      await transport.printSlip(slip);
      return null;
    }
    if (transport.queryStatus) {
      const status = await transport.queryStatus();
      const block = blockingMessage(status);
      if (block) throw new Refused(block, `printer status refuses: ${JSON.stringify(status)}`);
      if (status.paperNearEnd) log.warn('printer.paper-near-end', { transport: transport.description });
    }
    const bytes = encodeSlip(slip, profile);
    await transport.send(bytes);
    if (transport.queryStatus) {
      // The answer after the job proves the printer read it; paper running out or the cover
      // opening meanwhile leaves a torn slip, which the patient must not take for a good one.
      const after = await transport.queryStatus();
      if (after.paperEnd || after.coverOpen || after.error) {
        throw new Refused(blockingMessage(after) ?? PRINTER_MESSAGES.error, `printer status after job: ${JSON.stringify(after)}`);
      }
    }
    return bytes.length;
  }

  async function attempt(slip: SlipData, retryOf?: string): Promise<SlipPrintOutcome> {
    const j = await journal();
    const rec = j ? await record('begin', () => j.begin(slip, retryOf)) : null;
    const jobId = rec?.jobId ?? retryOf ?? `${slip.ticket.ticketGuid}-${Date.now().toString(36)}`;
    const started = performance.now();
    try {
      const bytes = await deliver(slip);
      if (j) await record('done', () => j.markDone(jobId, bytes));
      log.info('print.sent', { jobId, bytes, ms: Math.round(performance.now() - started), transport: transport?.description, reprint: slip.reprint });
      return { jobId, ok: true, message: null };
    } catch (err) {
      const message = err instanceof Refused ? err.patientMessage : patientMessage(err);
      const detail = err instanceof Error ? err.message : String(err);
      if (j) await record('failed', () => j.markFailed(jobId, message, detail));
      const level = err instanceof Refused || err instanceof PrinterError ? 'warn' : 'error';
      log[level]('print.failed', { jobId, code: err instanceof PrinterError ? err.code : undefined, detail, transport: transport?.description });
      return { jobId, ok: false, message };
    }
  }

  async function printOnce(slip: SlipData): Promise<SlipPrintOutcome> {
    if (cfg && !cfg.enabled) return { jobId: '', ok: false, message: PRINTER_MESSAGES.disabled };
    if (!slip.reprint) {
      const done = (await journal())?.printed(slip.ticket.ticketGuid);
      if (done) {
        log.info('print.already-printed', { jobId: done.jobId });
        return { jobId: done.jobId, ok: true, message: null };
      }
    }
    return attempt(slip);
  }

  async function retryOnce(jobId: string): Promise<SlipPrintOutcome> {
    const rec = (await journal())?.get(jobId);
    if (!rec) return { jobId, ok: false, message: PRINTER_MESSAGES.internal };
    if (rec.state === 'done') return { jobId, ok: true, message: null };
    return attempt(rec.slip, jobId);
  }

  // One job at a time: a second tap must see the first job's journal entry, and the printer
  // would interleave two jobs' bytes anyway.
  let tail: Promise<unknown> = Promise.resolve();
  function serial(fn: () => Promise<SlipPrintOutcome>, jobHint: string): Promise<SlipPrintOutcome> {
    const run = tail.then(fn).catch((err: unknown) => {
      log.error('print.bug', { error: err instanceof Error ? err.stack ?? err.message : String(err) });
      return { jobId: jobHint, ok: false, message: PRINTER_MESSAGES.internal };
    });
    tail = run;
    return run;
  }

  return {
    printSlip: (slip) => serial(() => printOnce(slip), slip?.ticket?.ticketGuid ?? ''),
    retry: (jobId) => serial(() => retryOnce(jobId), jobId),
    jobs: async () => (await journal())?.list() ?? [],
    close: () => sweeper.stop(),
  };
}
