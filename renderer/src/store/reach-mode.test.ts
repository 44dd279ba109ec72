// @vitest-environment jsdom
// Reach mode («Для инвалидной коляски») belongs to one patient, like large print: switched on at
// Welcome it survives «Начать» and works with large print; every way a session ends gives the
// next patient the ordinary screen; with voice on, the patient hears which way it went.
import { describe, expect, it, vi } from 'vitest';
import type { KioskBridge } from '../../../electron/common/bridge-contract';
import { createFlowStore } from './flow-store';
import { fakeBridge, info, ok } from './test-helpers';

function bridge(): KioskBridge {
  const none = vi.fn(() => ok(null));
  return { kioskInfo: vi.fn(() => ok(info)), endSession: none, reportError: none } as unknown as KioskBridge;
}

describe('reach mode', () => {
  it('starts off, toggles, survives «Начать» and goes with large print', async () => {
    const store = createFlowStore(bridge(), { synth: null });
    await store.getState().boot();
    expect(store.getState().reach).toBe(false);
    store.getState().toggleReach();
    store.getState().toggleDisplay();
    store.getState().start();
    expect(store.getState().screen).toBe('identify');
    expect(store.getState()).toMatchObject({ reach: true, display: { print: 'large' } });
    store.getState().toggleReach();
    expect(store.getState().reach).toBe(false);
  });

  it('is reset when the session ends (idle, «Начать заново», «Готово», a crash)', async () => {
    const store = createFlowStore(bridge(), { synth: null });
    await store.getState().boot();
    store.getState().toggleReach();
    store.getState().start();
    store.getState().endSession();
    expect(store.getState().reach).toBe(false);
    store.getState().toggleReach();
    store.getState().reportCrash('boom', 'identify');
    expect(store.getState().reach).toBe(false);
  });

  it('is said aloud when voice guidance is on, both ways', async () => {
    const b = fakeBridge();
    const store = createFlowStore(b, { synth: null });
    await store.getState().boot();
    store.getState().toggleVoice();
    const before = (b.speak as ReturnType<typeof vi.fn>).mock.calls.length;
    store.getState().toggleReach();
    store.getState().toggleReach();
    const said = (b.speak as ReturnType<typeof vi.fn>).mock.calls.slice(before).map(([u]) => (u as { text: string; kind: string }).text);
    expect(said).toEqual(['Режим для инвалидной коляски включён: все кнопки в нижней части экрана.', 'Режим для инвалидной коляски выключен.']);
  });

  it('says nothing when voice guidance is off', async () => {
    const b = fakeBridge();
    const store = createFlowStore(b, { synth: null });
    await store.getState().boot();
    store.getState().toggleReach();
    expect(b.speak).not.toHaveBeenCalled();
  });
});
