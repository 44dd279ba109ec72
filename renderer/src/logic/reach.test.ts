import { describe, expect, it } from 'vitest';
import { DEFAULT_REACH, reachableShare, reachLinePx, reachModeUseful } from './reach';

describe('reach line', () => {
  it('with the defaults the top 44 % of a 1920-px portrait screen is out of reach (~845 px)', () => {
    expect(reachableShare(DEFAULT_REACH)).toBeCloseTo(0.4 / 0.71, 5);
    expect(reachLinePx(DEFAULT_REACH, 1920)).toBe(838);
  });

  it('follows the mounting: a lower screen leaves more in reach, a taller one less', () => {
    expect(reachLinePx({ ...DEFAULT_REACH, bottomEdgeM: 0.6 }, 1920)).toBeLessThan(reachLinePx(DEFAULT_REACH, 1920));
    expect(reachLinePx({ ...DEFAULT_REACH, pictureHeightM: 0.95 }, 1920)).toBeGreaterThan(reachLinePx(DEFAULT_REACH, 1920));
  });

  it('stays on the screen whatever the numbers', () => {
    expect(reachableShare({ pictureHeightM: 0.71, bottomEdgeM: 1.3, maxReachM: 1.2 })).toBe(0);
    expect(reachableShare({ pictureHeightM: 0.5, bottomEdgeM: 0.5, maxReachM: 1.2 })).toBe(1);
    expect(reachLinePx({ pictureHeightM: 0.5, bottomEdgeM: 0.5, maxReachM: 1.2 }, 1920)).toBe(0);
    expect(reachableShare({ pictureHeightM: 0, bottomEdgeM: 0.8, maxReachM: 1.2 })).toBe(0);
  });

  it('is offered on portrait screens whose top is out of reach, never in landscape', () => {
    expect(reachModeUseful(DEFAULT_REACH, 'portrait')).toBe(true);
    expect(reachModeUseful(DEFAULT_REACH, 'landscape')).toBe(false);
    expect(reachModeUseful({ ...DEFAULT_REACH, offered: false }, 'portrait')).toBe(false);
    // The whole screen is low enough: nothing to move.
    expect(reachModeUseful({ ...DEFAULT_REACH, bottomEdgeM: 0.4 }, 'portrait')).toBe(false);
    // Too little in reach to hold a keypad: the button would promise what the screen cannot do.
    expect(reachModeUseful({ ...DEFAULT_REACH, bottomEdgeM: 1.0 }, 'portrait')).toBe(false);
  });
});
