import { afterEach, describe, expect, it } from 'vitest';
import { installLongTimers, installVirtualDate, LONG_TIMER_MS } from './virtual-clock';

const undo: Array<() => void> = [];
afterEach(() => {
  while (undo.length) undo.pop()!();
});

describe('the virtual wall clock', () => {
  it('Date reads real time plus the offset; explicit dates, statics and instanceof are untouched', () => {
    let offset = 30 * 86_400_000;
    const realNow = Date.now();
    const h = installVirtualDate(() => offset);
    undo.push(() => h.uninstall());
    expect(Date.now() - realNow).toBeGreaterThanOrEqual(offset - 1000);
    expect(new Date().getTime() - realNow).toBeGreaterThanOrEqual(offset - 1000);
    expect(new Date(0).getTime()).toBe(0);
    expect(new Date('2027-03-28T01:00:00Z').toISOString()).toBe('2027-03-28T01:00:00.000Z');
    expect(new Date() instanceof Date).toBe(true);
    expect(Date.UTC(2027, 0, 1)).toBe(Date.parse('2027-01-01T00:00:00Z'));
    expect(typeof (Date as unknown as () => string)()).toBe('string');
    // An NTP step backwards.
    offset -= 5 * 60_000;
    expect(Date.now() - realNow).toBeLessThan(30 * 86_400_000);
    h.uninstall();
    undo.pop();
    expect(Math.abs(Date.now() - realNow)).toBeLessThan(60_000);
  });

  it('timers of an hour or more run on the virtual clock; shorter ones on real time', async () => {
    let virtual = 1_000_000;
    let stamps = 0;
    const t = installLongTimers(() => virtual, { beforeRun: () => void stamps++ });
    undo.push(() => t.uninstall());
    const runs: string[] = [];
    const daily = setInterval(() => runs.push('daily'), 86_400_000);
    daily.unref();
    setTimeout((x: string) => runs.push(x), LONG_TIMER_MS, 'hourly');
    const cancelled = setTimeout(() => runs.push('cancelled'), 2 * LONG_TIMER_MS);
    clearTimeout(cancelled);
    const short = await new Promise<string>((resolve) => setTimeout(() => resolve('short'), 5));
    expect(short).toBe('short');
    expect(t.pending()).toBe(2);
    t.advance();
    expect(runs).toEqual([]);
    expect(stamps).toBe(0);
    virtual += LONG_TIMER_MS;
    t.advance();
    expect(runs).toEqual(['hourly']);
    // The caller's hook ran once, before the timer (the soak stamps file times there).
    expect(stamps).toBe(1);
    virtual += 86_400_000 * 3; // three days at once: one run, as after a suspend
    t.advance();
    expect(runs).toEqual(['hourly', 'daily']);
    virtual += 86_400_000;
    t.advance();
    expect(runs).toEqual(['hourly', 'daily', 'daily']);
    clearInterval(daily);
    expect(t.pending()).toBe(0);
  });
});
