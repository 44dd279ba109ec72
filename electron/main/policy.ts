// The shell's security and kiosk decisions as pure functions. No `electron` import at runtime:
// vitest checks every rule here under plain Node, and the Electron wiring (window.ts,
// lockdown.ts, ipc.ts, protocol.ts, main.ts) only calls them. What the shell shares with the
// browser host (response headers, MIME types, the file-path rule, the kiosk Chromium switches)
// lives once in ../core/serving.
import { DEFAULT_LOCALE, t } from '../common/i18n/locales';
import type { BrowserWindowConstructorOptions, WebPreferences } from 'electron';

export const APP_SCHEME = 'app';
export const APP_HOST = 'kiosk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const appUrl = (page = 'index.html'): string => `${APP_ORIGIN}/${page.replace(/^\/+/, '')}`;

export interface ShellFlags {
  /** `--dev` in a non-packaged build: windowed, devtools and reload allowed. */
  dev: boolean;
  /** `--demo`: built-in simulator and virtual printer whatever the config says. */
  demo: boolean;
}

export function parseShellFlags(argv: readonly string[], isPackaged: boolean): ShellFlags {
  return {
    dev: !isPackaged && argv.includes('--dev'),
    demo: argv.includes('--demo'),
  };
}

export function webPreferencesFor(preloadPath: string, flags: Pick<ShellFlags, 'dev'>): WebPreferences {
  return {
    preload: preloadPath,
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
    spellcheck: false,
    safeDialogs: true,
    devTools: flags.dev,
    backgroundThrottling: false,
    disableBlinkFeatures: 'Auxclick', // middle-click must not open anything
  };
}

/** True for URLs of our own bundle: app://kiosk/… (Node's URL gives 'null' origins for custom schemes). */
export function isAppUrl(raw: string | null | undefined): boolean {
  if (!raw) return false;
  try {
    const u = new URL(raw);
    return u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST && u.username === '' && u.password === '' && u.port === '';
  } catch {
    return false;
  }
}

/** IPC is answered only for the main frame of our window showing our own bundle. */
export function isTrustedSender(frameUrl: string | null | undefined, frameIsMain: boolean): boolean {
  return frameIsMain && isAppUrl(frameUrl);
}

/** will-navigate / will-redirect / will-frame-navigate: only our own origin. */
export function isAllowedNavigation(url: string): boolean {
  return isAppUrl(url);
}

/** Requests the session lets through (the renderer talks to the world only through IPC). */
export function isAllowedRequest(url: string, flags: Pick<ShellFlags, 'dev'>): boolean {
  if (isAppUrl(url)) return true;
  if (url.startsWith('data:')) return true;
  if (flags.dev && (url.startsWith('devtools://') || url.startsWith('chrome-extension://'))) return true;
  return false;
}

/** The fields of Electron's `Input` that the rule needs. */
export interface KeyInput {
  type: string;
  key: string;
  code: string;
  control: boolean;
  meta: boolean;
  alt: boolean;
  shift: boolean;
}

const ZOOM_CODES = new Set(['Equal', 'Minus', 'Digit0', 'NumpadAdd', 'NumpadSubtract', 'Numpad0', 'NumpadEqual']);
const ZOOM_KEYS = new Set(['+', '=', '-', '_', '0']);
const BROWSER_KEYS = new Set(['BrowserBack', 'BrowserForward', 'BrowserRefresh', 'BrowserHome', 'BrowserSearch', 'BrowserFavorites']);

/**
 * Keys a patient must not be able to use: reload, devtools, close/quit, zoom, print/save/open,
 * history navigation. Checked on `code` (physical key) so the Russian layout (Ctrl+К) is covered,
 * and on `key` for keyboards that report no code. In dev, reload and devtools stay available.
 */
export function shouldBlockInput(input: KeyInput, flags: Pick<ShellFlags, 'dev'>): boolean {
  if (input.type !== 'keyDown' && input.type !== 'rawKeyDown' && input.type !== 'keyUp') return false;
  const mod = input.control || input.meta;
  const letter = /^Key([A-Z])$/.exec(input.code)?.[1] ?? (input.key.length === 1 ? input.key.toUpperCase() : '');
  const f = input.code.startsWith('F') && /^F\d+$/.test(input.code) ? input.code : /^F\d+$/.test(input.key) ? input.key : '';

  const isReload = f === 'F5' || (mod && letter === 'R') || input.key === 'BrowserRefresh';
  const isDevtools = f === 'F12' || (mod && input.shift && ['I', 'J', 'C'].includes(letter)) || (input.meta && input.alt && letter === 'I');
  if (flags.dev && (isReload || isDevtools)) return false;
  if (isReload || isDevtools) return true;

  if (input.alt && f === 'F4') return true; // close window
  if (mod && ['W', 'Q', 'N', 'T', 'P', 'S', 'O', 'F', 'G', 'H', 'U', 'L'].includes(letter)) return true;
  if (mod && (ZOOM_CODES.has(input.code) || ZOOM_KEYS.has(input.key))) return true;
  if (f === 'F11' || f === 'F7' || f === 'F3' || f === 'F1') return true; // fullscreen toggle, caret browsing, find, help
  if (input.alt && (input.code === 'ArrowLeft' || input.code === 'ArrowRight' || input.code === 'Home')) return true; // history
  if (BROWSER_KEYS.has(input.key) || BROWSER_KEYS.has(input.code)) return true;
  return false;
}

/**
 * Start at login: only for an installed Windows build (HKCU Run for the kiosk user). On Linux
 * the session recipe in build/lockdown/linux starts the kiosk; in dev nothing is registered.
 */
export function loginItemSettingsFor(
  platform: NodeJS.Platform,
  isPackaged: boolean,
  flags: Pick<ShellFlags, 'dev'>,
): { openAtLogin: boolean; path?: string; args?: string[] } | null {
  if (platform !== 'win32' || !isPackaged || flags.dev) return null;
  return { openAtLogin: true };
}

/** CSS inserted when config.screen.hideCursor is on. */
export const HIDE_CURSOR_CSS = '* { cursor: none !important; }';

/** The kiosk window: full screen without chrome in production, an ordinary window in dev. */
export function kioskWindowOptions(preloadPath: string, flags: Pick<ShellFlags, 'dev'>): BrowserWindowConstructorOptions {
  return {
    show: false,
    kiosk: !flags.dev,
    fullscreen: !flags.dev,
    frame: flags.dev,
    autoHideMenuBar: true,
    width: 1080,
    height: 1920,
    minWidth: 600,
    minHeight: 600,
    backgroundColor: '#ffffff',
    title: t(DEFAULT_LOCALE)('app.title'),
    webPreferences: webPreferencesFor(preloadPath, flags),
  };
}

/** Where the bundled files live relative to the bundled main (dist/electron/main.js). */
export function bundlePaths(mainDir: string, join: (...p: string[]) => string): { preload: string; rendererRoot: string } {
  return { preload: join(mainDir, 'preload.js'), rendererRoot: join(mainDir, '..', 'renderer') };
}
