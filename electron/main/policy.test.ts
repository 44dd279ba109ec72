import { describe, expect, it } from 'vitest';
import {
  appUrl,
  bundlePaths,
  isAllowedNavigation,
  isAllowedRequest,
  isAppUrl,
  isTrustedSender,
  kioskWindowOptions,
  loginItemSettingsFor,
  parseShellFlags,
  shouldBlockInput,
  webPreferencesFor,
  type KeyInput,
} from './policy';

const key = (k: Partial<KeyInput>): KeyInput => ({ type: 'keyDown', key: '', code: '', control: false, meta: false, alt: false, shift: false, ...k });
const prod = { dev: false };
const dev = { dev: true };

describe('webPreferencesFor / kioskWindowOptions', () => {
  it('follows the Electron security checklist', () => {
    const wp = webPreferencesFor('/app/preload.js', prod);
    expect(wp).toMatchObject({
      preload: '/app/preload.js',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      devTools: false,
    });
    expect(wp).not.toHaveProperty('enableBlinkFeatures');
    expect(webPreferencesFor('/p', dev).devTools).toBe(true);
    expect(webPreferencesFor('/p', dev).sandbox).toBe(true);
  });
  it('is a kiosk window in production and a normal one in dev', () => {
    expect(kioskWindowOptions('/p', prod)).toMatchObject({ kiosk: true, fullscreen: true, frame: false, autoHideMenuBar: true, show: false });
    expect(kioskWindowOptions('/p', dev)).toMatchObject({ kiosk: false, fullscreen: false });
  });
});

describe('flags', () => {
  it('--dev only counts in non-packaged builds', () => {
    expect(parseShellFlags(['electron', '.', '--dev'], false)).toEqual({ dev: true, demo: false });
    expect(parseShellFlags(['Infomat.exe', '--dev', '--demo'], true)).toEqual({ dev: false, demo: true });
  });
  it('login item only for an installed Windows build', () => {
    expect(loginItemSettingsFor('win32', true, prod)).toEqual({ openAtLogin: true });
    expect(loginItemSettingsFor('win32', false, prod)).toBeNull();
    expect(loginItemSettingsFor('linux', true, prod)).toBeNull();
  });
  it('bundle paths sit next to the bundled main', () => {
    const join = (...p: string[]) => p.join('/');
    expect(bundlePaths('/r/dist/electron', join)).toEqual({ preload: '/r/dist/electron/preload.js', rendererRoot: '/r/dist/electron/../renderer' });
  });
});

describe('origins', () => {
  it('recognises only app://kiosk', () => {
    expect(appUrl()).toBe('app://kiosk/index.html');
    expect(isAppUrl('app://kiosk/index.html')).toBe(true);
    expect(isAppUrl('app://kiosk/assets/a.js?x=1#h')).toBe(true);
    for (const bad of ['app://evil/index.html', 'app://kiosk.evil/x', 'app://user@kiosk/', 'app://kiosk:81/', 'https://kiosk/', 'file:///etc/passwd', 'data:text/html,x', 'javascript:alert(1)', '', 'not a url']) {
      expect(isAppUrl(bad), bad).toBe(false);
    }
  });
  it('trusts IPC only from our main frame', () => {
    expect(isTrustedSender('app://kiosk/index.html', true)).toBe(true);
    expect(isTrustedSender('app://kiosk/index.html', false)).toBe(false);
    expect(isTrustedSender('data:text/html,<h1>x', true)).toBe(false);
    expect(isTrustedSender('https://example.com/', true)).toBe(false);
    expect(isTrustedSender(null, true)).toBe(false);
  });
  it('navigation and requests stay inside app://kiosk', () => {
    expect(isAllowedNavigation('app://kiosk/index.html#/book')).toBe(true);
    expect(isAllowedNavigation('https://mis.example.ru/')).toBe(false);
    expect(isAllowedNavigation('file:///C:/Users/a.pdf')).toBe(false);
    expect(isAllowedRequest('https://fonts.googleapis.com/x', prod)).toBe(false);
    expect(isAllowedRequest('devtools://devtools/bundled/x', prod)).toBe(false);
    expect(isAllowedRequest('devtools://devtools/bundled/x', dev)).toBe(true);
    expect(isAllowedRequest('data:image/png;base64,AA', prod)).toBe(true);
  });
});

describe('shouldBlockInput', () => {
  const blocked: Array<[string, Partial<KeyInput>]> = [
    ['F5', { key: 'F5', code: 'F5' }],
    ['Ctrl+R', { key: 'r', code: 'KeyR', control: true }],
    ['Ctrl+R on the Russian layout', { key: 'к', code: 'KeyR', control: true }],
    ['Ctrl+Shift+R', { key: 'R', code: 'KeyR', control: true, shift: true }],
    ['Cmd+R', { key: 'r', code: 'KeyR', meta: true }],
    ['F12', { key: 'F12', code: 'F12' }],
    ['Ctrl+Shift+I', { key: 'I', code: 'KeyI', control: true, shift: true }],
    ['Ctrl+Shift+J', { key: 'J', code: 'KeyJ', control: true, shift: true }],
    ['Ctrl+Shift+C', { key: 'C', code: 'KeyC', control: true, shift: true }],
    ['Alt+F4', { key: 'F4', code: 'F4', alt: true }],
    ['Ctrl+W', { key: 'w', code: 'KeyW', control: true }],
    ['Ctrl+Q', { key: 'q', code: 'KeyQ', control: true }],
    ['Ctrl++', { key: '+', code: 'Equal', control: true, shift: true }],
    ['Ctrl+=', { key: '=', code: 'Equal', control: true }],
    ['Ctrl+-', { key: '-', code: 'Minus', control: true }],
    ['Ctrl+0', { key: '0', code: 'Digit0', control: true }],
    ['Ctrl+Numpad+', { key: '+', code: 'NumpadAdd', control: true }],
    ['Ctrl+P', { key: 'p', code: 'KeyP', control: true }],
    ['F11', { key: 'F11', code: 'F11' }],
    ['Alt+Left', { key: 'ArrowLeft', code: 'ArrowLeft', alt: true }],
    ['BrowserBack', { key: 'BrowserBack', code: 'BrowserBack' }],
    ['no code, key only: Ctrl+r', { key: 'r', code: '', control: true }],
  ];
  it.each(blocked)('blocks %s', (_name, k) => {
    expect(shouldBlockInput(key(k), prod)).toBe(true);
  });
  const allowed: Array<[string, Partial<KeyInput>]> = [
    ['digits', { key: '7', code: 'Digit7' }],
    ['Backspace', { key: 'Backspace', code: 'Backspace' }],
    ['Enter', { key: 'Enter', code: 'Enter' }],
    ['Escape', { key: 'Escape', code: 'Escape' }],
    ['Ctrl+C (copy)', { key: 'c', code: 'KeyC', control: true }],
    ['Ctrl+V (paste)', { key: 'v', code: 'KeyV', control: true }],
    ['Shift+0', { key: ')', code: 'Digit0', shift: true }],
  ];
  it.each(allowed)('lets %s through', (_name, k) => {
    expect(shouldBlockInput(key(k), prod)).toBe(false);
  });
  it('allows reload and devtools in dev, still blocks close and zoom', () => {
    expect(shouldBlockInput(key({ key: 'F12', code: 'F12' }), dev)).toBe(false);
    expect(shouldBlockInput(key({ key: 'r', code: 'KeyR', control: true }), dev)).toBe(false);
    expect(shouldBlockInput(key({ key: 'w', code: 'KeyW', control: true }), dev)).toBe(true);
    expect(shouldBlockInput(key({ key: '=', code: 'Equal', control: true }), dev)).toBe(true);
  });
  it('ignores non-key events', () => {
    expect(shouldBlockInput(key({ type: 'mouseDown', key: 'F5', code: 'F5' }), prod)).toBe(false);
  });
});
