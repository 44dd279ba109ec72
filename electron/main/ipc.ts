// One `ipcMain.handle` per contract method. Every call is checked against the sender: it must
// come from the main frame of our window while that frame shows app://kiosk. Answers are
// always envelopes; nothing raw (errors, stacks) crosses IPC. No `electron` runtime import:
// main.ts passes `ipcMain`.
import type { IpcMainInvokeEvent } from 'electron';
import type { KioskProblem } from '../common/problems';
import type { BridgeError, Envelope } from '../common/bridge-contract';
import { bridgeMethodNames, channelFor } from '../common/channels';
import type { BridgeDispatcher } from '../core/bridge/dispatcher';
import type { Logger } from '../core/ports';
import { isTrustedSender } from './policy';

/** The parts of an invoke event the check reads (a fake in tests, Electron's event in the app). */
export type SenderEvent = Pick<IpcMainInvokeEvent, 'senderFrame' | 'sender'>;

export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown): void;
  removeHandler(channel: string): void;
}

/** The window whose main frame may call us (null before it exists or after it is gone). */
export interface TrustedWindow {
  webContents: { id: number; mainFrame: unknown; isDestroyed(): boolean };
  isDestroyed(): boolean;
}

export function isTrustedEvent(event: SenderEvent, win: TrustedWindow | null): boolean {
  if (!win || win.isDestroyed() || win.webContents.isDestroyed()) return false;
  const frame = event.senderFrame;
  if (!frame) return false; // navigated away or destroyed while the message was in flight
  if (event.sender?.id !== win.webContents.id) return false;
  const frameIsMain = frame === win.webContents.mainFrame && frame.parent === null;
  return isTrustedSender(frame.url, frameIsMain);
}

const internalError = (problem: KioskProblem): Envelope<never> => ({
  ok: false,
  error: { kind: 'internal', problem, shown: null, httpStatus: null } satisfies BridgeError,
});

/** A frame that is not the kiosk's own page: only an attack gets here. */
export const UNTRUSTED_SENDER: KioskProblem = 'badInput';
/** The core is not up yet (or failed to start): a moment later it may be. */
export const NOT_READY: KioskProblem = 'kioskLink';
export const INTERNAL: KioskProblem = 'internal';

export interface BridgeIpcOptions {
  ipcMain: IpcMainLike;
  getWindow: () => TrustedWindow | null;
  /** Null until the core is up (or when it failed to start: the service screen is shown then). */
  getDispatcher: () => BridgeDispatcher | null;
  log: Logger;
}

/** Registers the handlers; returns a function that removes them. */
export function registerBridgeIpc(opts: BridgeIpcOptions): () => void {
  const channels: string[] = [];
  for (const method of bridgeMethodNames) {
    const channel = channelFor(method);
    channels.push(channel);
    opts.ipcMain.handle(channel, async (event, ...args) => {
      if (!isTrustedEvent(event, opts.getWindow())) {
        opts.log.warn('ipc.untrusted_sender', { method, url: safeUrl(event.senderFrame?.url) });
        return internalError(UNTRUSTED_SENDER);
      }
      const dispatcher = opts.getDispatcher();
      if (!dispatcher) return internalError(NOT_READY);
      try {
        return await dispatcher(method, args[0]);
      } catch (err) {
        // The dispatcher already turns failures into envelopes; this is the last net.
        opts.log.error('ipc.dispatch_threw', { method, error: err });
        return internalError(INTERNAL);
      }
    });
  }
  return () => {
    for (const c of channels) opts.ipcMain.removeHandler(c);
  };
}

/** Origin and path only: query strings never go to the log. */
function safeUrl(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}${u.pathname}`.slice(0, 200);
  } catch {
    return url.slice(0, 40);
  }
}
