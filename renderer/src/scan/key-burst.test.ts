import { describe, expect, it } from 'vitest';
import { KeyBurst } from './key-burst';

const feed = (b: KeyBurst, codes: string[], start: number, gap: number) => codes.map((c, i) => b.key(c, start + i * gap));
const codesOf = (digits: string, enter = 'Enter') => [...digits].map((d) => `Digit${d}`).concat(enter);

describe('keyboard-wedge burst', () => {
  it('16 digits 5 ms apart ending in Enter are a scan; every digit after the first is swallowed', () => {
    const steps = feed(new KeyBurst(), codesOf('5000000000000005'), 1000, 5);
    expect(steps[0]).toBe('start');
    expect(steps.slice(1, 16).every((s) => s === 'burst')).toBe(true);
    expect(steps[16]).toEqual({ scan: '5000000000000005' });
  });

  it('numpad digits and NumpadEnter count the same', () => {
    const steps = feed(new KeyBurst(), [...'64490208'].map((d) => `Numpad${d}`).concat('NumpadEnter'), 0, 3);
    expect(steps.at(-1)).toEqual({ scan: '64490208' });
  });

  it('a person typing (150 ms apart) is never a scan', () => {
    const steps = feed(new KeyBurst(), codesOf('5000000000000005'), 0, 150);
    expect(steps.every((s) => s === 'start' || s === 'pass')).toBe(true);
  });

  it('a pause inside the burst, a short burst, or a letter key breaks it', () => {
    const b = new KeyBurst();
    feed(b, codesOf('50000000'), 0, 5);
    expect(b.key('Digit1', 1000)).toBe('start');
    expect(feed(new KeyBurst(), codesOf('1234567'), 0, 5).at(-1)).toBe('pass');
    expect(feed(new KeyBurst(), ['Digit1', 'Digit2', 'KeyA', 'Digit3', 'Digit4', 'Digit5', 'Digit6', 'Digit7', 'Digit8', 'Enter'], 0, 5).at(-1)).toBe('pass');
  });
});
