import { describe, expect, it } from 'vitest';
import { DEFAULT_RATES, NO_FAULTS, parseRates, planFaults, windowsAt } from './faults';
import { createRng } from './prng';
import { books, planTraffic, type PlannedSession } from './traffic';

const plan = (seed: string, sessions = 2000, screensShare = 0.25) => {
  const rng = createRng(seed);
  const s = planTraffic({ sessions, screensShare, perDay: 300 }, rng.fork('traffic'));
  const w = planFaults(s, DEFAULT_RATES, 300, rng.fork('faults'));
  return { s, w };
};

describe('the traffic and fault plan', () => {
  it('is the same for the same seed, draw for draw, and another for another seed', () => {
    expect(plan('1')).toEqual(plan('1'));
    expect(JSON.stringify(plan('1'))).not.toBe(JSON.stringify(plan('2')));
  });

  it('sends exactly the screens share through the screens, spread over the run, 300 a day', () => {
    const { s } = plan('1');
    expect(s.filter((x) => x.via === 'screens')).toHaveLength(500);
    // Every stretch of 100 sessions has its quarter.
    for (let i = 0; i < 2000; i += 100) expect(s.slice(i, i + 100).filter((x) => x.via === 'screens')).toHaveLength(25);
    expect(s[299]!.day).toBe(0);
    expect(s[300]!.day).toBe(1);
    expect(s.at(-1)!.day).toBe(6);
    expect(() => planTraffic({ sessions: 10, screensShare: 0.2, perDay: 300 }, createRng(1))).toThrow(/0\.25/);
  });

  it('has every kind of session: the happy paths, «Мои записи», P2–P7, walk-aways and double taps', () => {
    const { s } = plan('1');
    const kinds = new Set(s.map((x) => `${x.via}/${x.kind}`));
    for (const k of ['book', 'book-clinic', 'self', 'appointments', 'error', 'walk-away', 'double-tap']) expect(kinds).toContain(`screens/${k}`);
    for (const k of ['book', 'self', 'appointments', 'error', 'double-book']) expect(kinds).toContain(`bridge/${k}`);
    expect(new Set(s.filter((x) => x.kind === 'error').map((x) => x.patient))).toEqual(new Set(['P2', 'P3', 'P4', 'P5', 'P6', 'P7']));
    expect(s.filter((x) => x.kind === 'walk-away').every((x) => x.walkAwayAt)).toBe(true);
    expect(books({ kind: 'appointments' })).toBe(false);
    expect(books({ kind: 'double-book' })).toBe(true);
  });

  it('draws faults only where they can strike, and printer windows that never overlap', () => {
    const { s, w } = plan('1');
    const all = s.flatMap((x: PlannedSession) => x.faults.map((f) => ({ f, x })));
    expect(all.length).toBeGreaterThan(100);
    for (const { f, x } of all) {
      if (f.kind === 'renderer-reload' || f.kind === 'renderer-crash') expect(x.via).toBe('screens');
      if (f.kind === 'lost-answer') expect(x.kind === 'appointments' || x.patient === 'P2' || x.patient === 'P3').toBe(false);
    }
    // A step of the clock back at the screen is followed by a walk-away (the idle countdown must hold).
    for (const x of s) for (const f of x.faults) if (f.kind === 'clock-ntp' && x.via === 'screens' && f.sign === -1) expect(x.walkAwayAt).toBeDefined();
    const printer = w.filter((x) => x.kind !== 'mis-down');
    for (let i = 1; i < printer.length; i++) expect(printer[i]!.from).toBeGreaterThanOrEqual(printer[i - 1]!.to);
    for (const m of w.filter((x) => x.kind === 'mis-down')) expect(m.to - m.from === 25 || m.to === 2000).toBe(true);
    expect(windowsAt(w, w[0]!.from)).toContainEqual(w[0]);
  });

  it('no faults at all with "off"; rates are read over the defaults and checked', () => {
    const rng = createRng(1);
    const s = planTraffic({ sessions: 500, screensShare: 0.5, perDay: 100 }, rng);
    expect(planFaults(s, NO_FAULTS, 100, rng)).toEqual([]);
    expect(s.every((x) => x.faults.length === 0)).toBe(true);
    expect(parseRates('off')).toEqual(NO_FAULTS);
    expect(parseRates('off,host-restart=0.5')).toEqual({ ...NO_FAULTS, 'host-restart': 0.5 });
    expect(parseRates('mis-5xx=0.5,host-restart=0')).toMatchObject({ 'mis-5xx': 0.5, 'host-restart': 0, 'mis-cut': DEFAULT_RATES['mis-cut'] });
    expect(() => parseRates('nonsense=1')).toThrow(/unknown fault/);
    expect(() => parseRates('mis-5xx=2')).toThrow(/0 to 1/);
  });
});
