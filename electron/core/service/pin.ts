// The service-mode PIN, kept only as a salted scrypt hash (config `service.pinHash`): the config
// file is readable by whoever can read the disk of a kiosk standing in a public lobby, and a
// 4–8 digit PIN in clear text, or under a fast hash, would be read or guessed offline at once.
// New PINs have at least 6 digits (a million tries instead of ten thousand, against the keypad
// lock's escalation too); the keypad and the bridge still take 4 and 5 digits, so a kiosk whose
// config holds an older hash keeps its PIN until the technician makes a new one.
import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';

/**
 * scrypt$<log2 N>$<r>$<p>$<salt, base64>$<hash, base64>. N ≤ 2^16 and r ≤ 8 keep one check
 * within 64 MiB and well under a second on a kiosk PC; bigger parameters would make every entry
 * attempt fail (memory) or freeze the main process for seconds.
 */
export const PIN_HASH_FORMAT = /^scrypt\$(1[4-6])\$([1-8])\$([1-4])\$([A-Za-z0-9+/]{22,}={0,2})\$([A-Za-z0-9+/]{43,}={0,2})$/;
/** What the keypad and the bridge accept, and what a stored hash may have been made from. */
export const PIN_FORMAT = /^\d{4,8}$/;
/** What a new hash is made from (scripts/service-pin-hash.ts). */
export const NEW_PIN_FORMAT = /^\d{6,8}$/;

const LOG_N = 15;
const R = 8;
const P = 1;
const KEY_LEN = 32;

export function hashPin(pin: string, salt: Buffer = randomBytes(16)): string {
  if (!NEW_PIN_FORMAT.test(pin)) throw new Error('PIN: 6 to 8 digits');
  const key = scryptSync(pin, salt, KEY_LEN, { N: 2 ** LOG_N, r: R, p: P, maxmem: 64 * 1024 * 1024 });
  return `scrypt$${LOG_N}$${R}$${P}$${salt.toString('base64')}$${key.toString('base64')}`;
}

/** False for a wrong PIN and for a malformed hash; never throws for what a technician types. */
export function verifyPin(pin: string, stored: string): boolean {
  const m = PIN_HASH_FORMAT.exec(stored);
  if (!m || typeof pin !== 'string' || !PIN_FORMAT.test(pin)) return false;
  const [, logN, r, p, salt, hash] = m;
  const expected = Buffer.from(hash!, 'base64');
  try {
    const key = scryptSync(pin, Buffer.from(salt!, 'base64'), expected.length, {
      N: 2 ** Number(logN),
      r: Number(r),
      p: Number(p),
      maxmem: 256 * 1024 * 1024,
    });
    return timingSafeEqual(key, expected);
  } catch {
    // A hash the format let through but scrypt refuses is no PIN anyone can type.
    return false;
  }
}
