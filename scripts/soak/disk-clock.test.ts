import { mkdtempSync, rmSync, statSync, utimesSync, writeFileSync, renameSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { stampVirtualMtimes } from './disk-clock';

const dir = mkdtempSync(path.join(os.tmpdir(), 'infomat-diskclock-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const DAY = 86_400_000;

describe('virtual file times', () => {
  it('stamps what was written on real time once, follows renames, and refuses a clock too near the real one', () => {
    const offset = 100 * DAY;
    const a = path.join(dir, 'infomat.log');
    writeFileSync(a, 'x');
    const real = statSync(a).mtimeMs;
    expect(stampVirtualMtimes([dir], offset)).toBe(1);
    expect(statSync(a).mtimeMs).toBeCloseTo(real + offset, -2);
    // Stateless and idempotent: a second stamp (another process) changes nothing.
    expect(stampVirtualMtimes([dir], offset)).toBe(0);
    // A rotation keeps the stamp; a new write gets one.
    renameSync(a, `${a}.1`);
    writeFileSync(a, 'y');
    expect(stampVirtualMtimes([dir], offset + DAY)).toBe(1);
    expect(statSync(a).mtimeMs - statSync(`${a}.1`).mtimeMs).toBeGreaterThan(DAY - 60_000);
    // A file already far from the real time (stamped) is left alone.
    const old = path.join(dir, 'audit.log');
    writeFileSync(old, 'z');
    utimesSync(old, new Date(), new Date(Date.now() + offset));
    expect(stampVirtualMtimes([dir], offset)).toBe(0);
    expect(() => stampVirtualMtimes([dir], DAY)).toThrow(/7 days/);
    expect(stampVirtualMtimes([path.join(dir, 'missing')], offset)).toBe(0);
  });
});
