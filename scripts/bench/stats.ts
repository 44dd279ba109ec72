// Summaries of timing samples. Nearest-rank quantiles: with 20 samples p95 is the 19th, so one
// outlier (a GC pause, another engineer's build) moves p95 but a single fluke does not make it.
export interface Summary {
  n: number;
  p50: number;
  p95: number;
  max: number;
}

export function quantile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const s = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil(p * s.length);
  return s[Math.min(s.length, Math.max(1, rank)) - 1]!;
}

export function summarize(samples: readonly number[]): Summary {
  return {
    n: samples.length,
    p50: quantile(samples, 0.5),
    p95: quantile(samples, 0.95),
    max: samples.length ? Math.max(...samples) : Number.NaN,
  };
}

export const fmt = (s: Summary, unit = 'ms'): string =>
  `p50 ${s.p50.toFixed(1)} ${unit}, p95 ${s.p95.toFixed(1)} ${unit}, max ${s.max.toFixed(1)} ${unit} (n=${s.n})`;

/** Least-squares slope of y over x: growth per unit of x, robust to one noisy checkpoint. */
export function slope(points: ReadonlyArray<readonly [number, number]>): number {
  const n = points.length;
  if (n < 2) return Number.NaN;
  const mx = points.reduce((a, [x]) => a + x, 0) / n;
  const my = points.reduce((a, [, y]) => a + y, 0) / n;
  let num = 0;
  let den = 0;
  for (const [x, y] of points) {
    num += (x - mx) * (y - my);
    den += (x - mx) ** 2;
  }
  return den === 0 ? Number.NaN : num / den;
}

/** Rejects when `p` has not settled within `ms`: every wait of the bench is bounded. */
export function within<T>(ms: number, p: Promise<T>, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`bench: ${what} took longer than ${ms} ms`)), ms);
  });
  return Promise.race([p, limit]).finally(() => clearTimeout(timer));
}
