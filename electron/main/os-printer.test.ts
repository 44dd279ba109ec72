import { describe, expect, it, vi } from 'vitest';
import type { WebContentsPrintOptions } from 'electron';
import { silentLogger, type SlipData } from '../core/ports';
import { createOsSlipPrinter, pageSizeFor, printOptionsFor, type PrintWindow } from './os-printer';

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

describe('createOsSlipPrinter', () => {
  const make = (w: ReturnType<typeof fakeWindow>, timeoutMs?: number) =>
    createOsSlipPrinter({
      deviceName: 'VKP80',
      widthMm: 80,
      renderHtml: (_s, width) => `<div style="width:${width}mm">Талон 037.91</div>`,
      createWindow: () => w.win,
      log: silentLogger,
      timeoutMs,
    });
  it('prints and destroys the hidden window', async () => {
    const w = fakeWindow({ success: true, reason: '' });
    const out = await make(w).printSlip(slip);
    expect(out).toMatchObject({ ok: true, message: null });
    expect(w.printed[0]?.pageSize).toEqual({ width: 80_000, height: 106_000 });
    expect(decodeURIComponent(w.win.loaded[0]!)).toContain('Талон 037.91');
    expect(w.win.destroyed).toBe(true);
  });
  it('resolves ok:false on failure, on a missing printer and on a print that never returns', async () => {
    const failed = fakeWindow({ success: false, reason: 'Printer is offline' });
    expect(await make(failed).printSlip(slip)).toMatchObject({ ok: false, message: expect.stringContaining('регистратуру') });
    const missing = fakeWindow({ success: true, reason: '' }, [{ name: 'PDF', displayName: 'PDF' }]);
    expect(await make(missing).printSlip(slip)).toMatchObject({ ok: false, message: expect.stringContaining('не найден') });
    expect(missing.printed).toHaveLength(0);
    const hung = fakeWindow('never');
    expect(await make(hung, 20).printSlip(slip)).toMatchObject({ ok: false });
    expect(hung.win.destroyed).toBe(true);
  });
  it('never throws, even when the window cannot be created', async () => {
    const p = createOsSlipPrinter({ deviceName: '', widthMm: 58, renderHtml: () => '', createWindow: () => { throw new Error('no display'); }, log: silentLogger });
    await expect(p.printSlip(slip)).resolves.toMatchObject({ ok: false });
  });
  it('runs jobs one at a time', async () => {
    let active = 0;
    let maxActive = 0;
    const w = fakeWindow({ success: true, reason: '' });
    const orig = w.win.webContents.print;
    w.win.webContents.print = (o, cb) => {
      active++;
      maxActive = Math.max(maxActive, active);
      orig(o, (ok, r) => {
        active--;
        cb(ok, r);
      });
    };
    const p = make(w);
    const spy = vi.fn();
    await Promise.all([p.printSlip(slip).then(spy), p.printSlip(slip).then(spy), p.printSlip(slip).then(spy)]);
    expect(spy).toHaveBeenCalledTimes(3);
    expect(maxActive).toBe(1);
  });
});
