// @vitest-environment jsdom
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { scanFirst } from '../logic/scan-first';
import { ScanPicture } from './ScanPicture';

const draw = (place: 'below' | 'right' | 'left', reads: 'serial' | 'keyboard') => {
  const host = document.createElement('div');
  host.innerHTML = renderToStaticMarkup(<ScanPicture place={place} reads={reads} labelledBy="x" />);
  return host.querySelector('svg')!;
};

describe('Welcome\'s scanner picture', () => {
  it('draws the paper policy only for a scanner that reads it, the phone\'s QR always', () => {
    expect(draw('below', 'serial').querySelector('.sp-sheet')).not.toBeNull();
    expect(draw('below', 'keyboard').querySelector('.sp-sheet')).toBeNull();
    expect(draw('below', 'keyboard').querySelector('.sp-phone')).not.toBeNull();
  });

  it('lights the window under the screen or at its side; a window on the left is the right one mirrored', () => {
    const below = draw('below', 'serial').querySelector('.sp-window')!;
    const right = draw('right', 'serial').querySelector('.sp-window')!;
    expect(Number(below.getAttribute('width'))).toBeGreaterThan(Number(below.getAttribute('height')));
    expect(Number(right.getAttribute('height'))).toBeGreaterThan(Number(right.getAttribute('width')));
    expect(draw('left', 'serial').querySelector('g')!.getAttribute('transform')).toContain('scale(-1 1)');
    expect(draw('right', 'serial').querySelector('g')!.getAttribute('transform')).toBeNull();
  });

  it('is offered only with a scanner and not while the MIS is down', () => {
    const down = { kind: 'mis-down' as const, text: { id: 'welcome.noSlip' as const }, blocksStart: true, phone: null };
    expect(scanFirst({ scanner: 'none', scannerPlace: 'below' }, null)).toBeNull();
    expect(scanFirst({ scanner: 'serial', scannerPlace: 'right' }, null)).toEqual({ place: 'right', reads: 'serial' });
    expect(scanFirst({ scanner: 'keyboard', scannerPlace: 'below' }, null)).toEqual({ place: 'below', reads: 'keyboard' });
    expect(scanFirst({ scanner: 'serial', scannerPlace: 'below' }, down)).toBeNull();
  });
});
