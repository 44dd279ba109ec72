// The periodic look at what no patient action reports by itself: is the printer ready (and how
// is its paper), does the MIS answer. One small file on purpose: the pre-flight health module
// (electron/core/health/) asks the same two questions and the two can be merged here later.
import { ApiError } from '../api/api-error';
import type { PrinterReadiness, SlipPrinter } from '../ports';
import type { MetricsSink } from './sink';

export interface ProbeDeps {
  printer: Pick<SlipPrinter, 'readiness'> | null;
  /** A cheap MIS read that needs no patient (the client application's settings). */
  misCheck: () => Promise<unknown>;
  metrics: Pick<MetricsSink, 'printerReadiness' | 'misUp'>;
  intervalMs: number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (t: unknown) => void;
}

export interface ProbeResult {
  printer: PrinterReadiness | 'disabled';
  misUp: boolean;
}

/**
 * The MIS is up when it answered in its own words: success, or a refusal it explained (an
 * unknown client application is a configuration problem, not an outage). No answer, a 5xx
 * or something that is not the MIS's JSON (a proxy's error page) means down.
 */
export function misAnswered(err: unknown): boolean {
  return err instanceof ApiError && (err.kind === 'validation' || err.kind === 'auth');
}

export async function probeOnce(deps: Pick<ProbeDeps, 'printer' | 'misCheck' | 'metrics'>): Promise<ProbeResult> {
  const [printer, misUp] = await Promise.all([
    deps.printer ? deps.printer.readiness().catch((): PrinterReadiness => 'error') : Promise.resolve('disabled' as const),
    deps.misCheck().then(
      () => true,
      (err: unknown) => misAnswered(err),
    ),
  ]);
  deps.metrics.printerReadiness(printer);
  deps.metrics.misUp(misUp);
  return { printer, misUp };
}

/** Probes now and then every intervalMs, one probe at a time; stop() waits for the one running. */
export function startProbe(deps: ProbeDeps): { stop(): Promise<void>; now(): Promise<ProbeResult> } {
  const set = deps.setTimer ?? ((fn: () => void, ms: number) => {
    const t = setTimeout(fn, ms);
    t.unref?.();
    return t;
  });
  const clear = deps.clearTimer ?? ((t: unknown) => clearTimeout(t as ReturnType<typeof setTimeout>));
  let stopped = false;
  let timer: unknown = null;
  let running: Promise<ProbeResult> | null = null;
  const run = (): Promise<ProbeResult> => {
    if (!running) {
      running = probeOnce(deps).finally(() => {
        running = null;
        if (!stopped) {
          if (timer !== null) clear(timer);
          timer = set(() => void run(), deps.intervalMs);
        }
      });
    }
    return running;
  };
  void run();
  return {
    now: run,
    async stop() {
      stopped = true;
      if (timer !== null) clear(timer);
      timer = null;
      await running?.catch(() => undefined);
    },
  };
}
