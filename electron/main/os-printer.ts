// Fallback printing through the OS printer (Windows spooler / CUPS) when a printer cannot take
// raw ESC/POS (config printer.transport.type = 'os'). The receipt is rendered to HTML, loaded
// into a hidden sandboxed window and printed silently with a page exactly as wide as the roll
// and as tall as the content — Electron tends to force A4 otherwise (electron#9780, #12549).
// It is a transport behind the same print journal as the ESC/POS printers, so print-once and
// the reprint limit hold on every printer type; faults are thrown as PrinterError and the
// printing facade turns them into the patient's message.
// No `electron` runtime import: main.ts passes a window factory.
import { randomUUID } from 'node:crypto';
import type { BrowserWindowConstructorOptions, WebContentsPrintOptions } from 'electron';
import type { Logger, SlipData } from '../core/ports';
import { PrinterError, type SlipTransport } from '../printing/transport';
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

export interface OsTransportOptions {
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

export function createOsTransport(opts: OsTransportOptions): SlipTransport {
  const timeoutMs = opts.timeoutMs ?? 30_000;

  const printOne = async (slip: SlipData): Promise<void> => {
    const jobId = randomUUID();
    let win: PrintWindow | null = null;
    try {
      win = opts.createWindow(printWindowOptions());
      if (opts.deviceName) {
        const printers = await win.webContents.getPrintersAsync();
        if (!printers.some((p) => p.name === opts.deviceName || p.displayName === opts.deviceName)) {
          opts.log.warn('print.os_printer_missing', { jobId, deviceName: opts.deviceName, known: printers.map((p) => p.name) });
          throw new PrinterError('unreachable', `OS printer ${opts.deviceName} not found`);
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
        throw new PrinterError(result.reason === 'timeout' ? 'timeout' : 'device', `OS print failed: ${result.reason}`);
      }
      opts.log.info('print.os_done', { jobId });
    } catch (err) {
      if (err instanceof PrinterError) throw err;
      opts.log.error('print.os_error', { jobId, error: err });
      throw new PrinterError('device', 'OS print error', err);
    } finally {
      try {
        if (win && !win.isDestroyed()) win.destroy();
      } catch {
        /* already gone */
      }
    }
  };

  return {
    description: `os ${opts.deviceName || '(default)'}`,
    async send() {
      // The spooler cannot take ESC/POS: the facade always calls printSlip for this transport.
      throw new PrinterError('protocol', 'the OS printer takes rendered slips, not ESC/POS bytes');
    },
    printSlip: printOne,
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
