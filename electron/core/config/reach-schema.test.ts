// Reach mode's geometry: a technician who mistypes the mounting height is told which field and
// why (in Russian), and the defaults describe a 32-inch portrait kiosk on a floor stand.
import { describe, expect, it } from 'vitest';
import { parseKioskConfigText } from './load';

const parse = (reach: Record<string, unknown>) => parseKioskConfigText(JSON.stringify({ demo: true, screen: { reach } }), 'config.json');
const problems = (reach: Record<string, unknown>) => {
  const r = parse(reach);
  return r.ok ? [] : r.problems;
};

describe('screen.reach', () => {
  it('defaults to a 32-inch portrait picture, its lower edge 0.8 m up, reach 1.2 m, the button offered', () => {
    const r = parse({});
    expect(r.ok && r.config.screen.reach).toEqual({ offered: true, pictureHeightM: 0.71, bottomEdgeM: 0.8, maxReachM: 1.2 });
  });

  it('takes another screen and stand', () => {
    expect(problems({ pictureHeightM: 0.95, bottomEdgeM: 0.7, maxReachM: 1.3, offered: false })).toEqual([]);
  });

  it('refuses heights out of bounds (centimetres typed as metres, a negative edge)', () => {
    expect(problems({ pictureHeightM: 71 })[0]).toMatch(/^screen\.reach\.pictureHeightM/);
    expect(problems({ bottomEdgeM: -0.1 })[0]).toMatch(/^screen\.reach\.bottomEdgeM/);
    expect(problems({ maxReachM: 120 })[0]).toMatch(/^screen\.reach\.maxReachM/);
  });

  it('refuses a reach no higher than the screen’s lower edge: no button could be reached', () => {
    const p = problems({ bottomEdgeM: 1.2, maxReachM: 1.2 });
    expect(p).toHaveLength(1);
    expect(p[0]).toMatch(/^screen\.reach\.maxReachM: досягаемая высота должна быть хотя бы на 0,1 м выше нижнего края экрана/);
  });
});
