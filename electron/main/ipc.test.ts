import type { IpcMainInvokeEvent } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { bridgeContract } from '../common/bridge-contract';
import { silentLogger } from '../core/ports';
import { INTERNAL, NOT_READY, UNTRUSTED_SENDER, registerBridgeIpc, type IpcMainLike, type TrustedWindow } from './ipc';

type Listener = (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown;

function setup(dispatcher: ((m: string, i: unknown) => Promise<unknown>) | null = async (m, i) => ({ ok: true, value: { m, i } })) {
  const handlers = new Map<string, Listener>();
  const ipcMain: IpcMainLike = {
    handle: (c, l) => void handlers.set(c, l),
    removeHandler: (c) => void handlers.delete(c),
  };
  const mainFrame: { url: string; parent: unknown } = { url: 'app://kiosk/index.html', parent: null };
  const win: TrustedWindow = { isDestroyed: () => false, webContents: { id: 7, mainFrame, isDestroyed: () => false } };
  const log = { ...silentLogger, warn: vi.fn() };
  const dispose = registerBridgeIpc({ ipcMain, getWindow: () => win, getDispatcher: () => dispatcher as never, log });
  const call = (channel: string, event: { senderFrame: unknown; sender: { id: number } }, input?: unknown) =>
    handlers.get(channel)!(event as unknown as IpcMainInvokeEvent, input);
  const good = { senderFrame: mainFrame, sender: { id: 7 } };
  return { handlers, mainFrame, good, call, dispose, log };
}

describe('registerBridgeIpc', () => {
  it('registers one handler per contract method and removes them', () => {
    const { handlers, dispose } = setup();
    expect([...handlers.keys()].sort()).toEqual(Object.keys(bridgeContract).map((m) => `kiosk:${m}`).sort());
    dispose();
    expect(handlers.size).toBe(0);
  });

  it('passes trusted calls to the dispatcher', async () => {
    const { call, good } = setup();
    await expect(call('kiosk:identify', good, { policy: 'x' })).resolves.toEqual({ ok: true, value: { m: 'identify', i: { policy: 'x' } } });
  });

  it.each([
    ['no senderFrame (navigated away)', (_s: ReturnType<typeof setup>) => ({ senderFrame: null, sender: { id: 7 } })],
    ['a subframe', (s: ReturnType<typeof setup>) => ({ senderFrame: { url: 'app://kiosk/index.html', parent: s.mainFrame }, sender: { id: 7 } })],
    ['another webContents', (s: ReturnType<typeof setup>) => ({ senderFrame: s.mainFrame, sender: { id: 8 } })],
    ['a foreign origin in the main frame', (s: ReturnType<typeof setup>) => {
      s.mainFrame.url = 'https://evil.example/';
      return { senderFrame: s.mainFrame, sender: { id: 7 } };
    }],
    ['the data: service page', (s: ReturnType<typeof setup>) => {
      s.mainFrame.url = 'data:text/html,<h1>x</h1>';
      return { senderFrame: s.mainFrame, sender: { id: 7 } };
    }],
  ])('rejects %s with an internal envelope, never a throw', async (_n, makeEvent) => {
    const s = setup();
    const r = await s.call('kiosk:listReferrals', makeEvent(s), {});
    expect(r).toEqual({ ok: false, error: { kind: 'internal', problem: UNTRUSTED_SENDER, shown: null, httpStatus: null } });
    expect(s.log.warn).toHaveBeenCalledWith('ipc.untrusted_sender', expect.objectContaining({ method: 'listReferrals' }));
  });

  it('answers «not ready» before the core is up', async () => {
    const s = setup(null);
    await expect(s.call('kiosk:kioskInfo', s.good, {})).resolves.toMatchObject({ ok: false, error: { kind: 'internal', problem: NOT_READY } });
  });

  it('a throwing dispatcher still yields an envelope', async () => {
    const s = setup(async () => {
      throw new Error('boom with token=abc');
    });
    await expect(s.call('kiosk:book', s.good, {})).resolves.toEqual({ ok: false, error: { kind: 'internal', problem: INTERNAL, shown: null, httpStatus: null } });
  });
});
