// The browser host's answer to a crashed or frozen screen (found by `npm run soak`: a renderer
// crash in the browser host never came back to Welcome by itself).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { recordingLogger } from '../printing/test-helpers';
import { DEFAULT_WATCHDOG, monotonicNow, RendererWatchdog, startRendererWatchdog } from './renderer-watchdog';

describe('renderer watchdog decisions', () => {
  const opts = { ...DEFAULT_WATCHDOG, silentMs: 10_000, maxRelaunches: 3, windowMs: 300_000, backoffMs: 60_000, maxBackoffMs: 240_000 };

  it('waits while the renderer speaks, or before there is one; relaunches once it has been silent too long', () => {
    const dog = new RendererWatchdog(opts);
    expect(dog.decide(1_000, null)).toEqual({ action: 'wait' });
    expect(dog.decide(9_999, 0)).toEqual({ action: 'wait' });
    expect(dog.decide(10_000, 0)).toEqual({ action: 'relaunch', silentForMs: 10_000 });
  });

  it('a screen that dies on load: three relaunches, then pauses that double, then quiet resets it', () => {
    const dog = new RendererWatchdog(opts);
    let t = 0;
    const fail = () => dog.decide((t += 20_000), t - 15_000);
    expect([fail(), fail(), fail()].map((d) => d.action)).toEqual(['relaunch', 'relaunch', 'relaunch']);
    expect(fail()).toEqual({ action: 'back-off', retryAt: t + 60_000 });
    // Still silent during the pause: nothing; after it, one try.
    expect(dog.decide(t + 30_000, t)).toMatchObject({ action: 'back-off' });
    t += 60_000;
    expect(dog.decide(t, t - 15_000)).toMatchObject({ action: 'relaunch' });
    // That try failed too: twice the pause, then one try again.
    expect(fail()).toEqual({ action: 'back-off', retryAt: t + 120_000 });
    t += 120_000;
    expect(dog.decide(t, t - 15_000)).toMatchObject({ action: 'relaunch' });
    // Much later, a single crash is relaunched at once again.
    t += 3_600_000;
    expect(dog.decide(t, t - 15_000)).toMatchObject({ action: 'relaunch' });
  });
});

describe('renderer watchdog loop', () => {
  afterEach(() => vi.useRealTimers());

  it('relaunches the browser of a silent renderer once, and gives the new one its time', async () => {
    vi.useFakeTimers();
    let now = 0;
    let seen: number | null = 0;
    const relaunch = vi.fn(async () => undefined);
    const log = recordingLogger();
    const dog = startRendererWatchdog({ lastSeen: () => seen, relaunch, log, now: () => now, opts: { ...DEFAULT_WATCHDOG, silentMs: 10_000, everyMs: 2_000 } });
    for (let i = 0; i < 4; i++) {
      now += 2_000;
      seen = now; // alive
      await vi.advanceTimersByTimeAsync(2_000);
    }
    expect(relaunch).not.toHaveBeenCalled();
    // The tab crashes: silence.
    for (let i = 0; i < 6; i++) {
      now += 2_000;
      await vi.advanceTimersByTimeAsync(2_000);
    }
    expect(relaunch).toHaveBeenCalledTimes(1);
    // The new browser has not spoken yet: no second relaunch within its own grace.
    for (let i = 0; i < 3; i++) {
      now += 2_000;
      await vi.advanceTimersByTimeAsync(2_000);
    }
    expect(relaunch).toHaveBeenCalledTimes(1);
    expect(log.entries.some((l) => l.event === 'host.renderer_silent')).toBe(true);
    dog.stop();
  });

  it('a wall clock that jumps a day ahead and then steps back 5 minutes (NTP) does not hold off the relaunch', async () => {
    // The soak's case: a new virtual day, then an NTP correction back, then the tab crashes. On
    // the wall clock the watchdog waited out the 5 minutes; on the default (monotonic) clock it
    // relaunches after its usual silence.
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'setTimeout', 'clearTimeout', 'Date', 'performance'] });
    let seen: number | null = monotonicNow();
    const relaunch = vi.fn(async () => undefined);
    const dog = startRendererWatchdog({ lastSeen: () => seen, relaunch, log: recordingLogger(), opts: { ...DEFAULT_WATCHDOG, silentMs: 10_000, everyMs: 2_000 } });
    for (let i = 0; i < 4; i++) {
      await vi.advanceTimersByTimeAsync(2_000);
      seen = monotonicNow(); // alive
    }
    vi.setSystemTime(Date.now() + 86_400_000);
    await vi.advanceTimersByTimeAsync(2_000);
    seen = monotonicNow();
    vi.setSystemTime(Date.now() - 300_000);
    await vi.advanceTimersByTimeAsync(2_000);
    seen = monotonicNow();
    expect(relaunch).not.toHaveBeenCalled();
    // The tab crashes: silence for 14 s.
    await vi.advanceTimersByTimeAsync(14_000);
    expect(relaunch).toHaveBeenCalledTimes(1);
    dog.stop();
  });

  it('a host that was itself stalled does not take the queued heartbeats for silence', async () => {
    vi.useFakeTimers();
    let now = 0;
    const seen = 0;
    const relaunch = vi.fn(async () => undefined);
    const dog = startRendererWatchdog({ lastSeen: () => seen, relaunch, log: recordingLogger(), now: () => now, opts: { ...DEFAULT_WATCHDOG, silentMs: 10_000, everyMs: 2_000 } });
    // The event loop was blocked for 12 s: the first tick after it is late.
    now += 12_000;
    await vi.advanceTimersByTimeAsync(2_000);
    expect(relaunch).not.toHaveBeenCalled();
    dog.stop();
  });
});
