import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CSP } from '../../common/csp';
import { KIOSK_SWITCHES, PLAIN_TEXT, SECURITY_HEADERS, cacheControlFor, mimeFor, resolveRendererPath, responseHeaders, switchArgs } from '.';

// The rule never touches the disk: any absolute root will do.
const root = path.resolve('/kiosk/renderer');

describe('response headers', () => {
  it('every answer carries the union of both hosts\' protections', () => {
    expect(responseHeaders(PLAIN_TEXT)).toEqual({
      'Content-Security-Policy': CSP,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cross-Origin-Opener-Policy': 'same-origin',
      'Cross-Origin-Resource-Policy': 'same-origin',
      'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), usb=(), serial=(), hid=(), bluetooth=()',
      'X-Frame-Options': 'DENY',
      'Content-Type': PLAIN_TEXT,
      'Cache-Control': 'no-store',
    });
    expect(Object.isFrozen(SECURITY_HEADERS)).toBe(true);
  });
  it('has a strict CSP', () => {
    for (const d of ["default-src 'self'", "script-src 'self'", "img-src 'self' data:", "connect-src 'self'", "object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'", "frame-src 'none'", "worker-src 'none'"]) {
      expect(SECURITY_HEADERS['Content-Security-Policy']).toContain(d);
    }
    expect(SECURITY_HEADERS['Content-Security-Policy']).not.toContain('unsafe');
  });
  it('lets only the hashed files under assets/ be kept', () => {
    expect(cacheControlFor('assets/index-AbC123.js')).toBe('private, max-age=31536000, immutable');
    for (const f of [undefined, 'index.html', 'app.js', 'assetsX/a.js', 'x/assets/a.js']) expect(cacheControlFor(f), String(f)).toBe('no-store');
  });
});

describe('mimeFor', () => {
  it.each([
    ['index.html', 'text/html; charset=utf-8'],
    ['/r/assets/index-AbC.JS', 'text/javascript; charset=utf-8'],
    ['C:\\kiosk\\renderer\\assets\\golos-400.woff2', 'font/woff2'],
    ['a.json', 'application/json; charset=utf-8'],
    ['assets/x.svg', 'image/svg+xml'],
    ['.html', 'application/octet-stream'],
    ['README', 'application/octet-stream'],
    ['a.constructor', 'application/octet-stream'],
    ['dir.js/file', 'application/octet-stream'],
  ])('%s → %s', (file, type) => {
    expect(mimeFor(file)).toBe(type);
  });
});

describe('resolveRendererPath', () => {
  it('maps request paths to files inside the root', () => {
    expect(resolveRendererPath('/', root)).toEqual({ ok: true, rel: 'index.html', file: path.join(root, 'index.html') });
    expect(resolveRendererPath('//index.html', root)).toEqual({ ok: true, rel: 'index.html', file: path.join(root, 'index.html') });
    expect(resolveRendererPath('/assets/%D0%B0.png', root)).toEqual({ ok: true, rel: 'assets/а.png', file: path.join(root, 'assets', 'а.png') });
  });
  it.each([
    ['/..%2fsecret.txt', 403],
    ['/..%2Fsecret.txt', 403],
    ['/..%5csecret.txt', 403],
    ['/%00index.html', 403],
    ['/assets/..\\..\\secret.txt', 403],
    ['/../secret.txt', 403],
    ['/%2e%2e/secret.txt', 403],
    ['/assets/./app.js', 403],
    ['/%E0%A4%A', 400],
    ['/%', 400],
    ['assets/app.js', 400],
    ['', 400],
  ] as const)('refuses %s with %i', (raw, status) => {
    expect(resolveRendererPath(raw, root)).toEqual({ ok: false, status });
  });
});

describe('kiosk switches', () => {
  it('are the same switches in both hosts\' forms', () => {
    expect(switchArgs(KIOSK_SWITCHES)).toEqual([
      '--disable-pinch',
      '--overscroll-history-navigation=0',
      '--disable-features=TouchpadOverscrollHistoryNavigation,Translate,TranslateUI',
      '--lang=ru',
      '--noerrdialogs',
      '--disable-infobars',
    ]);
  });
  it('hold nothing that weakens Electron (the host\'s own flags stay with the host)', () => {
    const names = KIOSK_SWITCHES.map(([n]) => n);
    for (const n of ['no-sandbox', 'disable-gpu', 'kiosk', 'app', 'user-data-dir', 'headless']) expect(names).not.toContain(n);
  });
});
