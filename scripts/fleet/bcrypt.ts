// A bcrypt hash for Prometheus's web config (basic_auth_users), made by the system's crypt(3)
// through perl (Debian's libxcrypt knows $2b$): Node has no bcrypt, and no package is added for
// a test credential.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';

const ALPHABET = './ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

export function bcryptHash(password: string, cost = 10): string {
  // 22 characters carry 128 bits: the last one only its top two, so it is one of . O e u.
  const bytes = [...randomBytes(22)];
  const salt = bytes.slice(0, 21).map((b) => ALPHABET[b % 64]).join('') + '.Oeu'[bytes[21]! % 4];
  const setting = `$2b$${String(cost).padStart(2, '0')}$${salt}`;
  // The password and salt travel as arguments, never through a shell.
  const r = spawnSync('perl', ['-e', 'print crypt($ARGV[0], $ARGV[1])', password, setting], { encoding: 'utf8' });
  const hash = r.stdout.trim();
  if (r.status !== 0 || !hash.startsWith(setting)) throw new Error(`perl crypt() gave no bcrypt hash (${r.stderr || hash})`);
  return hash;
}
