import { describe, expect, it } from 'vitest';
import { fitLine, lineChart, niceStep } from './chart';

describe('the SVG line chart', () => {
  it('picks 1-2-5 steps and fits a line', () => {
    expect(niceStep(0, 100, 5)).toBe(20);
    expect(niceStep(0, 7, 5)).toBe(2);
    expect(niceStep(0, 0.3, 5)).toBeCloseTo(0.1);
    expect(niceStep(0, 0.2, 5)).toBeCloseTo(0.05);
    expect(fitLine([[0, 1], [10, 3]])).toEqual({ a: 1, b: 0.2 });
    expect(fitLine([[1, 1]])).toBeNull();
  });

  it('draws the series, the fit, windows and events as one self-contained SVG', () => {
    const svg = lineChart({
      title: 'Renderer JS heap <after GC>',
      unit: 'MB',
      points: [[0, 4], [1000, 4.1], [2000, 4.05]],
      fit: { a: 4, b: 0.00002, from: 0, to: 2000, label: '+0.02 MB / 1000' },
      bands: [{ from: 100, to: 125, kind: 'mis-down' }],
      events: [{ x: 500, kind: 'restart' }],
      ticks: [{ x: 700, kind: 'mis-5xx' }],
      xMax: 2000,
    });
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg).toContain('&lt;after GC&gt;');
    expect(svg).toMatch(/<path d="M[\d.]+,[\d.]+L/);
    expect(svg).toContain('stroke-dasharray="6,4"');
    expect(svg).toContain('#f4c7c3');
    expect(svg).toContain('#c62828');
    expect(svg.trim().endsWith('</svg>')).toBe(true);
  });
});
