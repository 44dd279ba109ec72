import { describe, expect, it } from 'vitest';
import type { Logger } from '../ports';
import { hashPin, PIN_HASH_FORMAT, verifyPin } from './pin';
import { LOCK_MS, PinGuard } from './pin-guard';

function recordingLogger() {
  const entries: Array<{ level: string; event: string; data?: Record<string, unknown> }> = [];
  const at = (level: string) => (event: string, data?: Record<string, unknown>) => void entries.push({ level, event, data });
  const log: Logger & { entries: typeof entries } = { entries, info: at('info'), warn: at('warn'), error: at('error'), audit: at('audit') };
  return log;
}

describe('PIN hash', () => {
  const stored = hashPin('482913');

  it('is salted scrypt: the PIN is not in it, and the same PIN hashes differently each time', () => {
    expect(stored).toMatch(PIN_HASH_FORMAT);
    expect(stored).not.toContain('482913');
    expect(hashPin('482913')).not.toBe(stored);
  });

  it('accepts the PIN and nothing else', () => {
    expect(verifyPin('482913', stored)).toBe(true);
    expect(verifyPin('482914', stored)).toBe(false);
    expect(verifyPin('', stored)).toBe(false);
    expect(verifyPin('4829130000000', stored)).toBe(false);
    expect(verifyPin('482913', 'plain:482913')).toBe(false);
  });

  it('a hash with parameters too costly for a kiosk is no valid hash: the config refuses it and a check never throws', () => {
    const [, , , , salt, hash] = stored.split('$');
    const heavy = `scrypt$18$8$1$${salt}$${hash}`;
    expect(heavy).not.toMatch(PIN_HASH_FORMAT);
    expect(() => verifyPin('482913', heavy)).not.toThrow();
    expect(verifyPin('482913', heavy)).toBe(false);
  });

  it('refuses to hash a PIN that is not 4–8 digits', () => {
    expect(() => hashPin('12')).toThrow(/4 to 8 digits/);
    expect(() => hashPin('12ab')).toThrow(/4 to 8 digits/);
  });
});

describe('PIN guard', () => {
  // A fake verify keeps these tests off scrypt's deliberate slowness.
  const verify = (pin: string) => pin === '1234';
  const setup = () => {
    let now = new Date('2026-11-27T10:00:00Z').getTime();
    const log = recordingLogger();
    const guard = new PinGuard({ pinHash: 'h', log, now: () => new Date(now), verify });
    return { guard, log, advance: (ms: number) => (now += ms) };
  };

  it('five wrong PINs lock the keypad for five minutes, even against the right PIN', () => {
    const { guard, advance } = setup();
    for (let left = 4; left >= 1; left--) expect(guard.attempt('0000')).toEqual({ ok: false, reason: 'wrong', attemptsLeft: left });
    expect(guard.attempt('0000')).toMatchObject({ ok: false, reason: 'locked' });
    expect(guard.attempt('1234')).toMatchObject({ ok: false, reason: 'locked' });
    advance(LOCK_MS - 1000);
    expect(guard.attempt('1234')).toMatchObject({ ok: false, reason: 'locked' });
    advance(1000);
    expect(guard.attempt('1234')).toEqual({ ok: true });
  });

  it('the right PIN resets the count', () => {
    const { guard } = setup();
    guard.attempt('0000');
    guard.attempt('0000');
    expect(guard.attempt('1234')).toEqual({ ok: true });
    expect(guard.attempt('0000')).toEqual({ ok: false, reason: 'wrong', attemptsLeft: 4 });
  });

  it('audits every attempt, never the PIN typed', () => {
    const { guard, log } = setup();
    guard.attempt('0000');
    guard.attempt('1234');
    const audits = log.entries.filter((e) => e.level === 'audit');
    expect(audits.map((e) => e.event)).toEqual(['service.wrong_pin', 'service.entered']);
    expect(JSON.stringify(log.entries)).not.toMatch(/0000|1234/);
  });

  it('no PIN configured: service mode cannot be entered at all', () => {
    const guard = new PinGuard({ pinHash: undefined, log: recordingLogger(), verify });
    expect(guard.attempt('1234')).toEqual({ ok: false, reason: 'not-configured' });
  });
});
