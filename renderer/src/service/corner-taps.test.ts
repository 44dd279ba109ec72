import { describe, expect, it } from 'vitest';
import { createCornerTaps } from './corner-taps';

describe('corner taps', () => {
  const run = (taps: Array<[number, number, boolean, number]>) => {
    const g = createCornerTaps();
    return taps.map(([x, y, control, at]) => g.tap(x, y, control, at));
  };

  it('five taps in the top-left corner within 3 s open the keypad, once', () => {
    expect(run([[10, 10, false, 0], [20, 5, false, 500], [5, 30, false, 1000], [40, 40, false, 1500], [12, 12, false, 2900]])).toEqual([false, false, false, false, true]);
  });

  it('slower taps do not count: only the last 3 s matter', () => {
    expect(run([[10, 10, false, 0], [10, 10, false, 1000], [10, 10, false, 2000], [10, 10, false, 3000], [10, 10, false, 3500]])).toEqual([false, false, false, false, false]);
    expect(run([[10, 10, false, 0], [10, 10, false, 1000], [10, 10, false, 2000], [10, 10, false, 3000], [10, 10, false, 3500], [10, 10, false, 3900]]).at(-1)).toBe(true);
  });

  it('a tap elsewhere or on a button («Назад») breaks the series', () => {
    expect(run([[10, 10, false, 0], [10, 10, false, 100], [500, 900, false, 200], [10, 10, false, 300], [10, 10, false, 400], [10, 10, false, 500]]).some(Boolean)).toBe(false);
    expect(run([[10, 10, false, 0], [10, 10, false, 100], [60, 40, true, 200], [10, 10, false, 300], [10, 10, false, 400]]).some(Boolean)).toBe(false);
  });
});
