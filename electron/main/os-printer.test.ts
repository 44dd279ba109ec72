import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { WebContentsPrintOptions } from 'electron';
import { silentLogger, type SlipData } from '../core/ports';
import { PrinterConfigSchema } from '../core/config/schema';
import { createSlipPrinter } from '../printing';
import { sampleSlip } from '../printing/sample-slips';
import { PrinterError } from '../printing/transport';
import { createOsTransport, pageSizeFor, printOptionsFor, type PrintWindow } from './os-printer';

const slip = { ticket: { number: '037.91' }, kioskId: 'K1', printedAt: '2026-01-01T10:00:00Z', timeZone: 'Europe/Moscow', reprint: false } as unknown as SlipData;

function fakeWindow(result: { success: boolean; reason: string } | 'never', printers = [{ name: 'VKP80', displayName: 'Custom VKP80' }]) {
  const printed: WebContentsPrintOptions[] = [];
  const win: PrintWindow & { destroyed: boolean; loaded: string[] } = {
    destroyed: false,
    loaded: [],
    isDestroyed: () => win.destroyed,
    destroy: () => void (win.destroyed = true),
    webContents: {
      loadURL: async (u) => void win.loaded.push(u),
      executeJavaScript: async () => 378, // ≈ 100 mm
      print: (o, cb) => {
        printed.push(o);
        if (result !== 'never') setTimeout(() => cb(result.success, result.reason), 1);
      },
      getPrintersAsync: async () => printers,
    },
  };
  return { win, printed };
}

describe('page size', () => {
  it('is the roll width and the content height in microns', () => {
    expect(pageSizeFor(80, 378)).toEqual({ width: 80_000, height: 106_000 });
    expect(pageSizeFor(58, null)).toEqual({ width: 58_000, height: 200_000 });
    expect(pageSizeFor(58, null, 123.4)).toEqual({ width: 58_000, height: 124_000 });
    expect(pageSizeFor(80, 10).height).toBe(40_000);
    expect(pageSizeFor(80, 1e6).height).toBe(600_000);
  });
  it('prints silently without margins, to the named printer', () => {
    expect(printOptionsFor('VKP80', 80, 378)).toMatchObject({ silent: true, deviceName: 'VKP80', margins: { marginType: 'none' }, pageSize: { width: 80_000 } });
    expect(printOptionsFor('', 58, 378)).not.toHaveProperty('deviceName');
  });
});

describe('createOsTransport', () => {
  const make = (w: ReturnType<typeof fakeWindow>, timeoutMs?: number) =>
    createOsTransport({
      deviceName: 'VKP80',
      widthMm: 80,
      renderHtml: (_s, width) => `<div style="width:${width}mm">Талон 037.91</div>`,
      createWindow: () => w.win,
      log: silentLogger,
      timeoutMs,
    });
  it('prints and destroys the hidden window', async () => {
    const w = fakeWindow({ success: true, reason: '' });
    await expect(make(w).printSlip!(slip)).resolves.toBeUndefined();
    expect(w.printed[0]?.pageSize).toEqual({ width: 80_000, height: 106_000 });
    expect(decodeURIComponent(w.win.loaded[0]!)).toContain('Талон 037.91');
    expect(w.win.destroyed).toBe(true);
  });
  it('throws a PrinterError on failure, on a missing printer and on a print that never returns', async () => {
    const failed = fakeWindow({ success: false, reason: 'Printer is offline' });
    await expect(make(failed).printSlip!(slip)).rejects.toMatchObject({ code: 'device' });
    const missing = fakeWindow({ success: true, reason: '' }, [{ name: 'PDF', displayName: 'PDF' }]);
    await expect(make(missing).printSlip!(slip)).rejects.toMatchObject({ code: 'unreachable' });
    expect(missing.printed).toHaveLength(0);
    const hung = fakeWindow('never');
    await expect(make(hung, 20).printSlip!(slip)).rejects.toBeInstanceOf(PrinterError);
    expect(hung.win.destroyed).toBe(true);
  });
  it('turns a window that cannot be created into a PrinterError', async () => {
    const t = createOsTransport({ deviceName: '', widthMm: 58, renderHtml: () => '', createWindow: () => { throw new Error('no display'); }, log: silentLogger });
    await expect(t.printSlip!(slip)).rejects.toMatchObject({ code: 'device' });
  });
  it('sits behind the print journal: the same ticket is printed once, faults become the patient message', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'infomat-os-journal-'));
    try {
      const w = fakeWindow({ success: true, reason: '' });
      const printer = createSlipPrinter(PrinterConfigSchema.parse({ transport: { type: 'os', deviceName: 'VKP80' } }), { journalDir: dir, transport: make(w) });
      const real = sampleSlip();
      expect(await printer.printSlip(real)).toMatchObject({ state: 'printed' });
      expect(await printer.printSlip(real)).toMatchObject({ state: 'printed' });
      expect(w.printed).toHaveLength(1);
      const bad = fakeWindow({ success: false, reason: 'Printer is offline' });
      const failing = createSlipPrinter(PrinterConfigSchema.parse({ transport: { type: 'os', deviceName: 'VKP80' } }), { journalDir: dir, transport: make(bad) });
      expect(await failing.printSlip(sampleSlip({ ticket: { ...real.ticket!, ticketGuid: 'other-ticket' } }))).toMatchObject({ state: 'failed', fault: 'error' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
