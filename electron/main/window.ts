// The one kiosk window. Options come from policy.ts; the app-wide guards (navigation, input,
// permissions) are attached by lockdown.ts to every webContents, this one included.
import { BrowserWindow } from 'electron';
import type { Logger } from '../core/ports';
import { HIDE_CURSOR_CSS, kioskWindowOptions, type ShellFlags } from './policy';

export interface KioskWindowOptions {
  preloadPath: string;
  flags: ShellFlags;
  hideCursor: boolean;
  log: Logger;
  /** Closing is refused unless this says yes (quit from the OS / service, or dev). */
  canClose: () => boolean;
}

export function createKioskWindow(o: KioskWindowOptions): BrowserWindow {
  const options = kioskWindowOptions(o.preloadPath, o.flags);
  const win = new BrowserWindow({
    ...options,
    webPreferences: {
      ...options.webPreferences,
      // Restated literally (same values as policy.ts) so the static scan can see them here.
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      disableBlinkFeatures: 'Auxclick',
    },
  });
  win.removeMenu();
  void win.webContents.setVisualZoomLevelLimits(1, 1).catch(() => undefined);
  if (o.hideCursor) {
    win.webContents.on('dom-ready', () => {
      // electronegativity-ignore: a constant stylesheet from policy.ts (cursor: none), never built from input
      win.webContents.insertCSS(HIDE_CURSOR_CSS).catch((err: unknown) => o.log.warn('shell.hide_cursor_failed', { error: err }));
    });
  }
  win.once('ready-to-show', () => {
    win.show();
    win.focus();
  });
  win.on('close', (event) => {
    if (!o.canClose()) {
      event.preventDefault();
      o.log.warn('shell.close_refused', {});
    }
  });
  return win;
}
