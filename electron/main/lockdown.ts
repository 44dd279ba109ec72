// App-wide guards that apply to every webContents and to the session, whoever created them.
// The rules are in policy.ts and ../core/serving; this file only attaches them.
import { app, Menu, type Session, type WebContents } from 'electron';
import { CSP } from '../common/csp';
import type { Logger } from '../core/ports';
import { KIOSK_SWITCHES } from '../core/serving';
import { isAllowedNavigation, isAllowedRequest, shouldBlockInput, type ShellFlags } from './policy';

/** Before `app.ready`: Chromium switches, sandbox for every renderer, the webContents guard. */
export function applyEarlyLockdown(flags: ShellFlags, log: () => Logger): void {
  for (const [name, value] of KIOSK_SWITCHES) {
    if (value === undefined) app.commandLine.appendSwitch(name);
    else app.commandLine.appendSwitch(name, value);
  }
  app.enableSandbox();
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, flags, log));
}

/** After `app.ready`: no application menu (so no zoom/reload/devtools roles and accelerators). */
export function removeApplicationMenu(): void {
  Menu.setApplicationMenu(null);
}

export function guardWebContents(contents: WebContents, flags: ShellFlags, log: () => Logger): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAllowedNavigation(url)) {
      event.preventDefault();
      log().warn('shell.navigation_denied', { kind: 'will-navigate', url: url.slice(0, 120) });
    }
  });
  contents.on('will-frame-navigate', (event) => {
    if (!isAllowedNavigation(event.url)) {
      event.preventDefault();
      log().warn('shell.navigation_denied', { kind: 'will-frame-navigate', url: event.url.slice(0, 120) });
    }
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAllowedNavigation(url)) {
      event.preventDefault();
      log().warn('shell.navigation_denied', { kind: 'will-redirect', url: url.slice(0, 120) });
    }
  });
  contents.setWindowOpenHandler(({ url }) => {
    log().warn('shell.window_open_denied', { url: url.slice(0, 120) });
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    log().warn('shell.webview_denied', {});
  });
  contents.on('context-menu', (event) => event.preventDefault());
  contents.on('will-prevent-unload', (event) => event.preventDefault()); // no «leave page?» dialogs
  contents.on('before-input-event', (event, input) => {
    if (shouldBlockInput(input, flags)) event.preventDefault();
  });
  if (!flags.dev) {
    contents.on('devtools-opened', () => contents.closeDevTools());
  }
  void contents.setVisualZoomLevelLimits(1, 1).catch(() => undefined);
}

/** Permissions, downloads and outgoing requests of the renderer's session. */
export function lockDownSession(ses: Session, flags: ShellFlags, log: () => Logger): void {
  ses.setPermissionRequestHandler((_contents, permission, callback) => {
    log().warn('shell.permission_denied', { permission });
    callback(false);
  });
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
  ses.on('will-download', (event, item) => {
    event.preventDefault();
    item.cancel();
  });
  // The renderer talks to the world only through IPC: cancel any other request.
  ses.webRequest.onBeforeRequest((details, callback) => {
    const allowed = isAllowedRequest(details.url, flags);
    if (!allowed) log().warn('shell.request_denied', { url: details.url.slice(0, 120) });
    callback({ cancel: !allowed });
  });
  // Belt and braces: a CSP on anything that arrives through the network stack.
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CSP] } });
  });
  ses.setSpellCheckerEnabled(false);
}
