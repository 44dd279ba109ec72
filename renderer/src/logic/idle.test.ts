// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { createIdleTracker, idlePhase } from './idle';

describe('idlePhase', () => {
  it('is active before the idle time, counts down after it, expires at zero', () => {
    expect(idlePhase(0, 60, 20)).toEqual({ kind: 'active' });
    expect(idlePhase(59_999, 60, 20)).toEqual({ kind: 'active' });
    expect(idlePhase(60_000, 60, 20)).toEqual({ kind: 'warning', secondsLeft: 20 });
    expect(idlePhase(60_001, 60, 20)).toEqual({ kind: 'warning', secondsLeft: 20 });
    expect(idlePhase(79_001, 60, 20)).toEqual({ kind: 'warning', secondsLeft: 1 });
    expect(idlePhase(80_000, 60, 20)).toEqual({ kind: 'expired' });
  });
});

describe('createIdleTracker', () => {
  it('expires once per quiet period and restarts on activity', () => {
    let now = 1_000;
    const onExpire = vi.fn();
    const t = createIdleTracker({ idleSeconds: 10, countdownSeconds: 5, now: () => now, onExpire });
    now += 9_000;
    expect(t.tick().kind).toBe('active');
    now += 2_000;
    expect(t.tick()).toEqual({ kind: 'warning', secondsLeft: 4 });
    t.activity();
    expect(t.tick().kind).toBe('active');
    now += 15_000;
    expect(t.tick().kind).toBe('expired');
    now += 1_000;
    t.tick();
    expect(onExpire).toHaveBeenCalledTimes(1);
    t.activity();
    now += 15_000;
    t.tick();
    expect(onExpire).toHaveBeenCalledTimes(2);
  });
});
