// @vitest-environment jsdom
// Large print and high contrast belong to one patient: switched on at Welcome they survive
// «Начать», and every way a session ends gives the next patient the ordinary screen.
import { describe, expect, it, vi } from 'vitest';
import type { KioskBridge } from '../../../electron/common/bridge-contract';
import { createFlowStore } from './flow-store';
import { info, ok } from './test-helpers';

function bridge(): KioskBridge {
  const none = vi.fn(() => ok(null));
  return { kioskInfo: vi.fn(() => ok(info)), endSession: none, reportError: none } as unknown as KioskBridge;
}

describe('display mode', () => {
  it('starts ordinary, toggles both modes together, survives «Начать»', async () => {
    const store = createFlowStore(bridge());
    await store.getState().boot();
    expect(store.getState().display).toEqual({ print: 'normal', contrast: 'normal' });
    store.getState().toggleDisplay();
    expect(store.getState().display).toEqual({ print: 'large', contrast: 'high' });
    store.getState().start();
    expect(store.getState().screen).toBe('identify');
    expect(store.getState().display.print).toBe('large');
    store.getState().toggleDisplay();
    expect(store.getState().display).toEqual({ print: 'normal', contrast: 'normal' });
  });

  it('is reset when the session ends (idle, «Начать заново», «Готово», a crash)', async () => {
    const store = createFlowStore(bridge());
    await store.getState().boot();
    store.getState().toggleDisplay();
    store.getState().start();
    store.getState().endSession();
    expect(store.getState().display).toEqual({ print: 'normal', contrast: 'normal' });
    store.getState().toggleDisplay();
    store.getState().reportCrash('boom', 'identify');
    expect(store.getState().display.print).toBe('normal');
  });
});
