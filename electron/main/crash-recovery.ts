// A kiosk must never sit on a blank screen. When the renderer dies or hangs we reload it, but
// a page that crashes on load would then spin forever: after `maxReloads` in `windowMs` the
// breaker opens, a calm «Перезапуск…» page is shown and the next try waits (back-off doubles up
// to a cap). A quiet period closes the breaker again. No `electron` runtime import.
import type { Logger } from '../core/ports';

export interface CrashLoopOptions {
  maxReloads: number;
  windowMs: number;
  /** First pause after the breaker opens; doubles each time up to `maxBackoffMs`. */
  backoffMs: number;
  maxBackoffMs: number;
}

export const DEFAULT_CRASH_LOOP: CrashLoopOptions = {
  maxReloads: 3,
  windowMs: 5 * 60_000,
  backoffMs: 60_000,
  maxBackoffMs: 15 * 60_000,
};

export type CrashDecision = { action: 'reload' } | { action: 'pause'; retryInMs: number };

export class CrashLoopBreaker {
  private reloads: number[] = [];
  private pauses = 0;
  private lastFailure = -Infinity;

  constructor(private readonly opts: CrashLoopOptions = DEFAULT_CRASH_LOOP) {}

  /**
   * Called for every crash/hang; says whether to reload now or to pause first. Closed: up to
   * `maxReloads` immediate reloads per `windowMs`. Open (after a pause): one try, and a failure
   * pauses again for twice as long. `windowMs` without failures closes it again.
   */
  onFailure(now: number): CrashDecision {
    if (now - this.lastFailure >= this.opts.windowMs) {
      this.pauses = 0;
      this.reloads = [];
    }
    this.lastFailure = now;
    this.reloads = this.reloads.filter((t) => now - t < this.opts.windowMs);
    if (this.pauses === 0 && this.reloads.length < this.opts.maxReloads) {
      this.reloads.push(now);
      return { action: 'reload' };
    }
    const retryInMs = Math.min(this.opts.backoffMs * 2 ** this.pauses, this.opts.maxBackoffMs);
    this.pauses += 1;
    this.lastFailure = now + retryInMs; // the quiet window counts from the retry, not from the crash
    return { action: 'pause', retryInMs };
  }

  get pausesInARow(): number {
    return this.pauses;
  }
}

/** The bits of BrowserWindow/WebContents recovery needs (a fake in tests). */
export interface RecoverableWindow {
  isDestroyed(): boolean;
  webContents: {
    on(event: 'render-process-gone', listener: (event: unknown, details: { reason: string; exitCode: number }) => void): unknown;
    on(event: 'did-fail-load', listener: (event: unknown, errorCode: number, errorDescription: string, validatedURL: string, isMainFrame: boolean) => void): unknown;
    on(event: 'unresponsive' | 'responsive', listener: () => void): unknown;
    loadURL(url: string): Promise<void>;
    forcefullyCrashRenderer(): void;
  };
  on(event: 'unresponsive' | 'responsive', listener: () => void): unknown;
}

export interface CrashRecoveryOptions {
  appUrl: string;
  /** data: URL of the «Перезапуск…» page. */
  restartingUrl: string;
  log: Logger;
  /** Called before every reload: ends the patient session so nobody sees the previous patient. */
  onBeforeReload?: () => void;
  breaker?: CrashLoopBreaker;
  /** How long a hang may last before we kill the renderer. */
  unresponsiveGraceMs?: number;
  now?: () => number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

export function attachCrashRecovery(win: RecoverableWindow, opts: CrashRecoveryOptions): { dispose(): void } {
  const breaker = opts.breaker ?? new CrashLoopBreaker();
  const now = opts.now ?? Date.now;
  const setTimer = opts.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
  const clearTimer = opts.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>));
  const grace = opts.unresponsiveGraceMs ?? 15_000;
  let hangTimer: unknown = null;
  let pauseTimer: unknown = null;
  let disposed = false;

  const load = (url: string) => {
    if (disposed || win.isDestroyed()) return;
    win.webContents.loadURL(url).catch((err: unknown) => opts.log.warn('shell.load_failed', { url, error: err }));
  };

  const recover = (why: string, detail: Record<string, unknown>) => {
    if (disposed || win.isDestroyed() || pauseTimer !== null) return;
    try {
      opts.onBeforeReload?.();
    } catch (err) {
      opts.log.error('shell.end_session_failed', { error: err });
    }
    const d = breaker.onFailure(now());
    if (d.action === 'reload') {
      opts.log.warn('shell.renderer_reload', { why, ...detail });
      load(opts.appUrl);
      return;
    }
    opts.log.error('shell.crash_loop', { why, retryInMs: d.retryInMs, pauses: breaker.pausesInARow, ...detail });
    load(opts.restartingUrl);
    pauseTimer = setTimer(() => {
      pauseTimer = null;
      opts.log.info('shell.crash_loop_retry', {});
      load(opts.appUrl);
    }, d.retryInMs);
  };

  win.webContents.on('render-process-gone', (_e, details) => {
    if (details.reason === 'clean-exit') return;
    recover('render-process-gone', { reason: details.reason, exitCode: details.exitCode });
  });
  win.webContents.on('did-fail-load', (_e, errorCode, _desc, url, isMainFrame) => {
    // -3 is ERR_ABORTED (a navigation replaced by another one): not a failure.
    if (!isMainFrame || errorCode === -3) return;
    recover('did-fail-load', { errorCode, url: url.startsWith('data:') ? 'data:' : url });
  });
  const onHang = () => {
    if (hangTimer !== null) return;
    opts.log.warn('shell.renderer_unresponsive', {});
    hangTimer = setTimer(() => {
      hangTimer = null;
      try {
        win.webContents.forcefullyCrashRenderer(); // render-process-gone follows and reloads
      } catch {
        recover('unresponsive', {});
      }
    }, grace);
  };
  const onResponsive = () => {
    if (hangTimer !== null) {
      clearTimer(hangTimer);
      hangTimer = null;
      opts.log.info('shell.renderer_responsive', {});
    }
  };
  win.on('unresponsive', onHang);
  win.on('responsive', onResponsive);

  return {
    dispose() {
      disposed = true;
      if (hangTimer !== null) clearTimer(hangTimer);
      if (pauseTimer !== null) clearTimer(pauseTimer);
    },
  };
}
