// The lobby's clock in a soak: a month of traffic in an hour, so the kiosk must live a month.
//
// - `installVirtualDate`: the process's wall clock (Date, Date.now) is real time plus an offset
//   the soak driver moves: day by day, an NTP correction of ±5 minutes. It is what libfaketime
//   does to a process, done in JavaScript (libfaketime is not installed here). The monotonic
//   clock (performance.now, timers) is left alone, as an NTP step leaves it alone.
// - `installLongTimers`: timers of an hour or more (the daily retention sweeps of the logs,
//   the print journal and the slips) run on that wall clock instead of real time: a daily
//   sweep runs once per virtual day. Shorter timers (idle, health probes, HTTP deadlines) stay
//   real: the sessions themselves run in real time.
// Only the soak's kiosk process and driver install these; nothing in the kiosk imports them.

type Callback = (...args: unknown[]) => void;

interface LongTimer {
  due: number;
  every: number | null;
  fn: Callback;
  args: unknown[];
}

/** Timers at least this long run on the virtual wall clock. */
export const LONG_TIMER_MS = 3_600_000;
/** Node clamps a longer delay to 1 ms; the stand-in real timer never waits longer than this. */
const MAX_REAL_DELAY = 2_147_483_647;

export interface VirtualDateHandle {
  uninstall(): void;
}

/** Replaces the global Date with one reading `Date.now() + offset()`; `new Date(x)` is unchanged. */
export function installVirtualDate(offset: () => number): VirtualDateHandle {
  const RealDate = globalThis.Date;
  const realNow = RealDate.now.bind(RealDate);
  function VirtualDate(this: unknown, ...args: unknown[]): unknown {
    // `Date()` called as a function gives the current time as a string.
    if (!new.target) return new RealDate(realNow() + offset()).toString();
    if (args.length === 0) return new RealDate(realNow() + offset());
    return new (RealDate as unknown as new (...a: unknown[]) => Date)(...args);
  }
  VirtualDate.prototype = RealDate.prototype;
  Object.setPrototypeOf(VirtualDate, RealDate);
  (VirtualDate as unknown as { now: () => number }).now = () => realNow() + offset();
  globalThis.Date = VirtualDate as unknown as DateConstructor;
  return {
    uninstall() {
      globalThis.Date = RealDate;
    },
  };
}

export interface LongTimers {
  /** Runs every long timer whose virtual due time has come (also checked every second). */
  advance(): void;
  /** Long timers waiting. */
  pending(): number;
  uninstall(): void;
}

/**
 * Moves `setTimeout`/`setInterval` of `LONG_TIMER_MS` or more onto `now()` (virtual ms). The
 * caller still gets a real Node timer object (unref, ref, clear all work); it only does nothing.
 */
export function installLongTimers(now: () => number, opts: { longMs?: number; beforeRun?: () => void } = {}): LongTimers {
  const longMs = opts.longMs ?? LONG_TIMER_MS;
  const g = globalThis as unknown as Record<'setTimeout' | 'setInterval' | 'clearTimeout' | 'clearInterval', unknown>;
  const real = {
    setTimeout: globalThis.setTimeout,
    setInterval: globalThis.setInterval,
    clearTimeout: globalThis.clearTimeout,
    clearInterval: globalThis.clearInterval,
  };
  const timers = new Map<unknown, LongTimer>();
  const noop = (): void => undefined;

  const wrap = (kind: 'setTimeout' | 'setInterval') =>
    function (fn: unknown, ms?: number, ...args: unknown[]): unknown {
      const delay = Number(ms ?? 0);
      if (typeof fn !== 'function' || !(delay >= longMs)) return (real[kind] as (...a: unknown[]) => unknown)(fn, ms, ...args);
      const handle = (real[kind] as (...a: unknown[]) => unknown)(noop, Math.min(delay, MAX_REAL_DELAY));
      timers.set(handle, { due: now() + delay, every: kind === 'setInterval' ? delay : null, fn: fn as Callback, args });
      return handle;
    };
  const unwrap = (kind: 'clearTimeout' | 'clearInterval') =>
    function (handle: unknown): void {
      timers.delete(handle);
      (real[kind] as (h: unknown) => void)(handle);
    };
  g.setTimeout = Object.assign(wrap('setTimeout'), { __promisify__: (real.setTimeout as unknown as { __promisify__?: unknown }).__promisify__ });
  g.setInterval = wrap('setInterval');
  g.clearTimeout = unwrap('clearTimeout');
  g.clearInterval = unwrap('clearInterval');

  const advance = (): void => {
    const t = now();
    const due = [...timers].filter(([, timer]) => timer.due <= t);
    // What the caller must do before any long timer runs (the soak stamps file times).
    if (due.length) opts.beforeRun?.();
    for (const [handle, timer] of due) {
      if (timer.every === null) {
        timers.delete(handle);
        real.clearTimeout(handle as ReturnType<typeof setTimeout>);
      } else {
        // Like a real interval after a suspend: one run, then the next period from now.
        timer.due = Math.max(timer.due + timer.every, t + 1);
      }
      try {
        timer.fn(...timer.args);
      } catch (err) {
        process.nextTick(() => {
          throw err;
        });
      }
    }
  };
  const ticker = real.setInterval(advance, 1000);
  ticker.unref();
  return {
    advance,
    pending: () => timers.size,
    uninstall() {
      real.clearInterval(ticker);
      Object.assign(g, real);
    },
  };
}
