// The technician's hash maker refuses a PIN shorter than six digits; the keypad still takes the
// 4 and 5 digits of a hash made before (electron/core/service/pin.test.ts).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PIN_HASH_FORMAT, verifyPin } from '../electron/core/service/pin';

const run = (stdin: string) =>
  spawnSync(process.execPath, ['--import', 'tsx', path.resolve('scripts/service-pin-hash.ts')], { input: stdin, encoding: 'utf8', timeout: 30_000 });

describe('scripts/service-pin-hash.ts', () => {
  it.each(['1234', '12345', '12a456', '123456789'])('refuses %s: no hash printed, exit 2', (pin) => {
    const r = run(`${pin}\n`);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/6–8/);
  });

  it('prints the service.pinHash of a 6-digit PIN, and that hash opens with it', () => {
    const r = run('246810\n');
    expect(r.status, r.stderr).toBe(0);
    const pinHash = (JSON.parse(r.stdout) as { service: { pinHash: string } }).service.pinHash;
    expect(pinHash).toMatch(PIN_HASH_FORMAT);
    expect(verifyPin('246810', pinHash)).toBe(true);
  });
});
