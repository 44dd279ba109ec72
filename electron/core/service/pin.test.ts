import { scryptSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hashPin, PIN_HASH_FORMAT, verifyPin } from './pin';

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

  it('makes a new hash only from 6 to 8 digits', () => {
    for (const pin of ['12', '1234', '12345', '12ab56', '123456789']) expect(() => hashPin(pin), pin).toThrow(/6 to 8 digits/);
    expect(hashPin('12345678')).toMatch(PIN_HASH_FORMAT);
  });

  it('still opens with a 4-digit PIN whose hash was made before six became the minimum', () => {
    const salt = Buffer.from('c2FsdHNhbHRzYWx0c2FsdA==', 'base64');
    const key = scryptSync('4821', salt, 32, { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 });
    const legacy = `scrypt$15$8$1$${salt.toString('base64')}$${key.toString('base64')}`;
    expect(legacy).toMatch(PIN_HASH_FORMAT);
    expect(verifyPin('4821', legacy)).toBe(true);
    expect(verifyPin('4822', legacy)).toBe(false);
  });
});
