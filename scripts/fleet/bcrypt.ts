// A bcrypt hash for Prometheus's web config (basic_auth_users), made by the system's crypt(3)
// through perl (Debian's libxcrypt knows $2b$): Node has no bcrypt, and no package is added for
// a test credential.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';

const ALPHABET = './ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/**
 * Cost 5 by default, as README "Running a fleet" advises for the receiver's per-kiosk passwords:
 * they are long random strings, which no cost protects better, and Prometheus checks one hash
 * at a time with a cache of 100 (receiver-auth-bench.ts: 2,000 kiosk passwords at cost 10 take
 * 8 requests/s, at cost 5 about 300).
 */
export function bcryptHash(password: string, cost = 5): string {
  // 22 characters carry 128 bits: the last one only its top two, so it is one of . O e u.
  const bytes = [...randomBytes(22)];
  const salt = bytes.slice(0, 21).map((b) => ALPHABET[b % 64]).join('') + '.Oeu'[bytes[21]! % 4];
  const setting = `$2b$${String(cost).padStart(2, '0')}$${salt}`;
  // The password and salt travel as arguments, never through a shell; -- so a password that
  // starts with - is not taken for one of perl's switches.
  const r = spawnSync('perl', ['-e', 'print crypt($ARGV[0], $ARGV[1])', '--', password, setting], { encoding: 'utf8' });
  const hash = r.stdout.trim();
  if (r.status !== 0 || !hash.startsWith(setting)) throw new Error(`perl crypt() gave no bcrypt hash (${r.stderr || hash})`);
  return hash;
}
