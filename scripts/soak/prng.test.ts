import { describe, expect, it } from 'vitest';
import { createRng, hash128 } from './prng';

const draw = (seed: string | number, n = 50) => {
  const r = createRng(seed);
  return Array.from({ length: n }, () => r.next());
};

describe('seeded PRNG', () => {
  it('the same seed gives the same draws, another seed others', () => {
    expect(draw('42')).toEqual(draw('42'));
    expect(draw(42)).toEqual(draw('42'));
    expect(draw('42')).not.toEqual(draw('43'));
    expect(hash128('a')).not.toEqual(hash128('b'));
    for (const x of draw('x', 2000)) expect(x >= 0 && x < 1).toBe(true);
  });

  it('a fork is its own stream: more draws on the parent do not move it', () => {
    const a = createRng('s');
    const b = createRng('s');
    b.next();
    b.next();
    expect(Array.from({ length: 10 }, () => a.fork('faults').next())).toEqual(Array.from({ length: 10 }, () => b.fork('faults').next()));
    expect(createRng('s').fork('faults').next()).not.toBe(createRng('s').fork('traffic').next());
  });

  it('int, between, pick and weighted stay in range and follow the weights', () => {
    const r = createRng(7);
    const counts = { a: 0, b: 0, c: 0 };
    for (let i = 0; i < 20_000; i++) counts[r.weighted({ a: 1, b: 3, c: 0 })]++;
    expect(counts.c).toBe(0);
    expect(counts.b / counts.a).toBeGreaterThan(2.7);
    expect(counts.b / counts.a).toBeLessThan(3.3);
    for (let i = 0; i < 1000; i++) {
      expect(r.int(5)).toBeLessThan(5);
      const x = r.between(3, 6);
      expect(x >= 3 && x <= 6 && Number.isInteger(x)).toBe(true);
      expect(['x', 'y']).toContain(r.pick(['x', 'y']));
    }
    expect(() => r.pick([])).toThrow();
    expect(() => r.weighted({ a: 0 })).toThrow();
  });
});
