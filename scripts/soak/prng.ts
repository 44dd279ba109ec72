// A small seeded PRNG for the soak: the same `--seed` gives the same traffic and the same
// faults, draw for draw. sfc32 seeded through a string hash (cyrb128), both public domain and
// well studied; Math.random is never used by the soak's plan.

export interface Rng {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [0, n). */
  int(n: number): number;
  /** An integer in [lo, hi]. */
  between(lo: number, hi: number): number;
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** One key, with probability proportional to its weight (weights ≤ 0 never win). */
  weighted<K extends string>(weights: Readonly<Record<K, number>>): K;
  /** An independent stream for one purpose (`fork('faults')`): adding draws elsewhere does not move it. */
  fork(label: string): Rng;
}

/** cyrb128: four 32-bit words from a string. */
export function hash128(s: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < s.length; i++) {
    const k = s.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

export function createRng(seed: string | number): Rng {
  const label = String(seed);
  let [a, b, c, d] = hash128(label);
  const next = (): number => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  // Warm up: the first outputs of sfc32 from a weak seed are correlated.
  for (let i = 0; i < 15; i++) next();
  const rng: Rng = {
    next,
    int: (n) => Math.floor(next() * n),
    between: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    chance: (p) => next() < p,
    pick: (items) => {
      if (items.length === 0) throw new Error('pick from nothing');
      return items[Math.floor(next() * items.length)]!;
    },
    weighted: (weights) => {
      const entries = (Object.entries(weights) as Array<[string, number]>).filter(([, w]) => w > 0);
      const total = entries.reduce((s, [, w]) => s + w, 0);
      if (total <= 0) throw new Error('no positive weight');
      let x = next() * total;
      for (const [k, w] of entries) {
        x -= w;
        if (x < 0) return k as never;
      }
      return entries[entries.length - 1]![0] as never;
    },
    fork: (sub) => createRng(`${label}/${sub}`),
  };
  return rng;
}
