// A kiosk must never sit on a blank screen. In Electron the shell reloads a renderer that died
// or hung (main/crash-recovery.ts); in the browser host a crashed tab ("Aw, Snap!") or a frozen
// one stayed so until someone pressed its Reload button. Found by `npm run soak` (a renderer
// crash never came back to Welcome). The host's bridge script now says "alive" every few
// seconds; when the current renderer has been silent for `silentMs`, the host relaunches its
// Chromium (a fresh profile and launch code: the page starts from Welcome, the session ended
// with the old renderer). A page that dies on load must not relaunch the browser in a tight
// loop: after `maxRelaunches` within `windowMs` the next try waits, the pause doubling up to
// `maxBackoffMs`; a quiet window resets it.
import type { Logger } from '../core/ports';

export interface WatchdogOptions {
  /** A renderer silent this long is taken for dead (crashed, frozen). */
  silentMs: number;
  /** How often the watchdog looks. */
  everyMs: number;
  maxRelaunches: number;
  windowMs: number;
  backoffMs: number;
  maxBackoffMs: number;
}

export const DEFAULT_WATCHDOG: WatchdogOptions = {
  silentMs: 10_000,
  everyMs: 2_000,
  maxRelaunches: 3,
  windowMs: 5 * 60_000,
  backoffMs: 60_000,
  maxBackoffMs: 15 * 60_000,
};

/** Milliseconds on a clock no NTP step or time-zone change moves (the host's and the watchdog's default). */
export const monotonicNow = (): number => performance.now();

export type WatchdogDecision = { action: 'wait' } | { action: 'relaunch'; silentForMs: number } | { action: 'back-off'; retryAt: number };

/** The watchdog's decisions, without timers or a browser (tested on its own). */
export class RendererWatchdog {
  private relaunches: number[] = [];
  private pauses = 0;
  private notBefore = Number.NEGATIVE_INFINITY;
  private lastFailure = Number.NEGATIVE_INFINITY;
  /** After a pause: one try, and a failure pauses again for twice as long. */
  private tryPending = false;

  constructor(private readonly opts: WatchdogOptions = DEFAULT_WATCHDOG) {}

  /**
   * `lastSeen`: when the current renderer was last heard from (null: no renderer launched yet).
   * A relaunch counts as heard from (the new browser gets `silentMs` to show up).
   */
  decide(now: number, lastSeen: number | null): WatchdogDecision {
    if (lastSeen === null || now - lastSeen < this.opts.silentMs) return { action: 'wait' };
    if (now < this.notBefore) return { action: 'back-off', retryAt: this.notBefore };
    // A quiet window closes the breaker again.
    if (now - this.lastFailure >= this.opts.windowMs) {
      this.pauses = 0;
      this.relaunches = [];
      this.tryPending = false;
    }
    this.lastFailure = now;
    this.relaunches = this.relaunches.filter((t) => now - t < this.opts.windowMs);
    if (this.pauses === 0 && this.relaunches.length < this.opts.maxRelaunches) {
      this.relaunches.push(now);
      return { action: 'relaunch', silentForMs: now - lastSeen };
    }
    if (this.tryPending) {
      this.tryPending = false;
      return { action: 'relaunch', silentForMs: now - lastSeen };
    }
    const pause = Math.min(this.opts.backoffMs * 2 ** this.pauses, this.opts.maxBackoffMs);
    this.pauses += 1;
    this.notBefore = now + pause;
    this.tryPending = true;
    // The quiet window counts from the try after the pause, not from the failures before it.
    this.lastFailure = this.notBefore;
    return { action: 'back-off', retryAt: this.notBefore };
  }
}

export interface RunningWatchdog {
  stop(): void;
}

/**
 * Looks every `everyMs`: a silent renderer gets its browser relaunched (`relaunch` resolves once
 * the new one is started). `lastSeen` is the host's (browser-host.ts `rendererSeen`).
 */
export function startRendererWatchdog(deps: {
  lastSeen: () => number | null;
  relaunch: () => Promise<void>;
  log: Logger;
  now?: () => number;
  opts?: WatchdogOptions;
}): RunningWatchdog {
  const opts = deps.opts ?? DEFAULT_WATCHDOG;
  // A monotonic clock, like the host's `rendererSeen`: a wall clock stepped back (NTP) left a
  // crashed screen blank for the size of the step (`npm run soak`, 2 of 5 crashes in 5,000 sessions).
  const now = deps.now ?? monotonicNow;
  const dog = new RendererWatchdog(opts);
  let busy = false;
  let backedOff = false;
  let relaunchedAt = Number.NEGATIVE_INFINITY;
  let lastTick = now();
  const tick = async (): Promise<void> => {
    if (busy) return;
    const t = now();
    // This tick came late: the host itself was stalled, and the page's heartbeats may still be
    // queued behind it. Not the page's silence: it gets a fresh `silentMs` from here.
    const stalled = t - lastTick > 2 * opts.everyMs;
    lastTick = t;
    if (stalled) relaunchedAt = Math.max(relaunchedAt, t);
    const seen = deps.lastSeen();
    // The browser just relaunched has its own `silentMs` to show up.
    const d = dog.decide(t, seen === null ? null : Math.max(seen, relaunchedAt));
    if (d.action === 'wait') {
      backedOff = false;
      return;
    }
    if (d.action === 'back-off') {
      if (!backedOff) deps.log.error('host.renderer_relaunch_paused', { retryInMs: d.retryAt - t });
      backedOff = true;
      return;
    }
    busy = true;
    deps.log.warn('host.renderer_silent', { silentForMs: d.silentForMs });
    try {
      await deps.relaunch();
      relaunchedAt = now();
      deps.log.info('host.browser_relaunched', {});
    } catch (err) {
      deps.log.error('host.browser_relaunch_failed', { error: String(err) });
    } finally {
      busy = false;
    }
  };
  const timer = setInterval(() => void tick(), opts.everyMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
