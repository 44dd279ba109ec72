// Fallback printing through the OS printer (Windows spooler / CUPS) when a printer cannot take
// raw ESC/POS (config printer.transport.type = 'os'). The receipt is rendered to HTML, loaded
// into a hidden sandboxed window and printed silently with a page exactly as wide as the roll
// and as tall as the content — Electron tends to force A4 otherwise (electron#9780, #12549).
// It resolves ok:false on every failure and never throws, as `SlipPrinter` requires.
// No `electron` runtime import: main.ts passes a window factory.
import { randomUUID } from 'node:crypto';
import type { BrowserWindowConstructorOptions, WebContentsPrintOptions } from 'electron';
import type { Logger, SlipData, SlipPrinter, SlipPrintOutcome } from '../core/ports';
import { dataUrlFor } from './service-screen';

export interface PrintWindow {
  isDestroyed(): boolean;
  destroy(): void;
  webContents: {
    loadURL(url: string): Promise<void>;
    executeJavaScript(code: string): Promise<unknown>;
    print(options: WebContentsPrintOptions, callback: (success: boolean, failureReason: string) => void): void;
    getPrintersAsync(): Promise<Array<{ name: string; displayName: string }>>;
  };
}

export interface OsSlipPrinterOptions {
  /** OS printer name; '' = the default printer. */
  deviceName: string;
  widthMm: 58 | 80;
  renderHtml: (slip: SlipData, widthMm: number) => string;
  /** Height estimate used when the content cannot be measured (html-slip's slipPageSizeMm). */
  estimatePageMm?: (slip: SlipData, widthMm: number) => { heightMm: number };
  createWindow: (options: BrowserWindowConstructorOptions) => PrintWindow;
  log: Logger;
  timeoutMs?: number;
}

/** Options for the hidden print window: no preload, sandboxed, nothing to navigate to. */
export const printWindowOptions = (): BrowserWindowConstructorOptions => ({
  show: false,
  width: 600,
  height: 800,
  webPreferences: {
    sandbox: true,
    contextIsolation: true,
    nodeIntegration: false,
    webSecurity: true,
    javascript: true, // only our own executeJavaScript (content height); the slip HTML has no scripts
    images: true,
    spellcheck: false,
    devTools: false,
    offscreen: false,
    disableBlinkFeatures: 'Auxclick',
  },
});

const MICRONS_PER_PX = 25400 / 96;
const MIN_HEIGHT_MM = 40;
const MAX_HEIGHT_MM = 600;

/** Page size in microns: the roll's width, the content's height (+5 mm for the cutter). */
export function pageSizeFor(widthMm: number, contentHeightPx: number | null, fallbackHeightMm = 200): { width: number; height: number } {
  const raw =
    contentHeightPx && Number.isFinite(contentHeightPx) && contentHeightPx > 0
      ? Math.ceil((contentHeightPx * MICRONS_PER_PX) / 1000) + 5
      : Math.ceil(fallbackHeightMm);
  const heightMm = Math.min(Math.max(raw, MIN_HEIGHT_MM), MAX_HEIGHT_MM);
  return { width: Math.round(widthMm * 1000), height: heightMm * 1000 };
}

export function printOptionsFor(
  deviceName: string,
  widthMm: number,
  contentHeightPx: number | null,
  fallbackHeightMm?: number,
): WebContentsPrintOptions {
  const opts: WebContentsPrintOptions = {
    silent: true,
    printBackground: false,
    color: false,
    copies: 1,
    margins: { marginType: 'none' },
    pageSize: pageSizeFor(widthMm, contentHeightPx, fallbackHeightMm),
  };
  if (deviceName) opts.deviceName = deviceName;
  return opts;
}

const FAILED = 'Не удалось напечатать талон. Пожалуйста, обратитесь в регистратуру.';
const NO_PRINTER = 'Принтер талонов не найден. Пожалуйста, обратитесь в регистратуру.';

export function createOsSlipPrinter(opts: OsSlipPrinterOptions): SlipPrinter {
  const timeoutMs = opts.timeoutMs ?? 30_000;
  let queue: Promise<unknown> = Promise.resolve();

  const printOne = async (slip: SlipData): Promise<SlipPrintOutcome> => {
    const jobId = randomUUID();
    let win: PrintWindow | null = null;
    try {
      win = opts.createWindow(printWindowOptions());
      if (opts.deviceName) {
        const printers = await win.webContents.getPrintersAsync();
        if (!printers.some((p) => p.name === opts.deviceName || p.displayName === opts.deviceName)) {
          opts.log.warn('print.os_printer_missing', { jobId, deviceName: opts.deviceName, known: printers.map((p) => p.name) });
          return { jobId, ok: false, message: NO_PRINTER };
        }
      }
      let html = opts.renderHtml(slip, opts.widthMm);
      if (!/^\s*<(!doctype|html)/i.test(html)) html = `<!doctype html><html lang="ru"><head><meta charset="utf-8"></head><body>${html}</body></html>`;
      await win.webContents.loadURL(dataUrlFor(html));
      const height = await win.webContents
        .executeJavaScript('Math.ceil(document.documentElement.scrollHeight)')
        .then((v) => (typeof v === 'number' ? v : null))
        .catch(() => null);
      const fallbackMm = opts.estimatePageMm ? safeEstimate(() => opts.estimatePageMm!(slip, opts.widthMm).heightMm) : undefined;
      const target = win;
      const result = await new Promise<{ success: boolean; reason: string }>((resolve) => {
        const timer = setTimeout(() => resolve({ success: false, reason: 'timeout' }), timeoutMs);
        target.webContents.print(printOptionsFor(opts.deviceName, opts.widthMm, height, fallbackMm), (success, reason) => {
          clearTimeout(timer);
          resolve({ success, reason });
        });
      });
      if (!result.success) {
        opts.log.warn('print.os_failed', { jobId, reason: result.reason });
        return { jobId, ok: false, message: FAILED };
      }
      opts.log.info('print.os_done', { jobId });
      return { jobId, ok: true, message: null };
    } catch (err) {
      opts.log.error('print.os_error', { jobId, error: err });
      return { jobId, ok: false, message: FAILED };
    } finally {
      try {
        if (win && !win.isDestroyed()) win.destroy();
      } catch {
        /* already gone */
      }
    }
  };

  return {
    printSlip(slip) {
      // One job at a time: the spooler and the cutter do not like interleaved jobs.
      const run = queue.then(() => printOne(slip));
      queue = run.catch(() => undefined);
      return run;
    },
  };
}

function safeEstimate(fn: () => number): number | undefined {
  try {
    const v = fn();
    return Number.isFinite(v) && v > 0 ? v : undefined;
  } catch {
    return undefined;
  }
}
