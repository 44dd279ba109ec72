import { describe, expect, it } from 'vitest';
import { KIOSK_SWITCHES, switchArgs } from '../core/serving';
import { CHROMIUM_FLAGS, KIOSK_CHROMIUM_FLAGS } from './chromium-flags';

describe('the kiosk Chromium the host launches', () => {
  it('gets the kiosk switches Electron appends, after the host\'s own flags', () => {
    expect(KIOSK_CHROMIUM_FLAGS).toEqual([...CHROMIUM_FLAGS, ...switchArgs(KIOSK_SWITCHES)]);
    expect(KIOSK_CHROMIUM_FLAGS).toContain('--disable-pinch');
    expect(KIOSK_CHROMIUM_FLAGS).toContain('--no-sandbox');
  });
  it('has one --disable-features: Chromium keeps only the last of a repeated switch', () => {
    expect(KIOSK_CHROMIUM_FLAGS.filter((a) => a.startsWith('--disable-features'))).toHaveLength(1);
  });
});
