// Checks only which options and handlers OUR wiring sets, against a small fake of the electron
// module. It says nothing about Electron itself (there is no Electron binary here).
import { EventEmitter } from 'node:events';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const h = vi.hoisted(() => {
  const state = {
    switches: [] as Array<[string, string?]>,
    appHandlers: new Map<string, (...a: unknown[]) => void>(),
    sandboxEnabled: false,
    menu: 'default' as unknown,
    windows: [] as unknown[],
  };
  return { state };
});

vi.mock('electron', async () => {
  const { EventEmitter } = await import('node:events');
  class FakeWebContents extends EventEmitter {
    windowOpenHandler: ((d: { url: string }) => unknown) | null = null;
    zoomLimits: number[] = [];
    css: string[] = [];
    closeDevTools = vi.fn();
    setWindowOpenHandler(fn: (d: { url: string }) => unknown) {
      this.windowOpenHandler = fn;
    }
    async setVisualZoomLevelLimits(a: number, b: number) {
      this.zoomLimits = [a, b];
    }
    async insertCSS(css: string) {
      this.css.push(css);
      return 'key';
    }
  }
  class BrowserWindow extends EventEmitter {
    webContents = new FakeWebContents();
    menuRemoved = false;
    constructor(public options: Record<string, unknown>) {
      super();
      h.state.windows.push(this);
    }
    removeMenu() {
      this.menuRemoved = true;
    }
    show() {}
    focus() {}
  }
  return {
    FakeWebContents,
    BrowserWindow,
    Menu: { setApplicationMenu: (m: unknown) => void (h.state.menu = m) },
    app: {
      commandLine: { appendSwitch: (n: string, v?: string) => void h.state.switches.push(v === undefined ? [n] : [n, v]) },
      enableSandbox: () => void (h.state.sandboxEnabled = true),
      on: (e: string, fn: (...a: unknown[]) => void) => void h.state.appHandlers.set(e, fn),
    },
  };
});

type FakeWebContents = EventEmitter & {
  windowOpenHandler: ((d: { url: string }) => unknown) | null;
  zoomLimits: number[];
  css: string[];
  closeDevTools: ReturnType<typeof vi.fn>;
};
const electronFake = (await import('electron')) as unknown as { FakeWebContents: new () => FakeWebContents };

import { silentLogger } from '../core/ports';
import { KIOSK_SWITCHES, switchArgs } from '../core/serving';
import { applyEarlyLockdown, guardWebContents, lockDownSession, removeApplicationMenu } from './lockdown';
import { createKioskWindow } from './window';

const prod = { dev: false, demo: false };
const log = () => silentLogger;
const ev = () => ({ preventDefault: vi.fn() });

describe('applyEarlyLockdown', () => {
  it('sets the switches, the global sandbox and the web-contents-created guard', () => {
    applyEarlyLockdown(prod, log);
    expect(h.state.switches).toContainEqual(['disable-pinch']);
    expect(h.state.switches).toContainEqual(['overscroll-history-navigation', '0']);
    // Exactly the switches the browser host passes its Chromium (host/chromium-flags.ts).
    expect(switchArgs(h.state.switches)).toEqual(switchArgs(KIOSK_SWITCHES));
    expect(h.state.sandboxEnabled).toBe(true);
    expect(h.state.appHandlers.has('web-contents-created')).toBe(true);
    removeApplicationMenu();
    expect(h.state.menu).toBeNull();
  });
});

describe('guardWebContents', () => {
  let wc: FakeWebContents;
  beforeEach(() => {
    wc = new electronFake.FakeWebContents();
    guardWebContents(wc as never, prod, log);
  });
  it('denies foreign navigation and redirects, allows our origin', () => {
    const e1 = ev();
    wc.emit('will-navigate', e1, 'https://evil.example/');
    expect(e1.preventDefault).toHaveBeenCalled();
    const e2 = ev();
    wc.emit('will-navigate', e2, 'app://kiosk/index.html#/x');
    expect(e2.preventDefault).not.toHaveBeenCalled();
    const e3 = ev();
    wc.emit('will-redirect', e3, 'file:///etc/passwd');
    expect(e3.preventDefault).toHaveBeenCalled();
    const e4 = { ...ev(), url: 'https://evil.example/frame' };
    wc.emit('will-frame-navigate', e4);
    expect(e4.preventDefault).toHaveBeenCalled();
  });
  it('denies new windows, webviews, context menus and unload prompts', () => {
    expect(wc.windowOpenHandler?.({ url: 'https://x' })).toEqual({ action: 'deny' });
    for (const name of ['will-attach-webview', 'context-menu', 'will-prevent-unload']) {
      const e = ev();
      wc.emit(name, e, {}, {});
      expect(e.preventDefault, name).toHaveBeenCalled();
    }
  });
  it('blocks F5 via before-input-event, lets digits through, closes devtools, limits zoom', () => {
    const e = ev();
    wc.emit('before-input-event', e, { type: 'keyDown', key: 'F5', code: 'F5', control: false, meta: false, alt: false, shift: false });
    expect(e.preventDefault).toHaveBeenCalled();
    const d = ev();
    wc.emit('before-input-event', d, { type: 'keyDown', key: '5', code: 'Digit5', control: false, meta: false, alt: false, shift: false });
    expect(d.preventDefault).not.toHaveBeenCalled();
    wc.emit('devtools-opened');
    expect(wc.closeDevTools).toHaveBeenCalled();
    expect(wc.zoomLimits).toEqual([1, 1]);
  });
});

describe('lockDownSession', () => {
  it('denies every permission, download and foreign request', () => {
    const s = new EventEmitter() as EventEmitter & Record<string, unknown>;
    let permReq: ((wc: unknown, p: string, cb: (ok: boolean) => void) => void) | undefined;
    let permCheck: (() => boolean) | undefined;
    let devPerm: (() => boolean) | undefined;
    let before: ((d: { url: string }, cb: (r: { cancel: boolean }) => void) => void) | undefined;
    let headers: ((d: { responseHeaders: Record<string, string[]> }, cb: (r: { responseHeaders: Record<string, string[]> }) => void) => void) | undefined;
    Object.assign(s, {
      setPermissionRequestHandler: (f: typeof permReq) => (permReq = f),
      setPermissionCheckHandler: (f: typeof permCheck) => (permCheck = f),
      setDevicePermissionHandler: (f: typeof devPerm) => (devPerm = f),
      setSpellCheckerEnabled: () => {},
      webRequest: { onBeforeRequest: (f: typeof before) => (before = f), onHeadersReceived: (f: typeof headers) => (headers = f) },
    });
    lockDownSession(s as never, prod, log);
    const cb = vi.fn();
    permReq!({}, 'media', cb);
    expect(cb).toHaveBeenCalledWith(false);
    expect(permCheck!()).toBe(false);
    expect(devPerm!()).toBe(false);
    const r1 = vi.fn();
    before!({ url: 'https://tracker.example/p.gif' }, r1);
    expect(r1).toHaveBeenCalledWith({ cancel: true });
    const r2 = vi.fn();
    before!({ url: 'app://kiosk/assets/a.js' }, r2);
    expect(r2).toHaveBeenCalledWith({ cancel: false });
    const r3 = vi.fn();
    headers!({ responseHeaders: { a: ['b'] } }, r3);
    expect(r3.mock.calls[0]![0].responseHeaders['Content-Security-Policy'][0]).toContain("default-src 'self'");
    const item = { cancel: vi.fn() };
    const e = ev();
    s.emit('will-download', e, item);
    expect(e.preventDefault).toHaveBeenCalled();
    expect(item.cancel).toHaveBeenCalled();
  });
});

describe('createKioskWindow', () => {
  it('creates a locked-down kiosk window, hides the cursor when asked and refuses to close', () => {
    let closable = false;
    const win = createKioskWindow({ preloadPath: '/d/preload.js', flags: prod, hideCursor: true, log: silentLogger, canClose: () => closable }) as unknown as {
      options: { kiosk: boolean; webPreferences: Record<string, unknown> };
      menuRemoved: boolean;
      webContents: FakeWebContents;
      emit: (e: string, ...a: unknown[]) => void;
    };
    expect(win.options.kiosk).toBe(true);
    expect(win.options.webPreferences).toMatchObject({ preload: '/d/preload.js', sandbox: true, contextIsolation: true, nodeIntegration: false });
    expect(win.menuRemoved).toBe(true);
    win.webContents.emit('dom-ready');
    expect(win.webContents.css).toEqual(['* { cursor: none !important; }']);
    const e = ev();
    win.emit('close', e);
    expect(e.preventDefault).toHaveBeenCalled();
    closable = true;
    const e2 = ev();
    win.emit('close', e2);
    expect(e2.preventDefault).not.toHaveBeenCalled();
  });
});
