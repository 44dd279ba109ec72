import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { silentLogger } from '../core/ports';
import { CrashLoopBreaker, attachCrashRecovery, type RecoverableWindow } from './crash-recovery';

const MIN = 60_000;

describe('CrashLoopBreaker', () => {
  it('reloads 3 times in 5 minutes, then pauses with a growing back-off', () => {
    const b = new CrashLoopBreaker({ maxReloads: 3, windowMs: 5 * MIN, backoffMs: MIN, maxBackoffMs: 4 * MIN });
    expect(b.onFailure(0)).toEqual({ action: 'reload' });
    expect(b.onFailure(10_000)).toEqual({ action: 'reload' });
    expect(b.onFailure(20_000)).toEqual({ action: 'reload' });
    expect(b.onFailure(30_000)).toEqual({ action: 'pause', retryInMs: MIN });
    // the retry after the pause fails again at once: longer pause, no free reloads
    expect(b.onFailure(30_000 + MIN + 1000)).toEqual({ action: 'pause', retryInMs: 2 * MIN });
    expect(b.onFailure(30_000 + 3 * MIN + 2000)).toEqual({ action: 'pause', retryInMs: 4 * MIN });
    expect(b.onFailure(30_000 + 7 * MIN + 3000)).toEqual({ action: 'pause', retryInMs: 4 * MIN }); // capped
  });
  it('spaced-out crashes never open it; a quiet window after a retry closes it', () => {
    const b = new CrashLoopBreaker({ maxReloads: 3, windowMs: 5 * MIN, backoffMs: MIN, maxBackoffMs: 4 * MIN });
    for (let i = 0; i < 10; i++) expect(b.onFailure(i * 6 * MIN)).toEqual({ action: 'reload' });
    const t = 100 * MIN;
    b.onFailure(t);
    b.onFailure(t + 1);
    b.onFailure(t + 2);
    expect(b.onFailure(t + 3).action).toBe('pause'); // retry at t + 3 + 1 min
    expect(b.onFailure(t + 3 + MIN + 5 * MIN + 1)).toEqual({ action: 'reload' });
  });
});

class FakeContents extends EventEmitter {
  loadURL = vi.fn(async (_url: string) => {});
  forcefullyCrashRenderer = vi.fn(() => {
    this.emit('render-process-gone', {}, { reason: 'killed', exitCode: 9 });
  });
}
class FakeWindow extends EventEmitter {
  webContents = new FakeContents();
  isDestroyed = () => false;
}

function setup() {
  const win = new FakeWindow();
  let clock = 0;
  const timers: Array<{ fn: () => void; at: number; id: number }> = [];
  let nextId = 1;
  const endSession = vi.fn();
  const h = attachCrashRecovery(win as unknown as RecoverableWindow, {
    appUrl: 'app://kiosk/index.html',
    restartingUrl: 'data:restarting',
    log: silentLogger,
    onBeforeReload: endSession,
    unresponsiveGraceMs: 10_000,
    now: () => clock,
    setTimer: (fn, ms) => {
      const t = { fn, at: clock + ms, id: nextId++ };
      timers.push(t);
      return t.id;
    },
    clearTimer: (id) => {
      const i = timers.findIndex((t) => t.id === id);
      if (i >= 0) timers.splice(i, 1);
    },
  });
  const advance = (ms: number) => {
    clock += ms;
    for (const t of [...timers].sort((a, b) => a.at - b.at)) {
      if (t.at <= clock) {
        timers.splice(timers.indexOf(t), 1);
        t.fn();
      }
    }
  };
  const crash = () => win.webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 1 });
  return { win, advance, crash, endSession, h, urls: () => win.webContents.loadURL.mock.calls.map((c) => c[0]) };
}

describe('attachCrashRecovery', () => {
  it('reloads the app after a crash and ends the patient session first', () => {
    const s = setup();
    s.crash();
    expect(s.endSession).toHaveBeenCalledTimes(1);
    expect(s.urls()).toEqual(['app://kiosk/index.html']);
  });
  it('ignores a clean exit and aborted loads', () => {
    const s = setup();
    s.win.webContents.emit('render-process-gone', {}, { reason: 'clean-exit', exitCode: 0 });
    s.win.webContents.emit('did-fail-load', {}, -3, 'ERR_ABORTED', 'app://kiosk/', true);
    expect(s.urls()).toEqual([]);
  });
  it('a crash loop shows «Перезапуск…» and retries after the back-off', () => {
    const s = setup();
    for (let i = 0; i < 4; i++) {
      s.crash();
      s.advance(1000);
    }
    expect(s.urls()).toEqual(['app://kiosk/index.html', 'app://kiosk/index.html', 'app://kiosk/index.html', 'data:restarting']);
    s.crash(); // crashes while paused do not pile up reloads
    expect(s.urls()).toHaveLength(4);
    s.advance(60_000);
    expect(s.urls().at(-1)).toBe('app://kiosk/index.html');
  });
  it('a hang longer than the grace period kills and reloads the renderer; a short one does not', () => {
    const s = setup();
    s.win.emit('unresponsive');
    s.advance(5_000);
    s.win.emit('responsive');
    s.advance(20_000);
    expect(s.win.webContents.forcefullyCrashRenderer).not.toHaveBeenCalled();
    s.win.emit('unresponsive');
    s.advance(10_000);
    expect(s.win.webContents.forcefullyCrashRenderer).toHaveBeenCalledTimes(1);
    expect(s.urls()).toEqual(['app://kiosk/index.html']);
  });
});
